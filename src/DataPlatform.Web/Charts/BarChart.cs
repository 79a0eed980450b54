using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace DataPlatform.Web.Charts;

/// <summary>One named series of a chart: a value per category.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);

/// <summary>
/// What a chart shows, independent of how it is drawn: the numbers (categories × series), a title, a text
/// description for screen readers, and axis titles. The same numbers are always shown as a table too.
/// </summary>
public sealed record ChartData(string Title, string Description, string CategoryTitle, string ValueTitle, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series)
{
    /// <summary>Bars of several series on top of each other instead of side by side.</summary>
    public bool Stacked { get; init; }

    /// <summary>Categories down the side and bars across (long category names, such as labels).</summary>
    public bool Horizontal { get; init; }

    public bool IsEmpty => Categories.Count == 0 || Series.All(s => s.Values.All(v => v == 0));
}

/// <summary>
/// Draws a <see cref="ChartData"/> as an SVG bar chart on the server: no script, <c>role="img"</c> with a title and
/// description, a native tooltip on every bar, "nice" ticks, a legend, colours with at least 3:1 contrast on white,
/// and each series also told apart by a pattern. It scales to the width of its container (a phone's too).
/// </summary>
public static class BarChart
{
    /// <summary>Dark enough for 3:1 against white (WCAG 1.4.11), and apart for the common colour blindnesses.</summary>
    private static readonly string[] Colours = ["#1f5f99", "#b34700", "#2a7a3b", "#7b3294", "#a3203a", "#5a5a5a"];

    private static readonly int[] Steps = [1, 2, 5, 10];

    private const double Width = 640;
    private const double Left = 56;
    private const double Right = 16;
    private const double Top = 12;

    public static string Render(ChartData chart, string id)
    {
        var encoder = HtmlEncoder.Default;
        string E(string text) => encoder.Encode(text);
        var labelWidth = chart.Horizontal ? Math.Min(220, 12 + 6.5 * chart.Categories.Max(c => c.Length)) : Left;
        var bandSize = chart.Horizontal ? Math.Max(22, 28 - chart.Series.Count * 2) * (chart.Stacked ? 1 : Math.Max(1, chart.Series.Count * 0.7)) : 0;
        var plotHeight = chart.Horizontal ? bandSize * chart.Categories.Count : 220;
        var legendHeight = chart.Series.Count > 1 ? 24 * ((chart.Series.Count + 2) / 3) : 0;
        var height = Top + plotHeight + 44 + legendHeight;
        var plotLeft = chart.Horizontal ? labelWidth : Left;
        var plotWidth = Width - plotLeft - Right;

        var totals = Enumerable.Range(0, chart.Categories.Count)
            .Select(i => chart.Stacked ? chart.Series.Sum(s => s.Values[i]) : chart.Series.Max(s => s.Values[i])).ToList();
        var (max, step) = NiceScale(totals.DefaultIfEmpty(0).Max());

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {Width} {N(height)}\" preserveAspectRatio=\"xMinYMin meet\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{E(chart.Title)}</title><desc id=\"{id}-desc\">{E(chart.Description)}</desc>");
        svg.Append("<defs>");
        for (var s = 0; s < chart.Series.Count; s++)
        {
            svg.Append(Pattern(id, s));
        }
        svg.Append("</defs>");

        // Value axis: grid lines and ticks.
        for (var v = 0.0; v <= max + step / 2; v += step)
        {
            if (chart.Horizontal)
            {
                var x = plotLeft + v / max * plotWidth;
                svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{N(x)}\" y1=\"{Top}\" x2=\"{N(x)}\" y2=\"{N(Top + plotHeight)}\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{N(x)}\" y=\"{N(Top + plotHeight + 16)}\" text-anchor=\"middle\">{Number(v)}</text>");
            }
            else
            {
                var y = Top + plotHeight - v / max * plotHeight;
                svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{N(plotLeft)}\" y1=\"{N(y)}\" x2=\"{N(plotLeft + plotWidth)}\" y2=\"{N(y)}\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{N(plotLeft - 6)}\" y=\"{N(y + 4)}\" text-anchor=\"end\">{Number(v)}</text>");
            }
        }

        var band = (chart.Horizontal ? plotHeight : plotWidth) / Math.Max(1, chart.Categories.Count);
        var labelEvery = chart.Horizontal ? 1 : Math.Max(1, (int)Math.Ceiling(chart.Categories.Count * 34 / plotWidth));
        for (var c = 0; c < chart.Categories.Count; c++)
        {
            var start = (chart.Horizontal ? Top : plotLeft) + c * band;
            var inner = band * 0.8;
            var offset = 0.0;
            for (var s = 0; s < chart.Series.Count; s++)
            {
                var value = chart.Series[s].Values[c];
                if (value <= 0)
                {
                    continue;
                }
                var length = value / max * (chart.Horizontal ? plotWidth : plotHeight);
                var thickness = chart.Stacked ? inner : inner / chart.Series.Count;
                var across = start + band * 0.1 + (chart.Stacked ? 0 : s * thickness);
                var tooltip = chart.Series.Count > 1 ? $"{chart.Categories[c]}, {chart.Series[s].Name}: {Number(value)}" : $"{chart.Categories[c]}: {Number(value)}";
                var (x, y, w, h) = chart.Horizontal
                    ? (plotLeft + offset, across, length, thickness)
                    : (across, Top + plotHeight - offset - length, thickness, length);
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(w)}\" height=\"{N(h)}\" fill=\"url(#{id}-p{s})\" stroke=\"{Colours[s % Colours.Length]}\"><title>{E(tooltip)}</title></rect>");
                if (chart.Stacked)
                {
                    offset += length;
                }
            }
            if (c % labelEvery == 0)
            {
                svg.Append(chart.Horizontal
                    ? string.Create(CultureInfo.InvariantCulture, $"<text class=\"category\" x=\"{N(plotLeft - 6)}\" y=\"{N(start + band / 2 + 4)}\" text-anchor=\"end\">{E(Shorten(chart.Categories[c], 32))}</text>")
                    : string.Create(CultureInfo.InvariantCulture, $"<text class=\"category\" x=\"{N(start + band / 2)}\" y=\"{N(Top + plotHeight + 16)}\" text-anchor=\"middle\">{E(chart.Categories[c])}</text>"));
            }
        }
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis-title\" x=\"{N(plotLeft + plotWidth / 2)}\" y=\"{N(Top + plotHeight + 36)}\" text-anchor=\"middle\">{E(chart.Horizontal ? chart.ValueTitle : chart.CategoryTitle)}</text>");
        if (!chart.Horizontal)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis-title\" transform=\"rotate(-90)\" x=\"{N(-(Top + plotHeight / 2))}\" y=\"14\" text-anchor=\"middle\">{E(chart.ValueTitle)}</text>");
        }
        if (chart.Series.Count > 1)
        {
            for (var s = 0; s < chart.Series.Count; s++)
            {
                var x = 8 + s % 3 * (Width / 3);
                var y = Top + plotHeight + 50 + s / 3 * 24;
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"14\" height=\"14\" fill=\"url(#{id}-p{s})\" stroke=\"{Colours[s % Colours.Length]}\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"legend\" x=\"{N(x + 20)}\" y=\"{N(y + 12)}\">{E(chart.Series[s].Name)}</text>");
            }
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>An axis maximum and step of 1, 2 or 5 × 10ⁿ, with four to ten steps.</summary>
    public static (double Max, double Step) NiceScale(double maximum)
    {
        if (maximum <= 0)
        {
            return (1, 1);
        }
        var rough = maximum / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = Steps.Select(f => f * magnitude).First(s => s >= rough);
        step = Math.Max(step, 1);
        return (Math.Ceiling(maximum / step) * step, step);
    }

    /// <summary>Series 0 solid; the others a hatch, dots or cross-hatch in their colour, so no series is known by colour alone.</summary>
    private static string Pattern(string id, int series)
    {
        var colour = Colours[series % Colours.Length];
        var mark = (series % 4) switch
        {
            0 => $"<rect width=\"8\" height=\"8\" fill=\"{colour}\"/>",
            1 => $"<rect width=\"8\" height=\"8\" fill=\"#fff\"/><path d=\"M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4\" stroke=\"{colour}\" stroke-width=\"2.5\"/>",
            2 => $"<rect width=\"8\" height=\"8\" fill=\"{colour}\" opacity=\"0.35\"/><circle cx=\"4\" cy=\"4\" r=\"2\" fill=\"{colour}\"/>",
            _ => $"<rect width=\"8\" height=\"8\" fill=\"#fff\"/><path d=\"M0,0 l8,8 M8,0 l-8,8\" stroke=\"{colour}\" stroke-width=\"2\"/>",
        };
        return $"<pattern id=\"{id}-p{series}\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">{mark}</pattern>";
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("#,0.##", CultureInfo.CurrentCulture);
}

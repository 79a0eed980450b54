using System.Globalization;
using System.Net;
using System.Text;

namespace DataPlatform.Content.Charts;

/// <summary>
/// Draws a <see cref="Chart"/> as SVG on the server: bars (grouped or stacked, vertical or horizontal), lines, markers,
/// lines with markers and filled areas, on category, number or date axes with "nice" ticks. No script: <c>role="img"</c>
/// with a title and a description, a native tooltip on every mark, colours with at least 3:1 contrast on white, and
/// every series also told apart without colour (a bar pattern, a line dash, a marker shape). It scales to the width
/// of its container, a phone's too. Long series are thinned for drawing (each bucket keeps its lowest and highest
/// point, so peaks stay); the table and the CSV keep every value.
/// </summary>
public static class ChartSvg
{
    /// <summary>The most points of one series drawn; more are thinned (the table keeps them all).</summary>
    public const int MaxDrawnPoints = 240;

    /// <summary>Above this many points a series' points carry no tooltip of their own (the line's tooltip and the table tell the values).</summary>
    public const int MaxMarkedPoints = 60;

    /// <summary>The drawing's width on a wide screen, and on a phone: each is drawn at about its own size, so its 12-unit text reads at 12 px, never below 11.</summary>
    public const double WideWidth = 640, NarrowWidth = 360;

    /// <summary>The most bars drawn side by side; with more categories than this, bars are drawn as an area (the table keeps them).</summary>
    public const int MaxBars = 200;

    private const double Top = ChartLayout.Top, CharWidth = ChartLayout.CharWidth;

    /// <summary>The chart as SVG <paramref name="width"/> units wide (<see cref="WideWidth"/> or <see cref="NarrowWidth"/>); no text falls outside it.</summary>
    public static string Render(Chart chart, string id, CultureInfo culture, double width = WideWidth)
    {
        if (chart.Series.Any(s => s.Kind == ChartKind.Bar) && chart.XValues.Count > MaxBars)
        {
            // Hundreds of bars are thinner than a pixel and their tooltips cannot be aimed at: an area shows the same shape.
            chart = chart with { Series = chart.Series.Select(s => s.Kind == ChartKind.Bar ? s with { Kind = ChartKind.Area } : s).ToList(), Horizontal = false };
        }
        var layout = new ChartLayout(chart, culture, width);
        var svg = new StringBuilder(4096);
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart {(layout.Narrow ? "chart-narrow" : "chart-wide")}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {layout.N(width)} {layout.N(layout.Height)}\" preserveAspectRatio=\"xMinYMin meet\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{E(chart.Title)}</title><desc id=\"{id}-desc\">{E(chart.Description)}</desc>");
        if (chart.Series.Any(s => s.Kind == ChartKind.Bar))
        {
            svg.Append("<defs>");
            for (var s = 0; s < chart.Series.Count; s++)
            {
                svg.Append(ChartMarks.Pattern(id, s));
            }
            svg.Append("</defs>");
        }
        ValueAxis(svg, layout, culture);
        XAxis(svg, layout, culture);
        // Bars first, so lines and markers drawn over them stay visible.
        Bars(svg, chart, layout, id, culture);
        // Where each stacked area starts: on the areas drawn before it.
        var areaBase = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var s = 0; s < chart.Series.Count; s++)
        {
            if (chart.Series[s].Kind != ChartKind.Bar)
            {
                Series(svg, chart, s, layout, culture, areaBase);
            }
        }
        AxisTitles(svg, chart, layout);
        return svg.Append("</svg>").ToString();
    }

    /// <summary>Value axis: grid lines and ticks.</summary>
    private static void ValueAxis(StringBuilder svg, ChartLayout layout, CultureInfo culture)
    {
        var (left, plotWidth, plotHeight, width) = (layout.Left, layout.PlotWidth, layout.PlotHeight, layout.Width);
        foreach (var tick in layout.ValueScale.Ticks)
        {
            var p = layout.ValuePosition(tick);
            var text = ChartScale.FormatNumber(tick, culture);
            // Under horizontal bars the last value's label would reach past the right edge: it ends at the tick instead.
            var anchor = layout.Horizontal && p + text.Length * CharWidth / 2 > width ? "end" : "middle";
            svg.Append(layout.Horizontal
                ? string.Create(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{layout.N(p)}\" y1=\"{Top}\" x2=\"{layout.N(p)}\" y2=\"{layout.N(Top + plotHeight)}\"/><text class=\"tick\" x=\"{layout.N(anchor == "end" ? Math.Min(width, p + 2) : p)}\" y=\"{layout.N(Top + plotHeight + 16)}\" text-anchor=\"{anchor}\">{text}</text>")
                : string.Create(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{layout.N(left)}\" y1=\"{layout.N(p)}\" x2=\"{layout.N(left + plotWidth)}\" y2=\"{layout.N(p)}\"/><text class=\"tick\" x=\"{layout.N(left - 6)}\" y=\"{layout.N(p + 4)}\" text-anchor=\"end\">{text}</text>"));
        }
    }

    /// <summary>X axis: ticks on a continuous axis; names under (or beside) bands, thinned so they do not overlap; then the zero line.</summary>
    private static void XAxis(StringBuilder svg, ChartLayout layout, CultureInfo culture)
    {
        var (left, plotWidth, plotHeight, width, band, xValues) = (layout.Left, layout.PlotWidth, layout.PlotHeight, layout.Width, layout.Band, layout.XValues);
        if (layout.XScale is { } xScale)
        {
            var labels = xScale.Ticks.Select(tick => layout.Axis == AxisKind.Date ? new DateTime((long)tick).ToString(layout.DateFormat, culture) : layout.XNumber(tick)).ToList();
            // Every other label (or fewer) when they would touch; a label at either end is anchored inside the drawing.
            var spacing = plotWidth / Math.Max(1, labels.Count - 1);
            var every = Math.Max(1, (int)Math.Ceiling((labels.Max(l => l.Length) * CharWidth + 8) / spacing));
            for (var i = 0; i < labels.Count; i++)
            {
                var p = xScale.Map(xScale.Ticks[i], left, left + plotWidth);
                svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{layout.N(p)}\" y1=\"{layout.N(Top + plotHeight)}\" x2=\"{layout.N(p)}\" y2=\"{layout.N(Top + plotHeight + 4)}\"/>");
                if (i % every == 0)
                {
                    var half = labels[i].Length * CharWidth / 2;
                    var anchor = p - half < 0 ? "start" : p + half > width ? "end" : "middle";
                    var at = anchor switch { "start" => Math.Max(0, p - 2), "end" => Math.Min(width, p + 2), _ => p };
                    svg.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{layout.N(at)}\" y=\"{layout.N(Top + plotHeight + 16)}\" text-anchor=\"{anchor}\">{E(labels[i])}</text>");
                }
            }
        }
        else
        {
            // Names under bands: as many characters as the band (or a few bands) holds, thinned so they never touch and
            // never reach past the drawing's edges; names beside horizontal bars: as many as the left margin holds.
            // A shortened name carries the whole name as its tooltip, and the table has it too.
            var underChars = Math.Max(4, Math.Min(20, xValues.DefaultIfEmpty("").Max(x => x.Length)));
            var every = layout.Horizontal ? Math.Max(1, (int)Math.Ceiling(14 / band)) : Math.Max(1, (int)Math.Ceiling((underChars * CharWidth + 8) / band));
            var underRoom = (int)Math.Floor((band * every - 8) / CharWidth);
            for (var c = 0; c < xValues.Count; c += every)
            {
                var p = (layout.Horizontal ? Top : left) + (c + 0.5) * band;
                if (layout.Horizontal)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<text class=\"category\" x=\"{layout.N(left - 6)}\" y=\"{layout.N(p + 4)}\" text-anchor=\"end\">{Label(xValues[c], layout.CategoryChars)}</text>");
                    continue;
                }
                var label = Shorten(xValues[c], Math.Max(3, Math.Min(underChars, underRoom)));
                var half = label.Length * CharWidth / 2;
                var at = Math.Clamp(p, half + 1, width - half - 1);
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"category\" x=\"{layout.N(at)}\" y=\"{layout.N(Top + plotHeight + 16)}\" text-anchor=\"middle\">{Label(xValues[c], label.Length)}</text>");
            }
        }
        var zero = layout.ValuePosition(Math.Clamp(0, layout.ValueScale.Min, layout.ValueScale.Max));
        svg.Append(layout.Horizontal
            ? string.Create(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{layout.N(zero)}\" y1=\"{Top}\" x2=\"{layout.N(zero)}\" y2=\"{layout.N(Top + plotHeight)}\"/>")
            : string.Create(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{layout.N(left)}\" y1=\"{layout.N(zero)}\" x2=\"{layout.N(left + plotWidth)}\" y2=\"{layout.N(zero)}\"/>"));
    }

    /// <summary>The bars of every bar series: side by side in a band, or stacked (positive and negative parts apart).</summary>
    private static void Bars(StringBuilder svg, Chart chart, ChartLayout layout, string id, CultureInfo culture)
    {
        var band = layout.Band;
        var barSeries = chart.Series.Select((s, i) => (s, i)).Where(p => p.s.Kind == ChartKind.Bar).ToList();
        var offsets = new double[layout.XValues.Count, 2];
        for (var b = 0; b < barSeries.Count; b++)
        {
            var (series, s) = barSeries[b];
            for (var i = 0; i < series.Y.Count; i++)
            {
                if (series.Y[i] is not { } y || y == 0)
                {
                    continue; // a bar of nothing is not drawn (the table says 0)
                }
                var c = layout.CategoryOf(series.X[i]);
                var inner = band * 0.8;
                var thickness = layout.Stacked ? inner : inner / barSeries.Count;
                var across = (layout.Horizontal ? Top : layout.Left) + c * band + band * 0.1 + (layout.Stacked ? 0 : b * thickness);
                var from = layout.Stacked ? offsets[c, y >= 0 ? 0 : 1] : 0;
                var to = from + y;
                if (layout.Stacked)
                {
                    offsets[c, y >= 0 ? 0 : 1] = to;
                }
                var (p1, p2) = (layout.ValuePosition(from), layout.ValuePosition(to));
                var tooltip = chart.Series.Count > 1 ? $"{layout.XLabel(series.X[i])}, {series.Name}: {ChartScale.FormatNumber(y, culture)}" : $"{layout.XLabel(series.X[i])}: {ChartScale.FormatNumber(y, culture)}";
                var (x, yPos, w, hgt) = layout.Horizontal
                    ? (Math.Min(p1, p2), across, Math.Abs(p2 - p1), thickness)
                    : (across, Math.Min(p1, p2), thickness, Math.Abs(p2 - p1));
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"mark bar\" x=\"{layout.N(x)}\" y=\"{layout.N(yPos)}\" width=\"{layout.N(w)}\" height=\"{layout.N(hgt)}\" fill=\"url(#{id}-p{s})\" stroke=\"{ChartMarks.Colours[s % ChartMarks.Colours.Length]}\">{(layout.Narrow ? "" : $"<title>{E(tooltip)}</title>")}</rect>");
            }
        }
    }

    /// <summary>One series that is not bars: its area, its line, its markers, as its kind asks.</summary>
    private static void Series(StringBuilder svg, Chart chart, int s, ChartLayout layout, CultureInfo culture, Dictionary<string, double> areaBase)
    {
        var series = chart.Series[s];
        var narrow = layout.Narrow;
        var colour = ChartMarks.Colours[s % ChartMarks.Colours.Length];
        var points = new List<(double X, double Y, string XText, double Value, double Base)>();
        for (var i = 0; i < series.Y.Count; i++)
        {
            if (series.Y[i] is { } y)
            {
                var below = layout.Stacked && series.Kind == ChartKind.Area ? areaBase.GetValueOrDefault(series.X[i]) : 0;
                if (layout.Stacked && series.Kind == ChartKind.Area)
                {
                    areaBase[series.X[i]] = below + y;
                }
                points.Add((layout.XPosition(series.X[i]), layout.ValuePosition(below + y), series.X[i], y, layout.ValuePosition(below)));
            }
        }
        if (layout.XScale is not null)
        {
            points.Sort((a, b) => a.X.CompareTo(b.X));
        }
        var drawn = Thin(points, layout.MaxPoints);
        var summary = points.Count == 0 ? series.Name
            : $"{series.Name}: {points.Count.ToString("#,0", culture)} × ({layout.XLabel(points[0].XText)} … {layout.XLabel(points[^1].XText)}), {ChartScale.FormatNumber(points.Min(p => p.Value), culture)} – {ChartScale.FormatNumber(points.Max(p => p.Value), culture)}";
        if (series.Kind is ChartKind.Area && drawn.Count > 1)
        {
            var area = new StringBuilder();
            area.Append(CultureInfo.InvariantCulture, $"M{layout.N(drawn[0].X)},{layout.N(drawn[0].Base)}");
            foreach (var p in drawn)
            {
                area.Append(CultureInfo.InvariantCulture, $"L{layout.N(p.X)},{layout.N(p.Y)}");
            }
            if (drawn.All(p => layout.N(p.Base) == layout.N(drawn[0].Base)))
            {
                // A flat base (an area not stacked on another) closes with one line along it, not a point per value.
                area.Append(CultureInfo.InvariantCulture, $"L{layout.N(drawn[^1].X)},{layout.N(drawn[^1].Base)}");
            }
            else
            {
                for (var i = drawn.Count - 1; i >= 0; i--)
                {
                    area.Append(CultureInfo.InvariantCulture, $"L{layout.N(drawn[i].X)},{layout.N(drawn[i].Base)}");
                }
            }
            svg.Append(CultureInfo.InvariantCulture, $"<path class=\"area\" d=\"{area}Z\" fill=\"{colour}\" fill-opacity=\"0.25\"/>");
        }
        if (series.Kind is ChartKind.Line or ChartKind.LinesAndMarkers or ChartKind.Area && drawn.Count > 1)
        {
            var path = new StringBuilder();
            for (var i = 0; i < drawn.Count; i++)
            {
                path.Append(i == 0 ? 'M' : 'L').Append(layout.N(drawn[i].X)).Append(',').Append(layout.N(drawn[i].Y));
            }
            var dash = ChartMarks.Dashes[s % ChartMarks.Dashes.Length] is { Length: > 0 } d ? $" stroke-dasharray=\"{d}\"" : "";
            svg.Append(CultureInfo.InvariantCulture, $"<path class=\"mark line\" d=\"{path}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"{dash}>{(narrow ? "" : $"<title>{E(summary)}</title>")}</path>");
        }
        if (series.Kind is ChartKind.Markers or ChartKind.LinesAndMarkers || (series.Kind is not ChartKind.Bar && drawn.Count == 1))
        {
            if (drawn.Count <= MaxMarkedPoints && !narrow)
            {
                foreach (var p in drawn)
                {
                    var title = $"<title>{E(chart.Series.Count > 1 ? $"{layout.XLabel(p.XText)}, {series.Name}: {ChartScale.FormatNumber(p.Value, culture)}" : $"{layout.XLabel(p.XText)}: {ChartScale.FormatNumber(p.Value, culture)}")}</title>";
                    svg.Append(ChartMarks.Marker(s, p.X, p.Y, colour, title));
                }
            }
            else
            {
                // Marks without tooltips of their own are one path per series: a third of the bytes of an element each.
                svg.Append(ChartMarks.Markers(s, drawn.Select(p => (p.X, p.Y)), colour, narrow ? "" : $"<title>{E(summary)}</title>"));
            }
        }
    }

    private static void AxisTitles(StringBuilder svg, Chart chart, ChartLayout layout)
    {
        var (alongX, alongY) = layout.Horizontal ? (chart.YTitle, chart.XTitle) : (chart.XTitle, chart.YTitle);
        if (alongX.Length > 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis-title\" x=\"{layout.N(layout.Width / 2)}\" y=\"{layout.N(Top + layout.PlotHeight + 38)}\" text-anchor=\"middle\">{Label(alongX, (int)Math.Floor((layout.Width - 8) / CharWidth))}</text>");
        }
        if (alongY.Length > 0 && !layout.Horizontal)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis-title\" transform=\"rotate(-90)\" x=\"{layout.N(-(Top + layout.PlotHeight / 2))}\" y=\"14\" text-anchor=\"middle\">{Label(alongY, (int)Math.Floor(layout.PlotHeight / CharWidth))}</text>");
        }
    }

    /// <summary>
    /// At most <see cref="MaxDrawnPoints"/> points: the series cut into buckets along x, each keeping its lowest and
    /// highest point in x order, so a spike is never smoothed away.
    /// </summary>
    private static List<(double X, double Y, string XText, double Value, double Base)> Thin(List<(double X, double Y, string XText, double Value, double Base)> points, int maxPoints)
    {
        if (points.Count <= maxPoints)
        {
            return points;
        }
        var buckets = maxPoints / 2;
        var kept = new List<(double X, double Y, string XText, double Value, double Base)>(maxPoints);
        for (var b = 0; b < buckets; b++)
        {
            var start = (int)((long)b * points.Count / buckets);
            var end = (int)((long)(b + 1) * points.Count / buckets);
            if (end <= start)
            {
                continue;
            }
            var (lowest, highest) = (start, start);
            for (var i = start + 1; i < end; i++)
            {
                lowest = points[i].Value < points[lowest].Value ? i : lowest;
                highest = points[i].Value > points[highest].Value ? i : highest;
            }
            kept.Add(points[Math.Min(lowest, highest)]);
            if (lowest != highest)
            {
                kept.Add(points[Math.Max(lowest, highest)]);
            }
        }
        return kept;
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)].TrimEnd() + "…";

    /// <summary>A text of at most <paramref name="length"/> characters; a shortened one keeps the whole text as its tooltip.</summary>
    private static string Label(string text, int length) =>
        text.Length <= length ? E(text) : $"{E(Shorten(text, length))}<title>{E(text)}</title>";

    internal static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text;

namespace DataPlatform.Content.Charts;

/// <summary>
/// How a chart's series are told apart, by colour and without it: each series' colour, line dash, bar pattern and
/// marker shape, and the swatch the legend shows for it.
/// </summary>
public static class ChartMarks
{
    /// <summary>Dark enough for 3:1 against white (WCAG 1.4.11), and apart for the common colour blindnesses.</summary>
    public static readonly string[] Colours = ["#1f5f99", "#b34700", "#2a7a3b", "#7b3294", "#a3203a", "#5a5a5a"];

    /// <summary>Line dashes by series: solid, dashed, dotted, dash-dot, long dashes, dense dots.</summary>
    public static readonly string[] Dashes = ["", "7 4", "2 3", "9 3 2 3", "14 5", "1 2"];

    /// <summary>A small SVG that shows how a series is drawn, for the legend beside the chart.</summary>
    public static string Swatch(string id, int series, ChartKind kind)
    {
        var colour = Colours[series % Colours.Length];
        var body = kind switch
        {
            ChartKind.Bar => $"<defs>{Pattern(id + "-legend", series)}</defs><rect x=\"5\" y=\"1\" width=\"14\" height=\"14\" fill=\"url(#{id}-legend-p{series})\" stroke=\"{colour}\"/>",
            ChartKind.Markers => Marker(series, 12, 8, colour, ""),
            _ => $"<path d=\"M0,8L24,8\" stroke=\"{colour}\" stroke-width=\"2\"{(Dashes[series % Dashes.Length] is { Length: > 0 } d ? $" stroke-dasharray=\"{d}\"" : "")}/>"
                + (kind == ChartKind.LinesAndMarkers ? Marker(series, 12, 8, colour, "") : ""),
        };
        return $"<svg class=\"swatch\" width=\"24\" height=\"16\" viewBox=\"0 0 24 16\" aria-hidden=\"true\">{body}</svg>";
    }

    /// <summary>A marker whose shape depends on the series: circle, square, triangle, diamond.</summary>
    internal static string Marker(int series, double x, double y, string colour, string title) => (series % 4) switch
    {
        0 => string.Create(CultureInfo.InvariantCulture, $"<circle class=\"mark point\" cx=\"{ChartSvg.N(x)}\" cy=\"{ChartSvg.N(y)}\" r=\"3.5\" fill=\"{colour}\">{title}</circle>"),
        1 => string.Create(CultureInfo.InvariantCulture, $"<rect class=\"mark point\" x=\"{ChartSvg.N(x - 3.5)}\" y=\"{ChartSvg.N(y - 3.5)}\" width=\"7\" height=\"7\" fill=\"{colour}\">{title}</rect>"),
        2 => string.Create(CultureInfo.InvariantCulture, $"<path class=\"mark point\" d=\"M{ChartSvg.N(x)},{ChartSvg.N(y - 4.5)}L{ChartSvg.N(x + 4.5)},{ChartSvg.N(y + 3.5)}L{ChartSvg.N(x - 4.5)},{ChartSvg.N(y + 3.5)}Z\" fill=\"{colour}\">{title}</path>"),
        _ => string.Create(CultureInfo.InvariantCulture, $"<path class=\"mark point\" d=\"M{ChartSvg.N(x)},{ChartSvg.N(y - 5)}L{ChartSvg.N(x + 5)},{ChartSvg.N(y)}L{ChartSvg.N(x)},{ChartSvg.N(y + 5)}L{ChartSvg.N(x - 5)},{ChartSvg.N(y)}Z\" fill=\"#fff\" stroke=\"{colour}\" stroke-width=\"2\">{title}</path>"),
    };

    /// <summary>Many markers of one series as one path, in the same shapes as <see cref="Marker"/>.</summary>
    internal static string Markers(int series, IEnumerable<(double X, double Y)> points, string colour, string title)
    {
        var d = new StringBuilder();
        foreach (var (x, y) in points)
        {
            d.Append((series % 4) switch
            {
                0 => string.Create(CultureInfo.InvariantCulture, $"M{ChartSvg.N(x - 3.5)},{ChartSvg.N(y)}a3.5,3.5 0 1,0 7,0a3.5,3.5 0 1,0 -7,0"),
                1 => string.Create(CultureInfo.InvariantCulture, $"M{ChartSvg.N(x - 3.5)},{ChartSvg.N(y - 3.5)}h7v7h-7z"),
                2 => string.Create(CultureInfo.InvariantCulture, $"M{ChartSvg.N(x)},{ChartSvg.N(y - 4.5)}l4.5,8l-9,0z"),
                _ => string.Create(CultureInfo.InvariantCulture, $"M{ChartSvg.N(x)},{ChartSvg.N(y - 5)}l5,5l-5,5l-5,-5z"),
            });
        }
        var paint = series % 4 == 3 ? $"fill=\"#fff\" stroke=\"{colour}\" stroke-width=\"2\"" : $"fill=\"{colour}\"";
        return $"<path class=\"mark points\" d=\"{d}\" {paint}>{title}</path>";
    }

    /// <summary>Series 0 solid; the others a hatch, dots or cross-hatch in their colour, so no series is known by colour alone.</summary>
    internal static string Pattern(string id, int series)
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
}

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
    /// <summary>Dark enough for 3:1 against white (WCAG 1.4.11), and apart for the common colour blindnesses.</summary>
    public static readonly string[] Colours = ["#1f5f99", "#b34700", "#2a7a3b", "#7b3294", "#a3203a", "#5a5a5a"];

    /// <summary>Line dashes by series: solid, dashed, dotted, dash-dot, long dashes, dense dots.</summary>
    public static readonly string[] Dashes = ["", "7 4", "2 3", "9 3 2 3", "14 5", "1 2"];

    /// <summary>The most points of one series drawn; more are thinned (the table keeps them all).</summary>
    public const int MaxDrawnPoints = 240;

    /// <summary>Above this many points a series' points carry no tooltip of their own (the line's tooltip and the table tell the values).</summary>
    public const int MaxMarkedPoints = 60;

    /// <summary>The drawing's width on a wide screen, and on a phone: each is drawn at about its own size, so its 12-unit text reads at 12 px, never below 11.</summary>
    public const double WideWidth = 640, NarrowWidth = 360;

    /// <summary>Room at the right for the last tick label's overhang.</summary>
    private const double Right = 16;
    private const double Top = 12;

    /// <summary>The width of a character of the charts' 12-unit text, generous (digits and most letters are narrower), so labels are given room they fill.</summary>
    private const double CharWidth = 7.2;

    /// <summary>The most bars drawn side by side; with more categories than this, bars are drawn as an area (the table keeps them).</summary>
    public const int MaxBars = 200;

    /// <summary>The chart as SVG <paramref name="width"/> units wide (<see cref="WideWidth"/> or <see cref="NarrowWidth"/>); no text falls outside it.</summary>
    public static string Render(Chart chart, string id, CultureInfo culture, double width = WideWidth)
    {
        if (chart.Series.Any(s => s.Kind == ChartKind.Bar) && chart.XValues.Count > MaxBars)
        {
            // Hundreds of bars are thinner than a pixel and their tooltips cannot be aimed at: an area shows the same shape.
            chart = chart with { Series = chart.Series.Select(s => s.Kind == ChartKind.Bar ? s with { Kind = ChartKind.Area } : s).ToList(), Horizontal = false };
        }
        var svg = new StringBuilder(4096);
        // The phone's drawing is the same chart for a hand, not a pointer: no tooltip on each mark (there is no hover; the
        // table below has every value) and about as many points as its width holds, so it adds little to the page.
        var narrow = width < WideWidth;
        var maxPoints = narrow ? (int)(MaxDrawnPoints * width / WideWidth) : MaxDrawnPoints;
        // On a phone a unit is about a pixel: whole units are as sharp, and shorter.
        string N(double value) => narrow ? value.ToString("0", CultureInfo.InvariantCulture) : ChartSvg.N(value);
        var horizontal = chart.Horizontal && chart.Series.All(s => s.Kind == ChartKind.Bar);
        var axis = chart.XAxis;
        var xValues = chart.XValues;
        var categoryIndex = xValues.Select((x, i) => (x, i)).ToDictionary(p => p.x, p => p.i, StringComparer.Ordinal);
        var plotHeight = chart.Height is { } h ? Math.Clamp(h - 60, 120, 900) : horizontal ? Math.Clamp(xValues.Count * 26, 80, 900) : width < WideWidth ? 220 : 260;
        var height = Top + plotHeight + 46;

        // The value scale: all values, or the sums of stacked ones (positive and negative parts stacked apart).
        var stacked = chart.Stacked && chart.Series.Count > 1 && chart.Series.All(s => s.Kind is ChartKind.Bar or ChartKind.Area);
        var (low, high) = (0.0, 0.0);
        var sums = new double[xValues.Count, 2];
        foreach (var series in chart.Series)
        {
            for (var i = 0; i < series.Y.Count; i++)
            {
                if (series.Y[i] is not { } y)
                {
                    continue;
                }
                if (stacked)
                {
                    var c = categoryIndex[series.X[i]];
                    sums[c, y >= 0 ? 0 : 1] += y;
                    (low, high) = (Math.Min(low, sums[c, 1]), Math.Max(high, sums[c, 0]));
                }
                else
                {
                    (low, high) = (Math.Min(low, y), Math.Max(high, y));
                }
            }
        }
        // Lines and markers need not start at zero; bars and areas must.
        if (chart.Series.All(s => s.Kind is ChartKind.Line or ChartKind.Markers or ChartKind.LinesAndMarkers))
        {
            var values = chart.Series.SelectMany(s => s.Y).OfType<double>().ToList();
            if (values.Count > 0)
            {
                (low, high) = (values.Min(), values.Max());
                if (low > 0 && low < high / 3)
                {
                    low = 0;
                }
            }
        }
        // Counts get whole ticks: no 0.2 of a publication.
        var wholeValues = chart.Series.SelectMany(s => s.Y).OfType<double>().All(v => v == Math.Floor(v));
        var valueScale = ChartScale.Numbers(low, high, width < WideWidth ? 4 : 5, wholeValues);

        // Room at the left for what stands there: category names beside horizontal bars (at most a third of the width,
        // longer names shortened with the full name in their tooltip), or the value ticks and the rotated axis title.
        var yTitleRoom = !horizontal && chart.YTitle.Length > 0 ? 20 : 4;
        var categoryChars = (int)Math.Floor((width / 3 - 14) / CharWidth);
        var left = horizontal
            ? 14 + CharWidth * xValues.DefaultIfEmpty("").Max(c => Math.Min(categoryChars, c.Length))
            : yTitleRoom + 8 + CharWidth * valueScale.Ticks.Max(t => ChartScale.FormatNumber(t, culture).Length);
        var plotWidth = width - left - Right;

        // The x scale: bands for categories, a line for numbers and dates.
        ChartScale? xScale = null;
        var dateFormat = "";
        var yearAxis = false;
        // Each x read once: as ticks of a date, a number, or nothing (names); a thousand dates parsed per point and per
        // drawing made the drawing three times slower.
        var xNumbers = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var x in axis == AxisKind.Category ? [] : xValues)
        {
            if ((axis == AxisKind.Date ? Chart.ParseDate(x)?.Ticks : Chart.ParseNumber(x)) is { } number)
            {
                xNumbers[x] = number;
            }
        }
        if (axis == AxisKind.Number)
        {
            var numbers = xNumbers.Values.ToList();
            // Whole numbers get whole ticks; years (1000–9999, whole) are written without a thousands separator.
            var whole = numbers.All(n => n == Math.Floor(n));
            yearAxis = whole && numbers.All(n => n is >= 1000 and <= 9999);
            xScale = ChartScale.Numbers(numbers.Min(), numbers.Max(), 6, whole);
        }
        else if (axis == AxisKind.Date)
        {
            (xScale, dateFormat) = ChartScale.Dates(new DateTime((long)xNumbers.Values.Min()), new DateTime((long)xNumbers.Values.Max()));
        }
        var band = (horizontal ? plotHeight : plotWidth) / Math.Max(1, xValues.Count);
        double XPosition(string x) => xScale is null
            ? (horizontal ? Top : left) + (categoryIndex[x] + 0.5) * band
            : xScale.Map(xNumbers[x], left, left + plotWidth);
        double ValuePosition(double v) => horizontal ? valueScale.Map(v, left, left + plotWidth) : valueScale.Map(v, Top + plotHeight, Top);
        string XNumber(double n) => yearAxis ? n.ToString("0", CultureInfo.InvariantCulture) : ChartScale.FormatNumber(n, culture);
        string XLabel(string x) => axis == AxisKind.Date ? new DateTime((long)xNumbers[x]).ToString("d MMM yyyy", culture)
            : axis == AxisKind.Number ? XNumber(xNumbers[x]) : x;

        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart {(width < WideWidth ? "chart-narrow" : "chart-wide")}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {N(width)} {N(height)}\" preserveAspectRatio=\"xMinYMin meet\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{E(chart.Title)}</title><desc id=\"{id}-desc\">{E(chart.Description)}</desc>");
        if (chart.Series.Any(s => s.Kind == ChartKind.Bar))
        {
            svg.Append("<defs>");
            for (var s = 0; s < chart.Series.Count; s++)
            {
                svg.Append(Pattern(id, s));
            }
            svg.Append("</defs>");
        }

        // Value axis: grid lines and ticks.
        foreach (var tick in valueScale.Ticks)
        {
            var p = ValuePosition(tick);
            var text = ChartScale.FormatNumber(tick, culture);
            // Under horizontal bars the last value's label would reach past the right edge: it ends at the tick instead.
            var anchor = horizontal && p + text.Length * CharWidth / 2 > width ? "end" : "middle";
            svg.Append(horizontal
                ? string.Create(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{N(p)}\" y1=\"{Top}\" x2=\"{N(p)}\" y2=\"{N(Top + plotHeight)}\"/><text class=\"tick\" x=\"{N(anchor == "end" ? Math.Min(width, p + 2) : p)}\" y=\"{N(Top + plotHeight + 16)}\" text-anchor=\"{anchor}\">{text}</text>")
                : string.Create(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{N(left)}\" y1=\"{N(p)}\" x2=\"{N(left + plotWidth)}\" y2=\"{N(p)}\"/><text class=\"tick\" x=\"{N(left - 6)}\" y=\"{N(p + 4)}\" text-anchor=\"end\">{text}</text>"));
        }
        // X axis: ticks on a continuous axis; names under (or beside) bands, thinned so they do not overlap.
        if (xScale is not null)
        {
            var labels = xScale.Ticks.Select(tick => axis == AxisKind.Date ? new DateTime((long)tick).ToString(dateFormat, culture) : XNumber(tick)).ToList();
            // Every other label (or fewer) when they would touch; a label at either end is anchored inside the drawing.
            var spacing = plotWidth / Math.Max(1, labels.Count - 1);
            var every = Math.Max(1, (int)Math.Ceiling((labels.Max(l => l.Length) * CharWidth + 8) / spacing));
            for (var i = 0; i < labels.Count; i++)
            {
                var p = xScale.Map(xScale.Ticks[i], left, left + plotWidth);
                svg.Append(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{N(p)}\" y1=\"{N(Top + plotHeight)}\" x2=\"{N(p)}\" y2=\"{N(Top + plotHeight + 4)}\"/>");
                if (i % every == 0)
                {
                    var half = labels[i].Length * CharWidth / 2;
                    var anchor = p - half < 0 ? "start" : p + half > width ? "end" : "middle";
                    var at = anchor switch { "start" => Math.Max(0, p - 2), "end" => Math.Min(width, p + 2), _ => p };
                    svg.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{N(at)}\" y=\"{N(Top + plotHeight + 16)}\" text-anchor=\"{anchor}\">{E(labels[i])}</text>");
                }
            }
        }
        else
        {
            // Names under bands: as many characters as the band (or a few bands) holds, thinned so they never touch and
            // never reach past the drawing's edges; names beside horizontal bars: as many as the left margin holds.
            // A shortened name carries the whole name as its tooltip, and the table has it too.
            var underChars = Math.Max(4, Math.Min(20, xValues.DefaultIfEmpty("").Max(x => x.Length)));
            var every = horizontal ? Math.Max(1, (int)Math.Ceiling(14 / band)) : Math.Max(1, (int)Math.Ceiling((underChars * CharWidth + 8) / band));
            var underRoom = (int)Math.Floor((band * every - 8) / CharWidth);
            for (var c = 0; c < xValues.Count; c += every)
            {
                var p = (horizontal ? Top : left) + (c + 0.5) * band;
                if (horizontal)
                {
                    svg.Append(CultureInfo.InvariantCulture, $"<text class=\"category\" x=\"{N(left - 6)}\" y=\"{N(p + 4)}\" text-anchor=\"end\">{Label(xValues[c], categoryChars)}</text>");
                    continue;
                }
                var label = Shorten(xValues[c], Math.Max(3, Math.Min(underChars, underRoom)));
                var half = label.Length * CharWidth / 2;
                var at = Math.Clamp(p, half + 1, width - half - 1);
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"category\" x=\"{N(at)}\" y=\"{N(Top + plotHeight + 16)}\" text-anchor=\"middle\">{Label(xValues[c], label.Length)}</text>");
            }
        }
        var zero = ValuePosition(Math.Clamp(0, valueScale.Min, valueScale.Max));
        svg.Append(horizontal
            ? string.Create(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{N(zero)}\" y1=\"{Top}\" x2=\"{N(zero)}\" y2=\"{N(Top + plotHeight)}\"/>")
            : string.Create(CultureInfo.InvariantCulture, $"<line class=\"axis\" x1=\"{N(left)}\" y1=\"{N(zero)}\" x2=\"{N(left + plotWidth)}\" y2=\"{N(zero)}\"/>"));

        // Bars first, so lines and markers drawn over them stay visible.
        var barSeries = chart.Series.Select((s, i) => (s, i)).Where(p => p.s.Kind == ChartKind.Bar).ToList();
        var offsets = new double[xValues.Count, 2];
        for (var b = 0; b < barSeries.Count; b++)
        {
            var (series, s) = barSeries[b];
            for (var i = 0; i < series.Y.Count; i++)
            {
                if (series.Y[i] is not { } y || y == 0)
                {
                    continue; // a bar of nothing is not drawn (the table says 0)
                }
                var c = categoryIndex[series.X[i]];
                var inner = band * 0.8;
                var thickness = stacked ? inner : inner / barSeries.Count;
                var across = (horizontal ? Top : left) + c * band + band * 0.1 + (stacked ? 0 : b * thickness);
                var from = stacked ? offsets[c, y >= 0 ? 0 : 1] : 0;
                var to = from + y;
                if (stacked)
                {
                    offsets[c, y >= 0 ? 0 : 1] = to;
                }
                var (p1, p2) = (ValuePosition(from), ValuePosition(to));
                var tooltip = chart.Series.Count > 1 ? $"{XLabel(series.X[i])}, {series.Name}: {ChartScale.FormatNumber(y, culture)}" : $"{XLabel(series.X[i])}: {ChartScale.FormatNumber(y, culture)}";
                var (x, yPos, w, hgt) = horizontal
                    ? (Math.Min(p1, p2), across, Math.Abs(p2 - p1), thickness)
                    : (across, Math.Min(p1, p2), thickness, Math.Abs(p2 - p1));
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"mark bar\" x=\"{N(x)}\" y=\"{N(yPos)}\" width=\"{N(w)}\" height=\"{N(hgt)}\" fill=\"url(#{id}-p{s})\" stroke=\"{Colours[s % Colours.Length]}\">{(narrow ? "" : $"<title>{E(tooltip)}</title>")}</rect>");
            }
        }

        var areaBase = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var s = 0; s < chart.Series.Count; s++)
        {
            var series = chart.Series[s];
            if (series.Kind == ChartKind.Bar)
            {
                continue;
            }
            var colour = Colours[s % Colours.Length];
            var points = new List<(double X, double Y, string XText, double Value, double Base)>();
            for (var i = 0; i < series.Y.Count; i++)
            {
                if (series.Y[i] is { } y)
                {
                    var below = stacked && series.Kind == ChartKind.Area ? areaBase.GetValueOrDefault(series.X[i]) : 0;
                    if (stacked && series.Kind == ChartKind.Area)
                    {
                        areaBase[series.X[i]] = below + y;
                    }
                    points.Add((XPosition(series.X[i]), ValuePosition(below + y), series.X[i], y, ValuePosition(below)));
                }
            }
            if (xScale is not null)
            {
                points.Sort((a, b) => a.X.CompareTo(b.X));
            }
            var drawn = Thin(points, maxPoints);
            var summary = points.Count == 0 ? series.Name
                : $"{series.Name}: {points.Count.ToString("#,0", culture)} × ({XLabel(points[0].XText)} … {XLabel(points[^1].XText)}), {ChartScale.FormatNumber(points.Min(p => p.Value), culture)} – {ChartScale.FormatNumber(points.Max(p => p.Value), culture)}";
            if (series.Kind is ChartKind.Area && drawn.Count > 1)
            {
                var area = new StringBuilder();
                area.Append(CultureInfo.InvariantCulture, $"M{N(drawn[0].X)},{N(drawn[0].Base)}");
                foreach (var p in drawn)
                {
                    area.Append(CultureInfo.InvariantCulture, $"L{N(p.X)},{N(p.Y)}");
                }
                if (drawn.All(p => N(p.Base) == N(drawn[0].Base)))
                {
                    // A flat base (an area not stacked on another) closes with one line along it, not a point per value.
                    area.Append(CultureInfo.InvariantCulture, $"L{N(drawn[^1].X)},{N(drawn[^1].Base)}");
                }
                else
                {
                    for (var i = drawn.Count - 1; i >= 0; i--)
                    {
                        area.Append(CultureInfo.InvariantCulture, $"L{N(drawn[i].X)},{N(drawn[i].Base)}");
                    }
                }
                svg.Append(CultureInfo.InvariantCulture, $"<path class=\"area\" d=\"{area}Z\" fill=\"{colour}\" fill-opacity=\"0.25\"/>");
            }
            if (series.Kind is ChartKind.Line or ChartKind.LinesAndMarkers or ChartKind.Area && drawn.Count > 1)
            {
                var path = new StringBuilder();
                for (var i = 0; i < drawn.Count; i++)
                {
                    path.Append(i == 0 ? 'M' : 'L').Append(N(drawn[i].X)).Append(',').Append(N(drawn[i].Y));
                }
                var dash = Dashes[s % Dashes.Length] is { Length: > 0 } d ? $" stroke-dasharray=\"{d}\"" : "";
                svg.Append(CultureInfo.InvariantCulture, $"<path class=\"mark line\" d=\"{path}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"{dash}>{(narrow ? "" : $"<title>{E(summary)}</title>")}</path>");
            }
            if (series.Kind is ChartKind.Markers or ChartKind.LinesAndMarkers || (series.Kind is not ChartKind.Bar && drawn.Count == 1))
            {
                if (drawn.Count <= MaxMarkedPoints && !narrow)
                {
                    foreach (var p in drawn)
                    {
                        var title = $"<title>{E(chart.Series.Count > 1 ? $"{XLabel(p.XText)}, {series.Name}: {ChartScale.FormatNumber(p.Value, culture)}" : $"{XLabel(p.XText)}: {ChartScale.FormatNumber(p.Value, culture)}")}</title>";
                        svg.Append(Marker(s, p.X, p.Y, colour, title));
                    }
                }
                else
                {
                    // Marks without tooltips of their own are one path per series: a third of the bytes of an element each.
                    svg.Append(Markers(s, drawn.Select(p => (p.X, p.Y)), colour, narrow ? "" : $"<title>{E(summary)}</title>"));
                }
            }
        }

        // Axis titles.
        var (alongX, alongY) = horizontal ? (chart.YTitle, chart.XTitle) : (chart.XTitle, chart.YTitle);
        if (alongX.Length > 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis-title\" x=\"{N(width / 2)}\" y=\"{N(Top + plotHeight + 38)}\" text-anchor=\"middle\">{Label(alongX, (int)Math.Floor((width - 8) / CharWidth))}</text>");
        }
        if (alongY.Length > 0 && !horizontal)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis-title\" transform=\"rotate(-90)\" x=\"{N(-(Top + plotHeight / 2))}\" y=\"14\" text-anchor=\"middle\">{Label(alongY, (int)Math.Floor(plotHeight / CharWidth))}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

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

    /// <summary>A marker whose shape depends on the series: circle, square, triangle, diamond.</summary>
    private static string Marker(int series, double x, double y, string colour, string title) => (series % 4) switch
    {
        0 => string.Create(CultureInfo.InvariantCulture, $"<circle class=\"mark point\" cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"3.5\" fill=\"{colour}\">{title}</circle>"),
        1 => string.Create(CultureInfo.InvariantCulture, $"<rect class=\"mark point\" x=\"{N(x - 3.5)}\" y=\"{N(y - 3.5)}\" width=\"7\" height=\"7\" fill=\"{colour}\">{title}</rect>"),
        2 => string.Create(CultureInfo.InvariantCulture, $"<path class=\"mark point\" d=\"M{N(x)},{N(y - 4.5)}L{N(x + 4.5)},{N(y + 3.5)}L{N(x - 4.5)},{N(y + 3.5)}Z\" fill=\"{colour}\">{title}</path>"),
        _ => string.Create(CultureInfo.InvariantCulture, $"<path class=\"mark point\" d=\"M{N(x)},{N(y - 5)}L{N(x + 5)},{N(y)}L{N(x)},{N(y + 5)}L{N(x - 5)},{N(y)}Z\" fill=\"#fff\" stroke=\"{colour}\" stroke-width=\"2\">{title}</path>"),
    };

    /// <summary>Many markers of one series as one path, in the same shapes as <see cref="Marker"/>.</summary>
    private static string Markers(int series, IEnumerable<(double X, double Y)> points, string colour, string title)
    {
        var d = new StringBuilder();
        foreach (var (x, y) in points)
        {
            d.Append((series % 4) switch
            {
                0 => string.Create(CultureInfo.InvariantCulture, $"M{N(x - 3.5)},{N(y)}a3.5,3.5 0 1,0 7,0a3.5,3.5 0 1,0 -7,0"),
                1 => string.Create(CultureInfo.InvariantCulture, $"M{N(x - 3.5)},{N(y - 3.5)}h7v7h-7z"),
                2 => string.Create(CultureInfo.InvariantCulture, $"M{N(x)},{N(y - 4.5)}l4.5,8l-9,0z"),
                _ => string.Create(CultureInfo.InvariantCulture, $"M{N(x)},{N(y - 5)}l5,5l-5,5l-5,-5z"),
            });
        }
        var paint = series % 4 == 3 ? $"fill=\"#fff\" stroke=\"{colour}\" stroke-width=\"2\"" : $"fill=\"{colour}\"";
        return $"<path class=\"mark points\" d=\"{d}\" {paint}>{title}</path>";
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

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)].TrimEnd() + "…";

    /// <summary>A text of at most <paramref name="length"/> characters; a shortened one keeps the whole text as its tooltip.</summary>
    private static string Label(string text, int length) =>
        text.Length <= length ? E(text) : $"{E(Shorten(text, length))}<title>{E(text)}</title>";

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}

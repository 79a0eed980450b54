using System.Globalization;

namespace DataPlatform.Content.Charts;

/// <summary>
/// Where everything of one drawing of a chart goes: the size, the room at the left, the value scale and the x scale
/// (bands for names, a line for numbers and dates), and how a value or an x becomes a position and a label.
/// Worked out once per drawing, before <see cref="ChartSvg"/> writes any element.
/// </summary>
internal sealed class ChartLayout
{
    /// <summary>Room at the right for the last tick label's overhang.</summary>
    public const double Right = 16;
    public const double Top = 12;

    /// <summary>The width of a character of the charts' 12-unit text, generous (digits and most letters are narrower), so labels are given room they fill.</summary>
    public const double CharWidth = 7.2;

    private readonly CultureInfo _culture;
    private readonly Dictionary<string, int> _categoryIndex;
    private readonly Dictionary<string, double> _xNumbers = new(StringComparer.Ordinal);
    private readonly bool _yearAxis;

    public ChartLayout(Chart chart, CultureInfo culture, double width)
    {
        _culture = culture;
        Width = width;
        // The phone's drawing is the same chart for a hand, not a pointer: no tooltip on each mark (there is no hover; the
        // table below has every value) and about as many points as its width holds, so it adds little to the page.
        Narrow = width < ChartSvg.WideWidth;
        MaxPoints = Narrow ? (int)(ChartSvg.MaxDrawnPoints * width / ChartSvg.WideWidth) : ChartSvg.MaxDrawnPoints;
        Horizontal = chart.Horizontal && chart.Series.All(s => s.Kind == ChartKind.Bar);
        Axis = chart.XAxis;
        XValues = chart.XValues;
        _categoryIndex = XValues.Select((x, i) => (x, i)).ToDictionary(p => p.x, p => p.i, StringComparer.Ordinal);
        PlotHeight = chart.Height is { } h ? Math.Clamp(h - 60, 120, 900) : Horizontal ? Math.Clamp(XValues.Count * 26, 80, 900) : Narrow ? 220 : 260;
        Height = Top + PlotHeight + 46;
        Stacked = chart.Stacked && chart.Series.Count > 1 && chart.Series.All(s => s.Kind is ChartKind.Bar or ChartKind.Area);
        ValueScale = ValueScaleOf(chart);

        // Room at the left for what stands there: category names beside horizontal bars (at most a third of the width,
        // longer names shortened with the full name in their tooltip), or the value ticks and the rotated axis title.
        var yTitleRoom = !Horizontal && chart.YTitle.Length > 0 ? 20 : 4;
        CategoryChars = (int)Math.Floor((width / 3 - 14) / CharWidth);
        Left = Horizontal
            ? 14 + CharWidth * XValues.DefaultIfEmpty("").Max(c => Math.Min(CategoryChars, c.Length))
            : yTitleRoom + 8 + CharWidth * ValueScale.Ticks.Max(t => ChartScale.FormatNumber(t, culture).Length);
        PlotWidth = width - Left - Right;

        // Each x read once: as ticks of a date, a number, or nothing (names); a thousand dates parsed per point and per
        // drawing made the drawing three times slower.
        foreach (var x in Axis == AxisKind.Category ? [] : XValues)
        {
            if ((Axis == AxisKind.Date ? Chart.ParseDate(x)?.Ticks : Chart.ParseNumber(x)) is { } number)
            {
                _xNumbers[x] = number;
            }
        }
        if (Axis == AxisKind.Number)
        {
            var numbers = _xNumbers.Values.ToList();
            // Whole numbers get whole ticks; years (1000–9999, whole) are written without a thousands separator.
            var whole = numbers.All(n => n == Math.Floor(n));
            _yearAxis = whole && numbers.All(n => n is >= 1000 and <= 9999);
            XScale = ChartScale.Numbers(numbers.Min(), numbers.Max(), 6, whole);
        }
        else if (Axis == AxisKind.Date)
        {
            (XScale, DateFormat) = ChartScale.Dates(new DateTime((long)_xNumbers.Values.Min()), new DateTime((long)_xNumbers.Values.Max()));
        }
        Band = (Horizontal ? PlotHeight : PlotWidth) / Math.Max(1, XValues.Count);
    }

    public double Width { get; }
    public double Height { get; }
    public bool Narrow { get; }
    public int MaxPoints { get; }
    public bool Horizontal { get; }
    public bool Stacked { get; }
    public AxisKind Axis { get; }
    public IReadOnlyList<string> XValues { get; }
    public double PlotHeight { get; }
    public double PlotWidth { get; }
    public double Left { get; }

    /// <summary>The most characters of a name beside a horizontal bar.</summary>
    public int CategoryChars { get; }
    public ChartScale ValueScale { get; }

    /// <summary>The scale of a number or date axis; null for names, which get bands.</summary>
    public ChartScale? XScale { get; }
    public string DateFormat { get; } = "";

    /// <summary>The room of one name along the x axis (down the drawing when bars lie).</summary>
    public double Band { get; }

    public int CategoryOf(string x) => _categoryIndex[x];

    /// <summary>On a phone a unit is about a pixel: whole units are as sharp, and shorter.</summary>
    public string N(double value) => Narrow ? value.ToString("0", CultureInfo.InvariantCulture) : ChartSvg.N(value);

    public double XPosition(string x) => XScale is null
        ? (Horizontal ? Top : Left) + (_categoryIndex[x] + 0.5) * Band
        : XScale.Map(_xNumbers[x], Left, Left + PlotWidth);

    public double ValuePosition(double v) => Horizontal ? ValueScale.Map(v, Left, Left + PlotWidth) : ValueScale.Map(v, Top + PlotHeight, Top);

    public string XNumber(double n) => _yearAxis ? n.ToString("0", CultureInfo.InvariantCulture) : ChartScale.FormatNumber(n, _culture);

    public string XLabel(string x) => Axis == AxisKind.Date ? new DateTime((long)_xNumbers[x]).ToString("d MMM yyyy", _culture)
        : Axis == AxisKind.Number ? XNumber(_xNumbers[x]) : x;

    /// <summary>The value scale: all values, or the sums of stacked ones (positive and negative parts stacked apart).</summary>
    private ChartScale ValueScaleOf(Chart chart)
    {
        var (low, high) = (0.0, 0.0);
        var sums = new double[XValues.Count, 2];
        foreach (var series in chart.Series)
        {
            for (var i = 0; i < series.Y.Count; i++)
            {
                if (series.Y[i] is not { } y)
                {
                    continue;
                }
                if (Stacked)
                {
                    var c = _categoryIndex[series.X[i]];
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
        return ChartScale.Numbers(low, high, Narrow ? 4 : 5, wholeValues);
    }
}

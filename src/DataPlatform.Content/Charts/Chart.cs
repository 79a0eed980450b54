using System.Globalization;

namespace DataPlatform.Content.Charts;

/// <summary>
/// What a chart shows, independent of how it is drawn: the series, a title, axis titles and a text description.
/// The same numbers are always offered as a table (<see cref="TableRows"/>) and as CSV.
/// </summary>
public sealed record Chart(string Title, string XTitle, string YTitle, IReadOnlyList<ChartSeries> Series)
{
    /// <summary>Bars (and areas) of several series on top of each other instead of side by side.</summary>
    public bool Stacked { get; init; }

    /// <summary>Categories down the side and bars across (long category names).</summary>
    public bool Horizontal { get; init; }

    /// <summary>The drawing's height in SVG units (its width is 640); null for the default.</summary>
    public double? Height { get; init; }

    /// <summary>A sentence for screen readers; when empty one is written from the numbers.</summary>
    public string Description { get; init; } = "";

    public bool IsEmpty => Series.Count == 0 || Series.All(s => s.Y.All(v => v is null));

    /// <summary>Dates when every x is an ISO date, numbers when every x is a number, names otherwise (and always for bars).</summary>
    public AxisKind XAxis
    {
        get
        {
            // Bars stand in bands, one per x value (years, months, names), whatever the values are.
            var all = XValues.Where(x => x.Length > 0).ToList();
            return all.Count == 0 || Series.Any(s => s.Kind == ChartKind.Bar) ? AxisKind.Category
                : all.All(x => ParseDate(x) is not null) ? AxisKind.Date
                : all.All(x => ParseNumber(x) is not null) ? AxisKind.Number
                : AxisKind.Category;
        }
    }

    /// <summary>Every x value of every series, once, in order: sorted for numbers and dates, as first met for names.</summary>
    /// <remarks>
    /// Worked out once for these series (a thousand dates parsed at every use made drawing a chart for a phone as well as
    /// a wide screen cost half again); a copy with other series (<c>with { Series = … }</c>) works them out anew.
    /// </remarks>
    public IReadOnlyList<string> XValues
    {
        get
        {
            if (_xValues is { } known && ReferenceEquals(known.Series, Series))
            {
                return known.Values;
            }
            var distinct = Series.SelectMany(s => s.X).Distinct(StringComparer.Ordinal).ToList();
            IReadOnlyList<string> values = distinct.Count > 0 && distinct.All(x => ParseDate(x) is not null) ? distinct.OrderBy(x => ParseDate(x)).ToList()
                : distinct.Count > 0 && distinct.All(x => ParseNumber(x) is not null) ? distinct.OrderBy(x => ParseNumber(x)).ToList()
                : distinct;
            _xValues = new XValuesOf(Series, values);
            return values;
        }
    }

    // A reference, so a reader on another request's thread sees a whole pair or none.
    private XValuesOf? _xValues;

    private sealed record XValuesOf(IReadOnlyList<ChartSeries> Series, IReadOnlyList<string> Values);

    /// <summary>Charts are equal by what they show; the worked-out x values are not part of it.</summary>
    public bool Equals(Chart? other) => other is not null && Title == other.Title && XTitle == other.XTitle && YTitle == other.YTitle
        && ReferenceEquals(Series, other.Series) && Stacked == other.Stacked && Horizontal == other.Horizontal && Height == other.Height && Description == other.Description;

    public override int GetHashCode() => HashCode.Combine(Title, XTitle, YTitle, Series, Stacked, Horizontal, Height, Description);

    /// <summary>The table under the chart: one row per x value, a cell per series (null: no value).</summary>
    public IEnumerable<(string X, double?[] Values)> TableRows()
    {
        var lookups = Series.Select(s =>
        {
            var map = new Dictionary<string, double?>(StringComparer.Ordinal);
            for (var i = 0; i < s.X.Count; i++)
            {
                map.TryAdd(s.X[i], s.Y[i]);
            }
            return map;
        }).ToList();
        foreach (var x in XValues)
        {
            yield return (x, lookups.Select(l => l.GetValueOrDefault(x)).ToArray());
        }
    }

    public static double? ParseNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n : null;

    /// <summary>An ISO date or date-time (<c>2024-05-31</c>, <c>2024-05-31T12:00:00</c>), as a moment without zone.</summary>
    public static DateTime? ParseDate(string text) =>
        text.Length >= 7 && text[4] == '-' && char.IsAsciiDigit(text[0])
        && DateTime.TryParseExact(text, ["yyyy-MM-dd", "yyyy-MM", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK"],
            CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date) ? date : null;
}

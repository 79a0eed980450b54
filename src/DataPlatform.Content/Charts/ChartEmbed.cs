namespace DataPlatform.Content.Charts;

/// <summary>A chart on a page, drawn when content loaded: its numbers, its SVG, and the data it could only table.</summary>
public sealed class ChartEmbed : PageEmbed
{
    public required Chart Chart { get; init; }

    /// <summary>
    /// The drawing, ready to insert (built once per content load, not per request): drawn for a wide screen and for a
    /// phone, each at about the size it is shown (the stylesheet shows one), so no text is shrunk below 11 px or clipped.
    /// </summary>
    public required string Svg { get; init; }

    /// <summary>The rows the table under the chart shows, made once with the drawing (not per request: a million points took seconds).</summary>
    public IReadOnlyList<(string X, double?[] Values)> TableHead { get; init; } = [];

    /// <summary>How many rows the whole table (and the CSV) has.</summary>
    public int TableRowCount { get; init; }

    /// <summary>Rows of the table shown under a chart; the CSV has them all, and a phone should not download megabytes of table.</summary>
    public const int TableLimit = 200;

    public IReadOnlyList<ChartDataTable> Undrawn { get; init; } = [];

    /// <summary>Where the numbers come from: a web address or a file of the site, for the source link.</summary>
    public string? Source { get; init; }

    /// <summary>Draws <paramref name="chart"/> for a page in <paramref name="language"/>, describing it when it has no description.</summary>
    public static ChartEmbed Create(Chart chart, string id, int index, SiteLanguage language, IReadOnlyList<ChartDataTable>? undrawn = null, string? source = null)
    {
        var culture = language.Culture;
        if (chart.Description.Length == 0)
        {
            chart = chart with { Description = ChartText.Describe(chart, language) };
        }
        var xs = chart.XValues;
        return new ChartEmbed
        {
            Id = id, Index = index, Chart = chart, Svg = chart.IsEmpty ? "" : ChartSvg.Render(chart, id + "-svg", culture) + ChartSvg.Render(chart, id + "-svg-n", culture, ChartSvg.NarrowWidth), Undrawn = undrawn ?? [], Source = source,
            TableHead = [.. chart.TableRows().Take(TableLimit)], TableRowCount = xs.Count,
        };
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;

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
        var culture = ChartText.Culture(language);
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

/// <summary>Sentences about a chart for screen readers, in the page's language.</summary>
public static class ChartText
{
    public static CultureInfo Culture(SiteLanguage language) => CultureInfo.GetCultureInfo(language == SiteLanguage.Swedish ? "sv-SE" : "en-GB");

    public static string Describe(Chart chart, SiteLanguage language)
    {
        var culture = Culture(language);
        var swedish = language == SiteLanguage.Swedish;
        var kinds = chart.Series.Select(s => s.Kind).Distinct().ToList();
        var kind = kinds.Count != 1 ? (swedish ? "Diagram" : "Chart")
            : kinds[0] switch
            {
                ChartKind.Bar => chart.Stacked ? (swedish ? "Staplat stapeldiagram" : "Stacked bar chart") : (swedish ? "Stapeldiagram" : "Bar chart"),
                ChartKind.Area => swedish ? "Ytdiagram" : "Area chart",
                ChartKind.Markers => swedish ? "Punktdiagram" : "Scatter chart",
                _ => swedish ? "Linjediagram" : "Line chart",
            };
        var values = chart.Series.SelectMany(s => s.Y).OfType<double>().ToList();
        var x = chart.XValues;
        if (values.Count == 0 || x.Count == 0)
        {
            return swedish ? $"{kind} utan värden." : $"{kind} without values.";
        }
        var names = string.Join(", ", chart.Series.Select(s => s.Name));
        var (min, max) = (ChartScale.FormatNumber(values.Min(), culture), ChartScale.FormatNumber(values.Max(), culture));
        var count = x.Count.ToString("#,0", culture);
        return swedish
            ? $"{kind} med {chart.Series.Count} {(chart.Series.Count == 1 ? "serie" : "serier")} ({names}), {count} värden på x-axeln från {x[0]} till {x[^1]}; värdena går från {min} till {max}. Siffrorna finns i tabellen under diagrammet."
            : $"{kind} of {chart.Series.Count} {(chart.Series.Count == 1 ? "series" : "series")} ({names}), {count} x values from {x[0]} to {x[^1]}; values range from {min} to {max}. The numbers are in the table below the chart.";
    }
}

/// <summary>Where charts fetched from the web are kept: a last good copy and, after a failed fetch, its reason.</summary>
public static class RemoteCharts
{
    public static bool IsRemote(string source) =>
        source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The copy's file name: a hash of the address, with the address's extension (CSV or JSON).</summary>
    public static string CopyPath(string folder, string url)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(url)))[..20].ToLowerInvariant();
        var extension = Uri.TryCreate(url, UriKind.Absolute, out var uri) && Path.GetExtension(uri.AbsolutePath).ToLowerInvariant() is ".csv" ? ".csv" : ".json";
        return Path.Combine(folder, hash + extension);
    }

    /// <summary>Why the last fetch of the copy failed, kept beside it (removed after a good fetch).</summary>
    public static string ProblemPath(string copyPath) => copyPath + ".problem";

    /// <summary>Whether the address's host is listed in <c>Charts:AllowedHosts</c> (<c>*</c>: any public host).</summary>
    public static bool IsAllowed(string url, IReadOnlyCollection<string> allowedHosts) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && (IsListed(uri.Host, allowedHosts) || allowedHosts.Contains("*"));

    /// <summary>Whether the host is named in the list itself (not only through <c>*</c>): only those may be on loopback or private networks.</summary>
    public static bool IsListed(string host, IReadOnlyCollection<string> allowedHosts) =>
        allowedHosts.Any(h => string.Equals(h.Trim(), host, StringComparison.OrdinalIgnoreCase) || string.Equals(h.Trim(), host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase));
}

/// <summary>A chart's web address and the page that shows it.</summary>
public sealed record RemoteChartSource(string Url, string Page);

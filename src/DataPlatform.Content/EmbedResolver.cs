using System.Text.RegularExpressions;

namespace DataPlatform.Content;

/// <summary>
/// Turns each page's data shortcodes into tables and charts when content loads. Files are looked for in the page's
/// own folder (its bundle), then <c>content/data/</c>, then <c>content/static/</c>; never outside the content folder.
/// Data files are read once and kept until they change, so a reload costs only what was edited.
/// </summary>
public sealed partial class EmbedResolver(string root, ContentOptions options)
{
    private readonly DataFiles _files = new();
    private readonly List<string> _versions = [];
    private readonly List<Charts.RemoteChartSource> _remote = [];

    /// <summary>The web addresses charts of the last load come from, for the fetcher.</summary>
    public IReadOnlyList<Charts.RemoteChartSource> RemoteSources => _remote.ToList();

    /// <summary>The data files the last load used, with their modification times, for the content version.</summary>
    public IReadOnlyList<string> Versions => _versions;

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,39}$")]
    private static partial Regex IdRegex();

    public void BeginLoad()
    {
        _versions.Clear();
        _remote.Clear();
        // Again at each load: the content folder may be a link that a deployment (git-sync) moves.
        _realRoot = ContentPaths.RealPath(root) ?? root;
    }

    /// <summary>The content folder with every link followed: a data file must lie inside it.</summary>
    private string? _realRoot;

    /// <summary>The page's embeds, in marker order; each problem is reported against the page's file and the shortcode's line.</summary>
    public IReadOnlyList<PageEmbed> Resolve(Page page, List<Diagnostic> diagnostics, Action<DateTimeOffset> noteChange)
    {
        var requests = page.Parsed.Embeds;
        if (requests.Count == 0)
        {
            return [];
        }
        var embeds = new List<PageEmbed>(requests.Count);
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var request in requests)
        {
            void Warn(string message) => diagnostics.Add(new Diagnostic(Severity.Warning, request.Kind, page.SourcePath, request.Line, message));
            var id = request.Arg("id") ?? $"{(request.Kind == "datatable" ? "table" : "chart")}{request.Index + 1}";
            if (!IdRegex().IsMatch(id) || !ids.Add(id))
            {
                var fallback = $"{(request.Kind == "datatable" ? "table" : "chart")}{request.Index + 1}";
                Warn($"{request.Kind} id=\"{id}\" is {(IdRegex().IsMatch(id) ? "used twice on this page" : "not a plain name (letters, digits, _; up to 40)")}; '{fallback}' is used instead.");
                id = fallback;
                ids.Add(id);
            }
            embeds.Add(request.Kind switch
            {
                "datatable" => Table(page, request, id, Warn, noteChange),
                _ => Chart(page, request, id, Warn),
            });
        }
        return embeds;
    }

    private PageEmbed Table(Page page, EmbedRequest request, string id, Action<string> warn, Action<DateTimeOffset> noteChange)
    {
        var caption = request.Arg("title") ?? request.Arg("caption") ?? id;
        if (request.Arg("src") is not { } src)
        {
            warn($"datatable '{id}' has no src=\"…\" naming its data file.");
            return Unavailable(request, id, caption);
        }
        if (Find(page, src) is not { } found)
        {
            warn($"datatable '{id}': the data file '{src}' is not in the page's folder, content/data/ or content/static/.");
            return Unavailable(request, id, caption);
        }
        var (fullPath, relative) = found;
        var document = _files.Read(fullPath);
        if (document.Error is not null)
        {
            warn($"datatable '{id}': {relative} cannot be shown: {document.Error.TrimEnd('.')}.");
            return Unavailable(request, id, caption);
        }
        if (DataTableBuilder.Build(request, id, relative, document, page.Language, warn) is not { } table)
        {
            return Unavailable(request, id, caption);
        }
        if (table.Status is { } status)
        {
            // A row turns ongoing at the start of its first day and ended after its last one (Stockholm time): the
            // store reloads then, so a cached page never shows yesterday's status.
            foreach (var row in table.Rows)
            {
                if (row.Cells[status.Start].Date is { } start)
                {
                    noteChange(Stockholm.FromLocal(start.ToDateTime(TimeOnly.MinValue)));
                }
                if (row.Cells[status.End].Date is { } end)
                {
                    noteChange(Stockholm.FromLocal(end.AddDays(1).ToDateTime(TimeOnly.MinValue)));
                }
            }
        }
        return table;
    }

    private PageEmbed Chart(Page page, EmbedRequest request, string id, Action<string> warn)
    {
        var plotly = request.Kind == "plotly";
        var title = request.Arg("title") ?? ContentWords.In(page.Language, "Chart");
        var src = request.Arg(plotly ? "json" : "src") ?? request.Arg(plotly ? "src" : "json");
        if (src is null)
        {
            warn($"{request.Kind} '{id}' has no {(plotly ? "json" : "src")}=\"…\" naming its data.");
            return Unavailable(request, id, title);
        }
        string fullPath;
        string label;
        if (Charts.RemoteCharts.IsRemote(src))
        {
            _remote.Add(new Charts.RemoteChartSource(src, page.SourcePath));
            if (!Charts.RemoteCharts.IsAllowed(src, options.AllowedChartHosts))
            {
                warn($"{request.Kind} '{id}': {src} is not fetched: its host is not in Charts:AllowedHosts.");
                return Unavailable(request, id, title);
            }
            if (options.RemoteChartDirectory is not { } folder)
            {
                return Unavailable(request, id, title);
            }
            fullPath = Charts.RemoteCharts.CopyPath(folder, src);
            var problem = Charts.RemoteCharts.ProblemPath(fullPath);
            var hasCopy = File.Exists(fullPath);
            if (File.Exists(problem))
            {
                var reason = ReadProblem(problem);
                // In the content version too: a new problem is news for the staff page even when the copy stays the same.
                _versions.Add(src + "|problem|" + reason);
                warn($"{request.Kind} '{id}': fetching {src} failed: {reason}.{(hasCopy ? " The last good copy is shown." : "")}");
            }
            if (!hasCopy)
            {
                // Not fetched yet (or never successfully): the page shows the title, a notice and the link meanwhile.
                return Unavailable(request, id, title);
            }
            _versions.Add(src + "|" + DataFiles.Version(fullPath));
            label = src;
        }
        else if (Find(page, src) is { } found)
        {
            (fullPath, label) = found;
        }
        else
        {
            warn($"{request.Kind} '{id}': the data file '{src}' is not in the page's folder, content/data/ or content/static/.");
            return Unavailable(request, id, title);
        }
        var document = _files.Read(fullPath);
        if (document.Error is not null)
        {
            warn($"{request.Kind} '{id}': {label} cannot be shown: {document.Error.TrimEnd('.')}.");
            return Unavailable(request, id, title);
        }
        var chartOptions = new Charts.ChartSources.Options(request.Arg("type"), request.Arg("title"), request.Arg("x"), request.Arg("y"),
            Flag(request.Arg("stacked")), Flag(request.Arg("horizontal")), Height(request.Arg("height")));
        if (request.Arg("type") is { } type && Charts.ChartSources.KindFrom(type) is null)
        {
            warn($"{request.Kind} '{id}': type=\"{type}\" is not a chart type (bar, line, markers, lines+markers, area); the default is used.");
        }
        Charts.ChartReading reading;
        if (document.Root is Dictionary<string, object?> figure && figure.ContainsKey("data"))
        {
            reading = Charts.ChartSources.FromPlotly(document.Root, chartOptions);
        }
        else if (request.Arg("rows") is null && Charts.ChartSources.FromColumnObject(document.Root, chartOptions) is { } columns)
        {
            reading = columns;
        }
        else
        {
            var (rows, error) = document.Rows(request.Arg("rows"));
            reading = error is null ? Charts.ChartSources.FromRows(rows, chartOptions) : new Charts.ChartReading(null, [], [error]);
        }
        foreach (var warning in reading.Warnings)
        {
            warn($"{request.Kind} '{id}' ({label}): {warning}.");
        }
        if (reading.Chart is null && reading.Undrawn.Count == 0)
        {
            return Unavailable(request, id, title);
        }
        var chart = reading.Chart ?? new Charts.Chart(title, "", "", []);
        if (chart.Series.Sum(s => s.Y.Count) is var points && points > 100_000)
        {
            warn($"{request.Kind} '{id}' ({label}) has {points:N0} points: they are thinned for drawing and the page shows the first 200 rows of the table; the CSV download has them all. Consider a summary file.");
        }
        if (chart.Title.Length == 0)
        {
            chart = chart with { Title = title };
        }
        return Charts.ChartEmbed.Create(chart, id, request.Index, page.Language, reading.Undrawn, Charts.RemoteCharts.IsRemote(src) ? src : null);
    }

    private static string ReadProblem(string path)
    {
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static bool? Flag(string? value) => value?.ToLowerInvariant() switch
    {
        null => null,
        "true" or "yes" or "1" => true,
        _ => false,
    };

    /// <summary>Hugo's <c>height="350px"</c> (or a plain number), in pixels.</summary>
    private static double? Height(string? value) =>
        value is null ? null : double.TryParse(value.Replace("px", "", StringComparison.OrdinalIgnoreCase).Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var h) && h > 0 ? h : null;

    private static UnavailableEmbed Unavailable(EmbedRequest request, string id, string title) =>
        new() { Id = id, Index = request.Index, Title = title, Source = request.Arg("src") ?? request.Arg("json") };

    /// <summary>The data file <paramref name="src"/> names, for a page: its full path and its path in the content folder.</summary>
    public (string FullPath, string Relative)? Find(Page page, string src)
    {
        var clean = src.Replace('\\', '/');
        // "/data/x.json" is from the content folder's top; "x.json" from the page's folder first.
        string[] folders = clean.StartsWith('/') ? ["", "static"] : [Path.GetDirectoryName(page.SourcePath) ?? "", "data", "static"];
        clean = clean.TrimStart('/');
        foreach (var folder in folders)
        {
            var full = Path.GetFullPath(Path.Combine(root, folder, clean));
            if (full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(full) && ContentPaths.IsInside(_realRoot ?? root, full))
            {
                var relative = Path.GetRelativePath(root, full).Replace('\\', '/');
                _versions.Add(relative + "|" + DataFiles.Version(full));
                return (full, relative);
            }
        }
        return null;
    }
}

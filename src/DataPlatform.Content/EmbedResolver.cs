using System.Text.RegularExpressions;

namespace DataPlatform.Content;

/// <summary>
/// Turns each page's data shortcodes into tables and charts when content loads. Files are looked for in the page's
/// own folder (its bundle), then <c>content/data/</c>, then <c>content/static/</c>; never outside the content folder.
/// Data files are read once and kept until they change, so a reload costs only what was edited.
/// </summary>
public sealed partial class EmbedResolver(string root)
{
    private readonly DataFiles _files = new();
    private readonly List<string> _versions = [];

    /// <summary>The data files the last load used, with their modification times, for the content version.</summary>
    public IReadOnlyList<string> Versions => _versions;

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,39}$")]
    private static partial Regex IdRegex();

    public void BeginLoad() => _versions.Clear();

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
                _ => Unavailable(request, id, request.Arg("title") ?? "Chart"),
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
            warn($"datatable '{id}': {relative} cannot be shown: {document.Error}.");
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
            if (full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(full))
            {
                var relative = Path.GetRelativePath(root, full).Replace('\\', '/');
                _versions.Add(relative + "|" + DataFiles.Version(full));
                return (full, relative);
            }
        }
        return null;
    }
}

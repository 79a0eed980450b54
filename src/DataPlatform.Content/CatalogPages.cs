namespace DataPlatform.Content;

/// <summary>
/// The catalogues (<c>data/services.yaml</c>, …) read into catalogues and their entry pages, each file read
/// again only when it changed.
/// </summary>
internal sealed class CatalogPages(string root)
{
    public sealed record LoadedCatalog(DateTime Modified, long Length, Catalog Catalog, IReadOnlyList<Page> Pages, IReadOnlyList<Diagnostic> Diagnostics);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, LoadedCatalog> _catalogCache = new(StringComparer.Ordinal);

    /// <summary>A catalogue and its pages, read again only when its data file changed.</summary>
    public LoadedCatalog? Load(string file, string section)
    {
        var path = CatalogFile.Find(root, file);
        if (path is null)
        {
            _catalogCache.TryRemove(file, out _);
            return null;
        }
        var info = new FileInfo(path);
        if (_catalogCache.TryGetValue(file, out var cached) && cached.Modified == info.LastWriteTimeUtc && cached.Length == info.Length)
        {
            return cached;
        }
        var diagnostics = new List<Diagnostic>();
        var catalog = CatalogFile.Read(root, file, section, diagnostics)!;
        var loaded = new LoadedCatalog(info.LastWriteTimeUtc, info.Length, catalog, PagesOf(catalog, file).ToList(), diagnostics);
        _catalogCache[file] = loaded;
        return loaded;
    }

    /// <summary>Each catalogue entry is a page in both languages (Swedish texts fall back to English), so it is in search, the sitemap and the check.</summary>
    private static IEnumerable<Page> PagesOf(Catalog catalog, string file)
    {
        foreach (var entry in catalog.Entries)
        {
            foreach (var language in SiteLanguage.All)
            {
                var description = entry.Description.For(language);
                var parsed = PageParser.Parse(description, catalog.SourcePath, language);
                var meta = new FrontMatter(new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
                {
                    ["title"] = entry.Name.For(language),
                    ["description"] = PageParser.Truncate(parsed.Summary, 200),
                    ["tags"] = entry.Keywords.Cast<object?>().ToList(),
                    ["type"] = "catalog",
                });
                yield return new Page
                {
                    Language = language,
                    Url = language.Localize($"/{catalog.Section}/{entry.Id}/"),
                    Kind = PageKind.Page,
                    Section = catalog.Section,
                    ParentDirectory = catalog.Section,
                    Directory = $"{catalog.Section}/{entry.Id}",
                    TranslationKey = $"data/{file}#{entry.Id}",
                    SourcePath = catalog.SourcePath,
                    Meta = meta,
                    Parsed = parsed,
                    Title = entry.Name.For(language),
                    Entry = entry,
                };
            }
        }
    }

    /// <summary>What the loaded catalogue files were, for the snapshot's version.</summary>
    public IEnumerable<(string File, DateTime Modified, long Length)> Loaded =>
        _catalogCache.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, c.Value.Modified, c.Value.Length));
}

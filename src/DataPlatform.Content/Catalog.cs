namespace DataPlatform.Content;

/// <summary>A catalogue: its data file's name, the site section it is shown in, and its entries.</summary>
public sealed record Catalog(string Name, string Section, string SourcePath, IReadOnlyList<CatalogEntry> Entries)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<CatalogEntry>> _sorted = new();

    /// <summary>The entries in name order for a language, sorted once (the catalogue never changes).</summary>
    public IReadOnlyList<CatalogEntry> SortedFor(SiteLanguage language) => _sorted.GetOrAdd(language.Code, _ =>
        Entries.OrderBy(e => e.Name.For(language), StringComparer.Create(new System.Globalization.CultureInfo(language.Code), ignoreCase: true)).ToList());

    /// <summary>The catalogues the portal knows: file name (without extension) → section (URL).</summary>
    public static readonly IReadOnlyList<(string File, string Section)> Known = [("services", SectionNames.Services), ("data_sources", SectionNames.DataSources), ("resources", SectionNames.Resources)];

    public static readonly IReadOnlyList<string> Audiences = ["researchers", "facilities"];
    public static readonly IReadOnlyList<string> AccessLevels = ["open", "restricted"];
}

using System.Text.Json.Serialization;

namespace DataPlatform.Content;

/// <summary>
/// One entry of a catalogue (a service, a data source or a resource), as editors write it in
/// <c>content/data/&lt;catalogue&gt;.yaml</c>. The JSON Schema editors' tools use is generated from this class.
/// </summary>
public sealed class CatalogEntry
{
    /// <summary>Stable identifier and URL slug: lower-case letters, digits and hyphens.</summary>
    [JsonRequired]
    public string Id { get; set; } = "";

    [JsonRequired]
    public LocalizedText Name { get; set; } = new();

    public LocalizedText Description { get; set; } = new();

    /// <summary>For services and resources: what kind of thing it is (analysis, hosting, storage, training, …).</summary>
    public string? Type { get; set; }

    /// <summary>For data sources: the kind of data (genomics, proteomics, imaging, …).</summary>
    public string? Category { get; set; }

    /// <summary>Who it is for: <c>researchers</c>, <c>facilities</c>.</summary>
    public List<string> Audience { get; set; } = [];

    public List<string> Keywords { get; set; } = [];

    public string? Provider { get; set; }

    public CatalogLinks Links { get; set; } = new();

    public string? Licence { get; set; }

    /// <summary><c>open</c> or <c>restricted</c>.</summary>
    public string? Access { get; set; }

    /// <summary>Slugs of data highlights about this entry.</summary>
    public List<string> RelatedHighlights { get; set; } = [];

    private string? _searchEnglish, _searchSwedish;

    /// <summary>
    /// What the catalogue's search box looks in (<see cref="TextQuery.Searchable"/>): name, description, provider, id and
    /// keywords, made once per language (folding 5,000 descriptions on every search made garbage enough to show in p99).
    /// </summary>
    public string SearchText(SiteLanguage language)
    {
        ref var cached = ref language == SiteLanguage.Swedish ? ref _searchSwedish : ref _searchEnglish;
        return cached ??= TextQuery.Searchable([Name.For(language), Description.For(language), Provider, Id, .. Keywords]);
    }
}

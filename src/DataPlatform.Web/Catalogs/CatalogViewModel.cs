using DataPlatform.Content;
using DataPlatform.Web.Site;

namespace DataPlatform.Web.Catalogs;

public sealed class CatalogViewModel : ListViewModel
{
    public required string Catalog { get; init; }
    public required CatalogFilter Filter { get; init; }
    public required IReadOnlyList<CatalogEntry> Entries { get; init; }
    public required int Matching { get; init; }
    public required int Total { get; init; }

    /// <summary>The facets, the choices in force and the count (one component for every list).</summary>
    public required FacetPanel Panel { get; init; }

    /// <summary>Swedish names for the entries' types and keywords (<c>data/vocabulary.yaml</c>).</summary>
    public Vocabulary Vocabulary { get; init; } = Vocabulary.Empty;
}

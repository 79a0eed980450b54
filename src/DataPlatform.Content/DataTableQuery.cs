namespace DataPlatform.Content;

/// <summary>What a visitor asked of one table: facet values (key → values, any of which matches), words, sort, status.</summary>
public sealed record DataTableQuery(IReadOnlyDictionary<string, IReadOnlyList<string>> Facets, string? Text, DataSort? Sort, RowStatus? Status)
{
    public static readonly DataTableQuery None = new(new Dictionary<string, IReadOnlyList<string>>(), null, null, null);
}

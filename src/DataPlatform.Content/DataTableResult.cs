namespace DataPlatform.Content;

/// <summary>The rows a query selected (all of them, sorted) and the counts beside each facet value.</summary>
public sealed record DataTableResult(IReadOnlyList<DataRow> Rows, IReadOnlyList<Dictionary<string, int>> FacetCounts,
    IReadOnlyDictionary<RowStatus, int> StatusCounts, IReadOnlyList<RowStatus>? Statuses, DataSort? Sort);

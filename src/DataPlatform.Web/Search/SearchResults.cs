namespace DataPlatform.Web.Search;

public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Total, bool OnlyStopWords);

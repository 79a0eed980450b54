namespace DataPlatform.Web.Search;

/// <summary>What one synchronisation of the search index did.</summary>
public sealed record IndexReport(int Pages, int Upserted, int Deleted, TimeSpan Elapsed);

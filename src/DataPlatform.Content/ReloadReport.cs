namespace DataPlatform.Content;

/// <summary>What one reload did, for logs and benchmarks.</summary>
public sealed record ReloadReport(ContentSnapshot Snapshot, TimeSpan Elapsed, int ParsedFiles, Exception? Error);

namespace DataPlatform.Web.Search;

/// <summary>What a process last knows the index to hold (URL → content hash), and when it last read it from the database.</summary>
public sealed class WrittenIndex(TimeProvider clock)
{
    public TimeProvider Clock { get; } = clock;

    public Dictionary<string, string>? Hashes { get; set; }
    public DateTimeOffset ReadAt { get; set; }

    /// <summary>The content hashes of the last sync's pages, so an unchanged page is not hashed again.</summary>
    internal ContentHashes Memo { get; set; } = new();
}

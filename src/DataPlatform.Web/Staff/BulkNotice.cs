namespace DataPlatform.Web.Staff;

/// <summary>A bulk change's outcome, carried across the redirect back to the list: its words, and the rows left alone because someone else changed them.</summary>
public sealed record BulkNotice(string Text, IReadOnlyList<BulkConflict> Conflicts);

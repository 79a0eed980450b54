namespace DataPlatform.Content;

/// <summary>One thing of a Hugo site that will not carry over: what kind, which one, how often, and where.</summary>
public sealed record MigrationItem(string Kind, string What, int Count, IReadOnlyList<string> Files);

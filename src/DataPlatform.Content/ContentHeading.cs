namespace DataPlatform.Content;

/// <summary>A heading in a page's body, for the table of contents and the heading-level check.</summary>
public sealed record ContentHeading(int Level, string Id, string Text, int Line);

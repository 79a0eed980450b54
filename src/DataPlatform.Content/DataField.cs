namespace DataPlatform.Content;

/// <summary>A key of the data file the table uses (a column, facet, search key, sort key or status date), with its heading.</summary>
public sealed record DataField(string Key, string Heading);

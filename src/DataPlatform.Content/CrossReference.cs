namespace DataPlatform.Content;

/// <summary>A cross-reference of the export: a database and a key in it (PubMed Central, PDB, GEO, a URL).</summary>
public sealed record CrossReference(string Db, string Key, string? Description);

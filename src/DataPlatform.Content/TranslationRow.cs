namespace DataPlatform.Content;

/// <summary>One row of the translation table: a page and its translation, if any, and whether it is stale.</summary>
public sealed record TranslationRow(string Key, string Title, string? EnglishUrl, string? SwedishUrl, string? EnglishFile, string? SwedishFile, bool Stale);

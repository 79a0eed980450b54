namespace DataPlatform.Content;

/// <summary>A tag or an author, with the pages that carry it in one language and section.</summary>
public sealed record Term(string Name, string Slug, IReadOnlyList<Page> Pages);

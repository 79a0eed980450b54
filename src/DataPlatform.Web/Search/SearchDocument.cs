namespace DataPlatform.Web.Search;

/// <summary>One row of the search index: a page, or a publication record in one language.</summary>
public sealed record SearchDocument(string Url, string Language, string Section, string Title, string Summary, string Tags, Func<string> Body, DateTimeOffset? Published, string Hash);

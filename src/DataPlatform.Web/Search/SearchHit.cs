namespace DataPlatform.Web.Search;

public sealed record SearchHit(string Url, string Title, string Section, DateTimeOffset? Published, string SnippetHtml, double Rank);

namespace DataPlatform.Web.Site;

/// <summary>An Atom feed a page announces.</summary>
public sealed record AlternateFeed(string Title, string Url);

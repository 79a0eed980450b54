using DataPlatform.Content;

namespace DataPlatform.Web.Site;

/// <summary>A link to the same page in another language, for <c>hreflang</c>.</summary>
public sealed record AlternateLink(SiteLanguage Language, string Url);

using DataPlatform.Content;

namespace DataPlatform.Web.Content;

/// <summary>
/// The paths the web app answers itself, beside the content pages: what a link in content may point to
/// without being broken. Kept in one place so the content check and the app agree.
/// </summary>
public static class AppRoutes
{
    private static readonly string[] Exact =
    [
        "/search/", "/contact/", "/contact/thanks/", "/events/suggest/", "/events/suggest/thanks/", "/highlights/suggest/",
        "/highlights/suggest/thanks/", "/events/past/", "/events/calendar.ics", "/highlights/tags/", "/highlights/authors/",
        "/highlights/feed.xml", "/news/feed.xml", "/events/feed.xml", "/opensearch.xml", "/sitemap.xml", "/robots.txt",
        "/healthz", "/readyz", "/staff/",
    ];

    public static bool IsAppRoute(string path, ContentSnapshot snapshot)
    {
        var language = SiteLanguage.FromPath(path);
        var neutral = language.Neutral(path);
        if (Exact.Contains(neutral, StringComparer.OrdinalIgnoreCase) || neutral.StartsWith("/staff/", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        // /highlights/tags/<slug>/ and /highlights/authors/<slug>/ exist when some highlight carries that tag or author.
        var parts = neutral.Trim('/').Split('/');
        if (parts is ["highlights", "tags" or "authors", var slug])
        {
            return snapshot.Terms(language, "highlights", parts[1]).ContainsKey(slug);
        }
        // /events/<slug>/event.ics exists for every event page.
        if (parts is ["events", var eventSlug, "event.ics"])
        {
            return snapshot.Find(language.Localize($"/events/{eventSlug}/"))?.Meta.Start is not null;
        }
        return false;
    }
}

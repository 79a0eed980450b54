using DataPlatform.Content;

namespace DataPlatform.Web.Site;

/// <summary>
/// The paths the web app answers itself, beside the content pages, in their language-neutral form: what a
/// link in content may point to without being broken, and what views link to. Kept in one place so the
/// content check, the views and the controllers agree; a test compares this list with the real endpoints.
/// </summary>
public static class AppRoutes
{
    public const string Events = "/" + SectionNames.Events + "/";
    public const string Highlights = "/" + SectionNames.Highlights + "/";
    public const string Search = "/search/";
    public const string Contact = "/contact/";
    public const string ContactThanks = "/contact/thanks/";
    public const string SuggestEvent = "/" + SectionNames.Events + "/suggest/";
    public const string SuggestEventThanks = SuggestEvent + "thanks/";
    public const string SuggestHighlight = "/" + SectionNames.Highlights + "/suggest/";
    public const string SuggestHighlightThanks = SuggestHighlight + "thanks/";
    public const string PastEvents = "/" + SectionNames.Events + "/past/";
    public const string Calendar = "/" + SectionNames.Events + "/calendar.ics";
    public const string HighlightTags = "/" + SectionNames.Highlights + "/tags/";
    public const string HighlightAuthors = "/" + SectionNames.Highlights + "/authors/";
    public const string OpenSearch = "/opensearch.xml";

    /// <summary>Hugo's RSS feed of the whole site (sections have theirs at <c>/&lt;section&gt;/index.xml</c>).</summary>
    public const string Rss = "/index.xml";
    public const string Sitemap = "/sitemap.xml";
    public const string Robots = "/robots.txt";
    public const string PublicationsSitemap = "/" + SectionNames.Publications + "/sitemap.xml";
    public const string CatalogSchema = "/schemas/catalog.schema.json";
    public const string Staff = "/staff/";

    /// <summary>The privacy page: content, not the app's, so the layout links it only when the content has it.</summary>
    public const string Privacy = "/privacy/";

    /// <summary>Whether the content has a page at a neutral path in some language (the other language's shows as a fallback).</summary>
    public static bool HasPage(this ContentSnapshot snapshot, string neutralPath) => SiteLanguage.All.Any(l => snapshot.Find(l.Localize(neutralPath)) is not null);

    /// <summary>A section's Atom feed.</summary>
    public static string Feed(string section) => $"/{section}/feed.xml";

    /// <summary>A section's own list (highlights, events, a catalogue), answered by the app when no content page is there.</summary>
    public static string Section(string section) => $"/{section}/";

    /// <summary>A highlights taxonomy term's page (<c>tags</c> or <c>authors</c>).</summary>
    public static string HighlightTerm(string taxonomy, string slug) => $"/{SectionNames.Highlights}/{taxonomy}/{slug}/";

    /// <summary>A publication's record page.</summary>
    public static string Publication(Publication publication) => $"/{SectionNames.Publications}/{publication.Id}/";

    /// <summary>One event as an .ics file.</summary>
    public static string EventCalendar(string slug) => $"/{SectionNames.Events}/{slug}/event.ics";

    /// <summary>Every fixed path the app answers in every language.</summary>
    public static readonly IReadOnlyList<string> Bilingual =
    [
        Search, Contact, ContactThanks, SuggestEvent, SuggestEventThanks, SuggestHighlight, SuggestHighlightThanks, PastEvents, Calendar,
        HighlightTags, HighlightAuthors, OpenSearch, Rss,
        .. SectionNames.WithFeeds.Select(Feed),
    ];

    /// <summary>Section lists the app renders, in every language, but only when the content has that section's page (or data).</summary>
    public static readonly IReadOnlyList<string> SectionLists =
    [
        Section(SectionNames.Highlights), Section(SectionNames.Events),
        Section(SectionNames.Services), Section(SectionNames.DataSources), Section(SectionNames.Resources),
        Section(SectionNames.Publications), Feed(SectionNames.Publications), Section(SectionNames.Datasets),
    ];

    /// <summary>Fixed paths that exist once, not per language.</summary>
    public static readonly IReadOnlyList<string> Neutral = [Sitemap, PublicationsSitemap, Robots, CatalogSchema, "/healthz", "/readyz", "/version", Staff];

    public static bool IsAppRoute(string path, ContentSnapshot snapshot)
    {
        var language = SiteLanguage.FromPath(path);
        var neutral = language.Neutral(path);
        if (Bilingual.Contains(neutral, StringComparer.OrdinalIgnoreCase) || Neutral.Contains(path, StringComparer.OrdinalIgnoreCase)
            || path.StartsWith(Staff, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        // /highlights/tags/<slug>/ and /highlights/authors/<slug>/ exist when some highlight carries that tag or author.
        var parts = neutral.Trim('/').Split('/');
        if (parts is [SectionNames.Highlights, "tags" or "authors", var slug])
        {
            return snapshot.Terms(language, SectionNames.Highlights, parts[1]).ContainsKey(slug);
        }
        // The research outputs' pages exist when there is data for them.
        if (parts is [SectionNames.Publications] or [SectionNames.Publications, "feed.xml"] or [SectionNames.Publications, "export.csv" or "export.json" or "export.bib" or "export.ris" or "export.csl.json" or "chart-years.csv" or "chart-labels.csv"])
        {
            return snapshot.Outputs.Publications.Count > 0;
        }
        if (parts is [SectionNames.Publications, _] or [SectionNames.Publications, _, "cite.bib" or "cite.ris" or "cite.csl.json"])
        {
            return snapshot.Outputs.Find(parts[1]) is not null;
        }
        if (parts is [SectionNames.Datasets] or [SectionNames.Datasets, "export.csv" or "export.json"])
        {
            return snapshot.Outputs.DataItems.Count > 0;
        }
        // Hugo's section feeds exist for every section with pages.
        if (parts is [var feedSection, "index.xml"])
        {
            return snapshot.PagesIn(language, feedSection).Any();
        }
        // /events/<slug>/event.ics exists for every event page.
        if (parts is [SectionNames.Events, var eventSlug, "event.ics"])
        {
            return snapshot.Find(language.Localize($"/{SectionNames.Events}/{eventSlug}/"))?.Meta.Start is not null;
        }
        return false;
    }
}

using DataPlatform.Content;

namespace DataPlatform.Web.Events;

/// <summary>Events are pages in the events section with a <c>start</c>: upcoming until they end, past after.</summary>
public static class EventsQuery
{
    public static IEnumerable<Page> All(ContentSnapshot snapshot, SiteLanguage language) =>
        snapshot.PagesIn(language, SectionNames.Events).Where(p => p.Meta.Start is not null);

    public static bool IsPast(Page page, DateTimeOffset now) => (page.Meta.End ?? page.Meta.Start) < now;

    /// <summary>Soonest first.</summary>
    public static IReadOnlyList<Page> Upcoming(ContentSnapshot snapshot, SiteLanguage language, DateTimeOffset now) =>
        All(snapshot, language).Where(p => !IsPast(p, now)).OrderBy(p => p.Meta.Start).ThenBy(p => p.Title, StringComparer.CurrentCultureIgnoreCase).ToList();

    /// <summary>Most recent first.</summary>
    public static IReadOnlyList<Page> Past(ContentSnapshot snapshot, SiteLanguage language, DateTimeOffset now) =>
        All(snapshot, language).Where(p => IsPast(p, now)).OrderByDescending(p => p.Meta.Start).ThenBy(p => p.Title, StringComparer.CurrentCultureIgnoreCase).ToList();
}

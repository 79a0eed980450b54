using System.Globalization;
using DataPlatform.Content;
using DataPlatform.Web.Site;

namespace DataPlatform.Web.Events;

/// <summary>Which events a visitor asked for, from plain query-string values (<c>?type=workshop&amp;mode=online&amp;month=2026-03</c>).</summary>
public sealed record EventFilter(string? Type, string? Mode, string? Month)
{
    public static readonly IReadOnlyList<string> Types = ["conference", "course", "seminar", "webinar", "workshop", "other"];
    public static readonly IReadOnlyList<string> Modes = ["online", "onsite"];

    public bool IsEmpty => Type is null && Mode is null && Month is null;

    /// <summary>The problems with the values, as English UI strings (localized by the view); empty when all are understood.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Type is not null && !Types.Contains(Type))
        {
            problems.Add("Unknown event type; choose one from the list.");
        }
        if (Mode is not null && !Modes.Contains(Mode))
        {
            problems.Add("Choose online or on site.");
        }
        if (Month is not null && ParseMonth(Month) is null)
        {
            problems.Add("Give the month as YYYY-MM, e.g. 2026-03.");
        }
        return problems;
    }

    public static DateOnly? ParseMonth(string month) =>
        DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    public bool Matches(Page page)
    {
        if (Type is not null && !string.Equals(page.Meta.EventType ?? "other", Type, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        if (Mode is not null && page.Meta.Online != (Mode == "online"))
        {
            return false;
        }
        return Month is null || MonthOf(page) == Month;
    }

    public static string? MonthOf(Page page) =>
        page.Meta.Start is { } start ? Dates.InStockholm(start).ToString("yyyy-MM", CultureInfo.InvariantCulture) : null;

    public string Query(string? month = null, bool keepMonth = true)
    {
        var parts = new List<string>();
        if (Type is not null)
        {
            parts.Add("type=" + Uri.EscapeDataString(Type));
        }
        if (Mode is not null)
        {
            parts.Add("mode=" + Uri.EscapeDataString(Mode));
        }
        if ((month ?? (keepMonth ? Month : null)) is { } m)
        {
            parts.Add("month=" + Uri.EscapeDataString(m));
        }
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}

/// <summary>Events are pages in the events section with a <c>start</c>: upcoming until they end, past after.</summary>
public static class EventsQuery
{
    public const string Section = "events";

    public static IEnumerable<Page> All(ContentSnapshot snapshot, SiteLanguage language) =>
        snapshot.PagesIn(language, Section).Where(p => p.Meta.Start is not null);

    public static bool IsPast(Page page, DateTimeOffset now) => (page.Meta.End ?? page.Meta.Start) < now;

    /// <summary>Soonest first.</summary>
    public static IReadOnlyList<Page> Upcoming(ContentSnapshot snapshot, SiteLanguage language, DateTimeOffset now) =>
        All(snapshot, language).Where(p => !IsPast(p, now)).OrderBy(p => p.Meta.Start).ThenBy(p => p.Title, StringComparer.CurrentCultureIgnoreCase).ToList();

    /// <summary>Most recent first.</summary>
    public static IReadOnlyList<Page> Past(ContentSnapshot snapshot, SiteLanguage language, DateTimeOffset now) =>
        All(snapshot, language).Where(p => IsPast(p, now)).OrderByDescending(p => p.Meta.Start).ThenBy(p => p.Title, StringComparer.CurrentCultureIgnoreCase).ToList();
}

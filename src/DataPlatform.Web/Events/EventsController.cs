using System.Globalization;
using System.Text;
using DataPlatform.Content;
using DataPlatform.Web.Localization;
using DataPlatform.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace DataPlatform.Web.Events;

/// <summary>Upcoming and past events with filters that are plain query strings, and iCalendar downloads.</summary>
public sealed class EventsController(ContentStore store, PortalLayout layout, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("events"), HttpGet("sv/events")]
    public IActionResult Upcoming([FromQuery] string? type, [FromQuery] string? mode, [FromQuery] string? month, [FromQuery] int? page) =>
        List(past: false, new EventFilter(Blank(type), Blank(mode), Blank(month)), page);

    [HttpGet("events/past"), HttpGet("sv/events/past")]
    public IActionResult Past([FromQuery] string? type, [FromQuery] string? mode, [FromQuery] string? month, [FromQuery] int? page) =>
        List(past: true, new EventFilter(Blank(type), Blank(mode), Blank(month)), page);

    /// <summary>A calendar of upcoming events that calendar apps can subscribe to.</summary>
    [HttpGet("events/calendar.ics"), HttpGet("sv/events/calendar.ics")]
    public IActionResult Calendar()
    {
        var language = layout.Language;
        var events = EventsQuery.Upcoming(store.Current, language, clock.GetUtcNow());
        return Ics(events, "events.ics");
    }

    /// <summary>One event as an .ics file, to add to a calendar.</summary>
    [HttpGet("events/{slug}/event.ics"), HttpGet("sv/events/{slug}/event.ics")]
    public IActionResult OneEvent(string slug)
    {
        var language = layout.Language;
        var page = store.Current.Find(language.Localize($"/events/{slug}/"));
        if (page?.Meta.Start is null)
        {
            return NotFound();
        }
        return Ics([page], Slug.From(slug) + ".ics");
    }

    private FileContentResult Ics(IEnumerable<Page> events, string fileName)
    {
        var section = store.Current.Section(layout.Language, EventsQuery.Section);
        var text = ICalendar.Write(section?.Title ?? t["Events"], events, layout.Absolute, Request.Host.Host, store.Current.LoadedAt);
        return File(Encoding.UTF8.GetBytes(text), ICalendar.ContentType, fileName);
    }

    private IActionResult List(bool past, EventFilter filter, int? pageNumber)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }
        var snapshot = store.Current;
        var language = layout.Language;
        var now = clock.GetUtcNow();
        var all = past ? EventsQuery.Past(snapshot, language, now) : EventsQuery.Upcoming(snapshot, language, now);
        var problems = filter.Problems();
        var matching = problems.Count > 0 ? [] : all.Where(filter.Matches).ToList();
        var baseUrl = language.Localize(past ? "/events/past/" : "/events/");
        var paged = ListViewModel.Paged(matching, pageNumber ?? 1, baseUrl, filter.Query());
        if (paged is null)
        {
            return NotFound();
        }
        var section = snapshot.Section(language, EventsQuery.Section);
        var model = new EventsViewModel
        {
            Section = section,
            Items = paged.Value.Items,
            Pager = paged.Value.Pager,
            Filter = filter,
            ShowingPast = past,
            Total = matching.Count,
            Months = all.Select(EventFilter.MonthOf).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList(),
            FilterProblems = problems.Select(p => t[p].Value).ToList(),
            EmptyText = filter.IsEmpty
                ? (past ? t["There are no past events."] : t["There are no upcoming events right now."])
                : t["No events match these filters."],
            UpcomingUrl = language.Localize("/events/"),
            PastUrl = language.Localize("/events/past/"),
            CalendarUrl = language.Localize("/events/calendar.ics"),
            Ancestors = section is null ? [] : snapshot.Ancestors(section),
        };
        var title = past ? t["Past events"].Value : section?.Title ?? t["Events"].Value;
        layout.Apply(model, title, section?.Meta.Description ?? QueryValues.Blank(section?.Summary));
        if (section is not null)
        {
            layout.AddFeed(model, EventsQuery.Section);
        }
        if (problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            model.NoIndex = true;
        }
        return View("List", model);
    }

    private static string? Blank(string? value) => QueryValues.Blank(value)?.ToLower(CultureInfo.InvariantCulture);

}

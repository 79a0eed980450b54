using System.Globalization;
using System.Text;
using DataPlatform.Content;
using DataPlatform.Web.Localization;
using DataPlatform.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace DataPlatform.Web.Events;

/// <summary>Upcoming and past events with filters that are plain query strings, and iCalendar downloads.</summary>
[Bilingual]
public sealed class EventsController(ContentSnapshot snapshot, PortalLayout layout, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet(AppRoutes.Events)]
    public IActionResult Upcoming([FromQuery] EventFilter filter, [FromQuery] int? page) => List(past: false, filter, page);

    [HttpGet(AppRoutes.PastEvents)]
    public IActionResult Past([FromQuery] EventFilter filter, [FromQuery] int? page) => List(past: true, filter, page);

    /// <summary>A calendar of upcoming events that calendar apps can subscribe to.</summary>
    [HttpGet(AppRoutes.Calendar)]
    public IActionResult Calendar()
    {
        var language = layout.Language;
        var events = EventsQuery.Upcoming(snapshot, language, clock.GetUtcNow());
        return Ics(events, "events.ics");
    }

    /// <summary>One event as an .ics file, to add to a calendar.</summary>
    [HttpGet(AppRoutes.Events + "{slug}/event.ics")]
    public IActionResult OneEvent(string slug)
    {
        var language = layout.Language;
        var page = snapshot.Find(language.Localize($"/{SectionNames.Events}/{slug}/"));
        if (page?.Meta.Start is null)
        {
            return NotFound();
        }
        return Ics([page], Slug.From(slug) + ".ics");
    }

    private FileContentResult Ics(IEnumerable<Page> events, string fileName)
    {
        var section = snapshot.Section(layout.Language, SectionNames.Events);
        var text = ICalendar.Write(section?.Title ?? t["Events"], events, layout.Absolute, Request.Host.Host, snapshot.LoadedAt);
        return File(Encoding.UTF8.GetBytes(text), ICalendar.ContentType, fileName);
    }

    private IActionResult List(bool past, EventFilter filter, int? pageNumber)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }
        var language = layout.Language;
        var now = clock.GetUtcNow();
        // A language without an events section yet shows the other language's events, with the not-translated notice.
        var content = snapshot.Section(language, SectionNames.Events) is null && snapshot.Section(language.Other, SectionNames.Events) is not null ? language.Other : language;
        var all = past ? EventsQuery.Past(snapshot, content, now) : EventsQuery.Upcoming(snapshot, content, now);
        var problems = filter.Problems();
        var matching = problems.Count > 0 ? [] : all.Where(e => filter.Matches(e)).ToList();
        var baseUrl = language.Localize(past ? "/events/past/" : "/events/");
        var pager = Pager.Create(matching.Count, pageNumber, baseUrl, filter);
        if (pager is null)
        {
            return NotFound();
        }
        var section = snapshot.Section(content, SectionNames.Events);
        var model = new EventsViewModel
        {
            Section = section,
            Items = pager.Slice(matching),
            Pager = pager,
            Filter = filter,
            ShowingPast = past,
            Total = matching.Count,
            Panel = new FacetPanel(t["Filter events"], problems.Count > 0 ? [] : Facets(all, filter, baseUrl), baseUrl)
            {
                Others = ActiveFilter.Words(filter, filter.Q, t["Words"], baseUrl),
                CountText = matching.Count == 1 ? t["1 event"] : string.Format(CultureInfo.CurrentCulture, t["{0} events"], matching.Count),
            },
            Problems = [.. problems.Select(p => p.Text(t))],
            ClearUrl = baseUrl,
            EmptyText = filter.IsEmpty
                ? (past ? t["There are no past events."] : t["There are no upcoming events right now."])
                : t["No events match these filters."],
            UpcomingUrl = language.Localize(AppRoutes.Section(SectionNames.Events)),
            PastUrl = language.Localize(AppRoutes.PastEvents),
            CalendarUrl = language.Localize(AppRoutes.Calendar),
            Ancestors = section is null ? [] : snapshot.Ancestors(section),
        };
        var title = past ? t["Past events"].Value : section?.Title ?? t["Events"].Value;
        layout.Apply(model, title, section?.Meta.Description ?? QueryValues.Blank(section?.Summary));
        model.IsFallback = content != language;
        if (section is not null && content == language)
        {
            layout.AddFeed(model, SectionNames.Events);
        }
        if (problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            model.NoIndex = true;
        }
        return View("List", model);
    }

    /// <summary>Type (in the portal's order of types), online or on site, and month (in calendar order), each counted under the other choices.</summary>
    private List<Facet> Facets(IReadOnlyList<Page> events, EventFilter filter, string baseUrl)
    {
        string Url(string key, string value, bool chosen) => baseUrl + filter.ToQueryString([new(key, chosen ? null : value)]);
        Dictionary<string, int> Count(string key, Func<Page, string?> value) => Facet.Count(events.Where(e => filter.Matches(e, key)).Select(value).OfType<string>());
        var rank = FrontMatter.EventTypes.Index().ToDictionary(x => x.Item, x => x.Index);
        var typeOrder = Comparer<string>.Create((a, b) => rank.GetValueOrDefault(a, int.MaxValue).CompareTo(rank.GetValueOrDefault(b, int.MaxValue)));
        return
        [
            Facet.Of("type", t["Type"], Count("type", EventFilter.TypeOf), Facet.Chosen(filter.Type), type => t["event type " + type], (type, chosen) => Url("type", type, chosen), typeOrder),
            Facet.Of("mode", t["Online or on site"], Count("mode", EventFilter.ModeOf), Facet.Chosen(filter.Mode), mode => mode == "online" ? t["Online"] : t["On site"],
                (mode, chosen) => Url("mode", mode, chosen), StringComparer.Ordinal),
            Facet.Of("month", t["Month"], Count("month", EventFilter.MonthOf), Facet.Chosen(filter.Month),
                month => EventFilter.ParseMonth(month)!.Value.ToString("MMMM yyyy", CultureInfo.CurrentCulture), (month, chosen) => Url("month", month, chosen), StringComparer.Ordinal),
        ];
    }
}

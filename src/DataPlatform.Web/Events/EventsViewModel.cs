using DataPlatform.Web.Site;

namespace DataPlatform.Web.Events;

public sealed class EventsViewModel : ListViewModel
{
    public required EventFilter Filter { get; init; }

    public bool ShowingPast { get; init; }

    /// <summary>How many events match, on all pages.</summary>
    public int Total { get; init; }

    /// <summary>The facets (type, online or on site, month), the choices in force and the count.</summary>
    public required FacetPanel Panel { get; init; }


    public required string UpcomingUrl { get; init; }

    public required string PastUrl { get; init; }

    public required string CalendarUrl { get; init; }
}

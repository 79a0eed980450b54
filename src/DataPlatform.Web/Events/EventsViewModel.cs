using DataPlatform.Web.Site;

namespace DataPlatform.Web.Events;

public sealed class EventsViewModel : ListViewModel
{
    public required EventFilter Filter { get; init; }

    public bool ShowingPast { get; init; }

    /// <summary>How many events match, on all pages.</summary>
    public int Total { get; init; }

    /// <summary>Months (YYYY-MM) that have events in this view, for the month filter.</summary>
    public IReadOnlyList<string> Months { get; init; } = [];

    public IReadOnlyList<string> FilterProblems { get; init; } = [];

    public required string UpcomingUrl { get; init; }

    public required string PastUrl { get; init; }

    public required string CalendarUrl { get; init; }
}

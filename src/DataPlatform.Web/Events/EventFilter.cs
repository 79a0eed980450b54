using System.Globalization;
using DataPlatform.Content;
using DataPlatform.Web.Site;

namespace DataPlatform.Web.Events;

/// <summary>Which events a visitor asked for, from plain query-string values (<c>?type=workshop&amp;mode=online&amp;month=2026-03</c>).</summary>
public sealed class EventFilter : IListFilter
{
    public string? Type { get; set => field = Normalize(value); }

    /// <summary><c>online</c> or <c>onsite</c>.</summary>
    public string? Mode { get; set => field = Normalize(value); }

    /// <summary>A month as <c>YYYY-MM</c>.</summary>
    public string? Month { get; set => field = Normalize(value); }

    /// <summary>Words in the title, summary or place.</summary>
    public string? Q { get; set => field = QueryValues.Blank(value); }


    private string[] QueryWords => field ??= TextQuery.Prepare(Q);

    private static string? Normalize(string? value) => QueryValues.Blank(value)?.ToLowerInvariant();

    public static readonly IReadOnlyList<string> Modes = ["online", "onsite"];

    public bool IsEmpty => Type is null && Mode is null && Month is null && Q is null;

    /// <summary>What cannot be understood; empty when all is.</summary>
    public IReadOnlyList<FilterProblem> Problems()
    {
        var problems = new List<FilterProblem>();
        if (Type is not null && !FrontMatter.EventTypes.Contains(Type))
        {
            problems.Add(new("Unknown event type; choose one from the list."));
        }
        if (Mode is not null && !Modes.Contains(Mode))
        {
            problems.Add(new("Choose online or on site."));
        }
        if (Month is not null && ParseMonth(Month) is null)
        {
            problems.Add(new("Give the month as YYYY-MM, e.g. 2026-03."));
        }
        if (FilterProblem.WordsTooLong(Q) is { } tooLong)
        {
            problems.Add(tooLong);
        }
        return problems;
    }

    public static DateOnly? ParseMonth(string month) =>
        DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>Whether the event passes every choice, or every choice but the facet <paramref name="except"/> (to count that facet's values).</summary>
    public bool Matches(Page page, string? except = null) =>
        (except == "type" || Type is null || TypeOf(page) == Type)
        && (except == "mode" || Mode is null || ModeOf(page) == Mode)
        && (except == "month" || Month is null || MonthOf(page) == Month)
        && (Q is null || TextQuery.Matches(QueryWords, TextQuery.Searchable([page.Title, page.Summary, page.Meta.Location])));

    public static string TypeOf(Page page) => page.Meta.EventType?.ToLowerInvariant() ?? "other";

    public static string ModeOf(Page page) => page.Meta.Online ? "online" : "onsite";

    public static string? MonthOf(Page page) =>
        page.Meta.Start is { } start ? Dates.InStockholm(start).ToString("yyyy-MM", CultureInfo.InvariantCulture) : null;

    public IEnumerable<KeyValuePair<string, string?>> ToQuery() => [new("type", Type), new("mode", Mode), new("month", Month), new("q", Q)];
}

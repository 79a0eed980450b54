using System.Globalization;
using DataPlatform.Web.Site;
using DataPlatform.Web.Submissions;

namespace DataPlatform.Web.Staff;

/// <summary>The staff list's filters, from the query string; what cannot be understood is reported, not guessed.</summary>
public sealed class SubmissionFilter : IListFilter
{
    /// <summary>The form: contact, event, highlight.</summary>
    public string? Kind { get; set => field = QueryValues.Blank(value); }

    /// <summary>A status, or <see cref="Open"/> (new and in review: the inbox, and the default), or <see cref="All"/> (spam too).</summary>
    public string? Status { get; set => field = QueryValues.Blank(value); }

    public const string Open = "open";
    public const string All = "all";

    /// <summary>The statuses the list shows; null: every one.</summary>
    public IReadOnlyList<SubmissionStatus>? Statuses => (Status ?? Open) switch
    {
        Open => [SubmissionStatus.New, SubmissionStatus.InReview],
        All => null,
        var one => SubmissionNames.ParseStatus(one) is { } status ? [status] : [],
    };

    /// <summary>The language the visitor used: en or sv.</summary>
    public string? Language { get; set => field = QueryValues.Blank(value); }

    /// <summary>Received on or after this day (YYYY-MM-DD).</summary>
    public string? From { get; set => field = QueryValues.Blank(value); }

    /// <summary>Received on or before this day (YYYY-MM-DD).</summary>
    public string? To { get; set => field = QueryValues.Blank(value); }

    /// <summary>Words in the name, email, title or message.</summary>
    public string? Q { get; set => field = QueryValues.Blank(value); }

    /// <summary><c>me</c>, or <c>nobody</c> (also written <c>none</c>).</summary>
    public string? Assigned { get; set => field = QueryValues.Blank(value) is "none" ? Nobody : QueryValues.Blank(value); }

    public const string Nobody = "nobody";

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Kind is not null && SubmissionNames.ParseKind(Kind) is null)
        {
            problems.Add($"Unknown form kind '{Kind}'.");
        }
        if (Status is not null && Status is not (Open or All) && SubmissionNames.ParseStatus(Status) is null)
        {
            problems.Add($"Unknown status '{Status}'.");
        }
        if (Language is not null && Language is not ("en" or "sv"))
        {
            problems.Add("Language is en or sv.");
        }
        if (From is not null && ParseDay(From) is null)
        {
            problems.Add("'From' must be a date like 2026-11-01.");
        }
        if (To is not null && ParseDay(To) is null)
        {
            problems.Add("'To' must be a date like 2026-11-30.");
        }
        if (Assigned is not null and not ("me" or Nobody))
        {
            problems.Add($"'Assigned' is me or nobody, not '{Assigned}'.");
        }
        if (Q is { Length: > 200 })
        {
            problems.Add("The search text can be at most 200 characters.");
        }
        // The database cannot take NUL, and other control characters are never meant: refuse them rather than send them on.
        foreach (var (name, value) in ToQuery())
        {
            if (value is not null && value.Any(char.IsControl))
            {
                problems.Add($"'{name}' contains control characters.");
            }
        }
        return problems;
    }

    /// <summary>A day between 1900 and 9000 (the list adds a day to 'to'; 9999-12-31 would overflow).</summary>
    public static DateOnly? ParseDay(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is >= 1900 and <= 9000 ? day : null;

    public IEnumerable<KeyValuePair<string, string?>> ToQuery() =>
        [new("kind", Kind), new("status", Status), new("language", Language), new("from", From), new("to", To), new("q", Q), new("assigned", Assigned)];
}

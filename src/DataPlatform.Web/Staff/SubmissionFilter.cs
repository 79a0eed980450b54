using System.Globalization;
using DataPlatform.Web.Data;

namespace DataPlatform.Web.Staff;

/// <summary>The staff list's filters, from the query string; what cannot be understood is reported, not guessed.</summary>
public sealed record SubmissionFilter(string? Kind, string? Status, string? Language, string? From, string? To, string? Q, string? Assigned)
{
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Kind is not null && ParseKind(Kind) is null)
        {
            problems.Add($"Unknown form kind '{Kind}'.");
        }
        if (Status is not null && ParseStatus(Status) is null)
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
        if (Q is { Length: > 200 })
        {
            problems.Add("The search text can be at most 200 characters.");
        }
        return problems;
    }

    public static SubmissionKind? ParseKind(string value) => Enum.TryParse<SubmissionKind>(value, true, out var kind) && !int.TryParse(value, out _) ? kind : null;

    public static SubmissionStatus? ParseStatus(string value) =>
        Enum.TryParse<SubmissionStatus>(value.Replace("_", "", StringComparison.Ordinal), true, out var status) && !int.TryParse(value, out _) ? status : null;

    public static DateOnly? ParseDay(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>The filters as a query string (for paging and export links).</summary>
    public string Query()
    {
        var parts = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{key}={Uri.EscapeDataString(value)}");
            }
        }
        Add("kind", Kind);
        Add("status", Status);
        Add("language", Language);
        Add("from", From);
        Add("to", To);
        Add("q", Q);
        Add("assigned", Assigned);
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}

using DataPlatform.Web.Submissions;

namespace DataPlatform.Web.Staff;

/// <summary>The words the staff pages use for statuses (<c>in_review</c> → "In review").</summary>
public static class StaffText
{
    public static string Status(SubmissionStatus status) => status switch
    {
        SubmissionStatus.InReview => "In review",
        _ => status.ToString(),
    };

    /// <summary>A history entry's value in the same words as the status links ("New → In review", not "new → in_review").</summary>
    public static string? HistoryValue(string action, string? value) =>
        action == "status" && value is not null && SubmissionNames.ParseStatus(value) is { } status ? Status(status) : value;
}

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
}

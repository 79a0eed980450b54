using DataPlatform.Web.Site;
using DataPlatform.Web.Submissions;

namespace DataPlatform.Web.Staff;

public sealed class SubmissionDetailViewModel : LayoutViewModel
{
    public required Submission Submission { get; init; }
    public required IReadOnlyList<(string Name, string Value)> Fields { get; init; }
    public required IReadOnlyList<SubmissionNote> Notes { get; init; }
    public required IReadOnlyList<SubmissionEvent> History { get; init; }
    public required IReadOnlyList<(string Id, string Name)> Staff { get; init; }
    public string? AssignedName { get; init; }
    public string? Message { get; init; }
    public bool IsConflict { get; init; }

    /// <summary>The list this page was opened from, and its neighbours there.</summary>
    public required SubmissionFilter Filter { get; init; }
    public Guid? Newer { get; init; }
    public Guid? Older { get; init; }

    public required IReadOnlyList<SubmissionReply> Replies { get; init; }
    public bool CanReply { get; init; }

    /// <summary>The reply's text: the greeting for a new one, or what staff wrote (a preview, a conflict), shown again so it is not lost.</summary>
    public string? ReplyText { get; init; }

    /// <summary>The reply exactly as it will be sent (subject and whole body), shown before it can be sent.</summary>
    public (string Subject, string Body)? Preview { get; init; }

    /// <summary>Which text and status the preview showed; sending needs it to match what is sent.</summary>
    public string? PreviewedKey { get; init; }

    /// <summary>The status to set with the reply, as chosen in the form.</summary>
    public string? ReplyStatus { get; init; }
}

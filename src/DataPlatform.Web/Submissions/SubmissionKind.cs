namespace DataPlatform.Web.Submissions;

/// <summary>Which form a submission came from.</summary>
public enum SubmissionKind
{
    Contact,
    Event,
    Highlight,
}

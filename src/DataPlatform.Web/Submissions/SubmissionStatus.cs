namespace DataPlatform.Web.Submissions;

/// <summary>Where a submission is in staff review. Spam is kept, marked, so a false positive can be recovered.</summary>
public enum SubmissionStatus
{
    New,
    InReview,
    Accepted,
    Rejected,
    Spam,
    Done,
}

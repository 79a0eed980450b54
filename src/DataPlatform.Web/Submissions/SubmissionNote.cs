namespace DataPlatform.Web.Submissions;

/// <summary>An internal note on a submission, seen only by staff.</summary>
public sealed class SubmissionNote
{
    public long Id { get; set; }
    public Guid SubmissionId { get; set; }
    public string Author { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

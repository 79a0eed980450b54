namespace DataPlatform.Web.Submissions;

/// <summary>A reply from staff to the visitor, kept with the text that was (or will be) sent and how sending went.</summary>
public sealed class SubmissionReply
{
    public const string Queued = "queued";
    public const string Sent = "sent";
    public const string Failed = "failed";

    public long Id { get; set; }
    public Guid SubmissionId { get; set; }
    public string Author { get; set; } = "";
    public string ToAddress { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public string Language { get; set; } = "en";

    /// <summary><see cref="Queued"/> until the mail server took it (<see cref="Sent"/>) or refused it for good (<see cref="Failed"/>).</summary>
    public string State { get; set; } = Queued;
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
}

namespace DataPlatform.Web.Submissions;

/// <summary>One entry of a submission's audit trail: who did what, when, from which value to which.</summary>
public sealed class SubmissionEvent
{
    public long Id { get; set; }
    public Guid SubmissionId { get; set; }
    public string Actor { get; set; } = "";
    public string Action { get; set; } = "";
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
    public DateTimeOffset At { get; set; }
}

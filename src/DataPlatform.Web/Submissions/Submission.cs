namespace DataPlatform.Web.Submissions;

/// <summary>One thing a visitor sent. <see cref="Reference"/> is safe to show; <see cref="IdempotencyKey"/> makes storing it twice impossible.</summary>
public sealed class Submission
{
    public Guid Id { get; set; }
    public string Reference { get; set; } = "";
    public Guid IdempotencyKey { get; set; }
    public SubmissionKind Kind { get; set; }
    public SubmissionStatus Status { get; set; } = SubmissionStatus.New;
    public string Language { get; set; } = "en";
    public string? SourcePage { get; set; }
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string? Title { get; set; }
    public string? Message { get; set; }

    /// <summary>The form's other fields as a JSON object (stored as <c>jsonb</c>).</summary>
    public string Fields { get; set; } = "{}";

    public string? SpamReason { get; set; }

    /// <summary>A hash of the form stamp the submission was posted with: one stamp, one submission that is not spam.</summary>
    public string? StampHash { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset StoredAt { get; set; }
    public DateTimeOffset? NotifiedAt { get; set; }

    /// <summary>The staff account (user id) working on it.</summary>
    public string? AssignedTo { get; set; }

    /// <summary>The row version (PostgreSQL <c>xmin</c>) for optimistic concurrency.</summary>
    public uint Version { get; set; }
}

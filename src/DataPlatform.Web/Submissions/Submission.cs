namespace DataPlatform.Web.Submissions;

/// <summary>Which form a submission came from.</summary>
public enum SubmissionKind
{
    Contact,
    Event,
    Highlight,
}

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

/// <summary>An internal note on a submission, seen only by staff.</summary>
public sealed class SubmissionNote
{
    public long Id { get; set; }
    public Guid SubmissionId { get; set; }
    public string Author { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

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

/// <summary>
/// The names kinds and statuses have in the database, URLs, exports and the audit trail (<c>InReview</c> →
/// <c>in_review</c>, as the check constraints spell them), and their parsing back.
/// </summary>
public static class SubmissionNames
{
    public static string Of(SubmissionKind kind) => SnakeCase(kind.ToString());

    public static string Of(SubmissionStatus status) => SnakeCase(status.ToString());

    /// <summary>A kind from its name (<c>contact</c>); null for anything else, numbers included.</summary>
    public static SubmissionKind? ParseKind(string value) =>
        Enum.GetValues<SubmissionKind>().Cast<SubmissionKind?>().FirstOrDefault(k => string.Equals(Of(k!.Value), value, StringComparison.OrdinalIgnoreCase));

    /// <summary>A status from its name (<c>in_review</c>, or <c>inreview</c>); null for anything else, numbers included.</summary>
    public static SubmissionStatus? ParseStatus(string value) =>
        Enum.GetValues<SubmissionStatus>().Cast<SubmissionStatus?>().FirstOrDefault(s =>
            string.Equals(Of(s!.Value), value, StringComparison.OrdinalIgnoreCase) || string.Equals(s.Value.ToString(), value, StringComparison.OrdinalIgnoreCase));

    private static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}

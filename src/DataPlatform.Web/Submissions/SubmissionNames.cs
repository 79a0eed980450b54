namespace DataPlatform.Web.Submissions;

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

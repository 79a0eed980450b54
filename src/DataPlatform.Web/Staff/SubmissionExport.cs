using System.Text.Json;
using DataPlatform.Web.Site;
using DataPlatform.Web.Submissions;

namespace DataPlatform.Web.Staff;

/// <summary>What a submission is in the staff exports: one CSV row, one JSON object (written by <see cref="StreamedExport"/>).</summary>
public static class SubmissionExport
{
    public static readonly IReadOnlyList<string> Header =
        ["reference", "received_at", "kind", "status", "language", "name", "email", "title", "message", "fields", "source_page", "assigned_to", "spam_reason"];

    public static IReadOnlyList<string> Row(Submission s, IReadOnlyDictionary<string, string> userNames) =>
    [
        s.Reference, s.ReceivedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
        SubmissionNames.Of(s.Kind), SubmissionNames.Of(s.Status), s.Language, s.Name, s.Email, s.Title ?? "", s.Message ?? "",
        s.Fields, s.SourcePage ?? "", AssignedTo(s, userNames) ?? "", s.SpamReason ?? "",
    ];

    public static void Write(Utf8JsonWriter json, Submission s, IReadOnlyDictionary<string, string> userNames) => JsonSerializer.Serialize(json, new
    {
        reference = s.Reference,
        receivedAt = s.ReceivedAt,
        kind = SubmissionNames.Of(s.Kind),
        status = SubmissionNames.Of(s.Status),
        language = s.Language,
        name = s.Name,
        email = s.Email,
        title = s.Title,
        message = s.Message,
        fields = JsonDocument.Parse(s.Fields).RootElement,
        sourcePage = s.SourcePage,
        assignedTo = AssignedTo(s, userNames),
        spamReason = s.SpamReason,
    }, StreamedExport.JsonOptions);

    private static string? AssignedTo(Submission s, IReadOnlyDictionary<string, string> userNames) =>
        s.AssignedTo is null ? null : userNames.GetValueOrDefault(s.AssignedTo, s.AssignedTo);
}

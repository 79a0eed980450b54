using System.Text;
using DataPlatform.Web.Data;
using DataPlatform.Web.Submissions;

namespace DataPlatform.Web.Staff;

/// <summary>CSV that spreadsheets open safely: RFC 4180 quoting, and no cell that a spreadsheet would run as a formula.</summary>
public static class Csv
{
    public static readonly string[] Header =
        ["reference", "received_at", "kind", "status", "language", "name", "email", "title", "message", "fields", "source_page", "assigned_to", "spam_reason"];

    public static string Write(IEnumerable<Submission> submissions, IReadOnlyDictionary<string, string> userNames)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(',', Header).Append("\r\n");
        foreach (var s in submissions)
        {
            string?[] cells =
            [
                s.Reference, s.ReceivedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
                SubmissionNames.Of(s.Kind), SubmissionNames.Of(s.Status), s.Language,
                s.Name, s.Email, s.Title, s.Message, s.Fields, s.SourcePage,
                s.AssignedTo is null ? null : userNames.GetValueOrDefault(s.AssignedTo, s.AssignedTo), s.SpamReason,
            ];
            sb.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
        }
        return sb.ToString();
    }

    /// <summary>One cell: formula-leading characters neutralised with a quote mark, then quoted if it holds a comma, quote or line break.</summary>
    public static string Cell(string? value)
    {
        value = Site.StreamedExport.FormulaSafe(value);
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}

using System.Globalization;
using System.Text;
using DataPlatform.Content;
using DataPlatform.Web.Data;
using DataPlatform.Web.Submissions;

namespace DataPlatform.Web.Staff;

/// <summary>
/// Turns an accepted event or highlight suggestion into a Markdown file in the portal's content conventions,
/// ready for an editor to review and commit. Everything the visitor wrote is quoted in the front matter and
/// escaped in the body: content allows raw HTML and shortcodes, a visitor's text must not.
/// </summary>
public static class SuggestionMarkdown
{
    public static bool CanConvert(Submission submission) =>
        submission.Status is SubmissionStatus.Accepted or SubmissionStatus.Done && submission.Kind is SubmissionKind.Event or SubmissionKind.Highlight;

    /// <summary>The file name (<c>single-cell-workshop.md</c>) and its text.</summary>
    public static (string FileName, string Text) For(Submission submission)
    {
        var fields = SubmissionReview.FieldsOf(submission).ToDictionary(f => f.Name, f => f.Value);
        string? Field(string name) => fields.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;
        var title = submission.Title ?? submission.Reference;
        var description = submission.Message ?? "";
        var sb = new StringBuilder("---\n");
        void Line(string key, string? value)
        {
            if (value is not null)
            {
                sb.Append(key).Append(": ").Append(Quote(value)).Append('\n');
            }
        }
        Line("title", title);
        Line("summary", PageParser.Truncate(string.Join(' ', description.Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)), 200));
        if (submission.Kind == SubmissionKind.Event)
        {
            Line("start", Field("start"));
            Line("end", Field("end"));
            var venue = Field("venue");
            var online = venue is not null && venue.Contains("online", StringComparison.OrdinalIgnoreCase);
            Line("location", online && venue!.Trim().Equals("online", StringComparison.OrdinalIgnoreCase) ? null : venue);
            sb.Append("online: ").Append(online ? "true" : "false").Append('\n');
            var organisers = Field("organisers")?.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
            if (organisers.Length > 0)
            {
                sb.Append("organisers: [").AppendJoin(", ", organisers.Select(Quote)).Append("]\n");
            }
            Line("event_type", Field("event_type"));
            Line("event_url", Field("event_url"));
            Line("registration_url", Field("registration_url"));
        }
        else
        {
            Line("date", submission.ReceivedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            sb.Append("tags: []\n");
            sb.Append("authors: [").Append(Quote(submission.Name)).Append("]\n");
        }
        Line("suggested_by", $"{submission.Name} <{submission.Email}>");
        Line("submission", submission.Reference);
        sb.Append("---\n\n").Append(Body(description)).Append('\n');
        if (submission.Kind == SubmissionKind.Highlight && Field("links") is { } links)
        {
            sb.Append("\n## Links\n\n");
            foreach (var link in links.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                sb.Append("- <").Append(link.Replace(">", "%3E", StringComparison.Ordinal)).Append(">\n");
            }
        }
        var slug = Slug.From(title);
        return ((slug.Length > 60 ? slug[..60].TrimEnd('-') : slug) + ".md", sb.ToString());
    }

    /// <summary>A YAML double-quoted scalar: nothing in it can end the string or start another key.</summary>
    public static string Quote(string value)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in value)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "",
                '\t' => "\\t",
                _ when char.IsControl(c) => "",
                _ => c.ToString(),
            });
        }
        return sb.Append('"').ToString();
    }

    /// <summary>The visitor's text as Markdown paragraphs, with HTML and shortcode braces made literal.</summary>
    private static string Body(string text) => text
        .Replace("\r\n", "\n", StringComparison.Ordinal)
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("{{", "&#123;&#123;", StringComparison.Ordinal)
        .Trim();
}

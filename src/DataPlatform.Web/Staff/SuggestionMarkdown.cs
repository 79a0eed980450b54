using System.Globalization;
using System.Text;
using DataPlatform.Content;
using DataPlatform.Web.Submissions;
using YamlDotNet.Serialization;

namespace DataPlatform.Web.Staff;

/// <summary>
/// Turns an accepted event or highlight suggestion into a Markdown file in the portal's content conventions,
/// ready for an editor to review and commit. Everything the visitor wrote is serialized as YAML in the front matter and
/// made inert in the body: content allows raw HTML and shortcodes, a visitor's text must not.
/// </summary>
public static class SuggestionMarkdown
{
    public static bool CanConvert(Submission submission) =>
        submission.Status is SubmissionStatus.Accepted or SubmissionStatus.Done && submission.Kind is SubmissionKind.Event or SubmissionKind.Highlight;

    /// <summary>The file name (<c>single-cell-workshop.md</c>) and its text.</summary>
    public static (string FileName, string Text) For(Submission submission)
    {
        var fields = SubmissionReview.RawFieldsOf(submission);
        string? Field(string name) => fields.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;
        var title = submission.Title ?? submission.Reference;
        var description = submission.Message ?? "";
        // Everything the visitor wrote goes through YamlDotNet's serializer, which quotes and escapes as YAML needs.
        var frontMatter = new Dictionary<string, object?>
        {
            ["title"] = Clean(title),
            ["summary"] = Clean(PageParser.Truncate(string.Join(' ', description.Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)), 200)),
        };
        if (submission.Kind == SubmissionKind.Event)
        {
            var venue = Field("venue");
            var online = venue is not null && venue.Contains("online", StringComparison.OrdinalIgnoreCase);
            frontMatter["start"] = Field("start");
            frontMatter["end"] = Field("end");
            frontMatter["location"] = online && venue!.Trim().Equals("online", StringComparison.OrdinalIgnoreCase) ? null : Clean(venue);
            frontMatter["online"] = online;
            var organisers = Field("organisers")?.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
            frontMatter["organisers"] = organisers.Length > 0 ? organisers.Select(Clean).ToList() : null;
            frontMatter["event_type"] = Field("event_type");
            frontMatter["event_url"] = Clean(Field("event_url"));
            frontMatter["registration_url"] = Clean(Field("registration_url"));
        }
        else
        {
            frontMatter["date"] = submission.ReceivedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            frontMatter["tags"] = new List<string>();
            frontMatter["authors"] = new List<string?> { Clean(submission.Name) };
        }
        frontMatter["suggested_by"] = Clean($"{submission.Name} <{submission.Email}>");
        frontMatter["submission"] = submission.Reference;
        var sb = new StringBuilder("---\n")
            .Append(Yaml.Serialize(frontMatter.Where(e => e.Value is not null).ToDictionary(e => e.Key, e => e.Value)));
        sb.Append("---\n\n").Append(Body(description)).Append('\n');
        if (submission.Kind == SubmissionKind.Highlight && Field("links") is { } links)
        {
            sb.Append("\n## Links\n\n");
            foreach (var link in links.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                // Only a plain http(s) address becomes a link; anything else is shown as inert text.
                sb.Append(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
                    ? "- <" + uri.AbsoluteUri.Replace(">", "%3E", StringComparison.Ordinal) + ">\n"
                    : "- " + Body(link) + "\n");
            }
        }
        // A title without letters or digits (say "???") names the file by the submission's reference instead.
        var slug = Slug.From(title).Trim('-') is { Length: > 0 } fromTitle ? fromTitle : submission.Reference.ToLowerInvariant();
        return ((slug.Length > 60 ? slug[..60].TrimEnd('-') : slug) + ".md", sb.ToString());
    }

    private static readonly ISerializer Yaml = new SerializerBuilder().WithQuotingNecessaryStrings().Build();

    /// <summary>Control characters (other than line breaks and tabs) are never real input: left out of the front matter.</summary>
    private static string? Clean(string? value) => value is null ? null : string.Concat(value.Where(c => !char.IsControl(c) || c is '\n' or '\t'));

    /// <summary>
    /// The visitor's text as inert Markdown paragraphs: every ASCII punctuation character is backslash-escaped, so no
    /// emphasis, link, image, HTML tag, heading, list or shortcode (<c>{{&lt; &gt;}}</c>, <c>{{% %}}</c>) comes out of it; line breaks stay.
    /// </summary>
    private static string Body(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim())
        {
            if (char.IsAsciiLetterOrDigit(c) || c is ' ' or '\n' or '\t' || c > 127)
            {
                sb.Append(c);
            }
            else if (!char.IsControl(c))
            {
                sb.Append('\\').Append(c);
            }
        }
        return sb.ToString();
    }
}

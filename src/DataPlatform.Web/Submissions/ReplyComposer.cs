using System.Text;
using DataPlatform.Content;
using DataPlatform.Web.Localization;
using DataPlatform.Web.Site;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DataPlatform.Web.Submissions;

/// <summary>
/// Writes replies to visitors: in the visitor's language, the staff member's text (which starts with the greeting
/// template, filled in, for them to keep, change or remove), the signature template, and the visitor's message quoted
/// below, all plain text (nothing a visitor wrote is ever markup).
/// </summary>
public sealed class ReplyComposer(IOptions<NotificationOptions> options, PortalLayout layout, IStringLocalizer<SharedResource> t)
{
    /// <summary>The greeting template filled in for this visitor ("Dear Ada Lovelace,"), the start of a new reply's text.</summary>
    public string Greeting(Submission submission) => Fill(options.Value.Reply.Greeting, "{name},", submission);

    private string Fill(Dictionary<string, string> template, string fallback, Submission submission)
    {
        var language = LanguageOf(submission);
        return (template.GetValueOrDefault(language.Code) ?? fallback).Replace("{name}", submission.Name.Trim(), StringComparison.Ordinal)
            .Replace("{site}", layout.SiteTitle(language), StringComparison.Ordinal).Replace("\\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>What a preview showed (the text and the status to set), so a send can tell it is sending what was seen.</summary>
    public static string PreviewKey(string text, string? status) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text.Trim().ReplaceLineEndings("\n") + "\0" + status)));

    private static SiteLanguage LanguageOf(Submission submission) => SiteLanguage.Find(submission.Language) ?? SiteLanguage.Default;

    public (string Subject, string Body) Compose(Submission submission, string text)
    {
        var language = LanguageOf(submission);
        var templates = options.Value.Reply;
        var topic = submission.Title is { Length: > 0 } title ? OneLine(title) : t.In(language, "Your message");
        var subject = t.In(language, "Re: {0} [{1}]", topic, submission.Reference);
        var body = new StringBuilder();
        body.Append(text.Trim().ReplaceLineEndings("\n")).Append("\n\n");
        body.Append(Fill(templates.Signature, "{site}", submission)).Append("\n\n");
        body.Append(t.In(language, "On {0:d MMMM yyyy, HH:mm}, {1} wrote:", Stockholm.ToLocal(submission.ReceivedAt), OneLine(submission.Name))).Append('\n');
        foreach (var line in (submission.Message ?? "").ReplaceLineEndings("\n").Split('\n'))
        {
            body.Append("> ").Append(line).Append('\n');
        }
        return (subject, body.ToString());
    }

    /// <summary>A header never gets a line break from visitor text.</summary>
    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}

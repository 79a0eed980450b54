using System.Globalization;
using System.Net;
using System.Net.Mail;
using System.Text;
using DataPlatform.Content;
using DataPlatform.Web.Data;
using DataPlatform.Web.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataPlatform.Web.Submissions;

/// <summary>Wakes the reply sender when a reply was queued.</summary>
public sealed class ReplySignal : WorkerSignal;

/// <summary>
/// Writes replies to visitors: in the visitor's language, the staff member's text (which starts with the greeting
/// template, filled in, for them to keep, change or remove), the signature template, and the visitor's message quoted
/// below, all plain text (nothing a visitor wrote is ever markup).
/// </summary>
public sealed class ReplyComposer(IOptions<NotificationOptions> options, PortalLayout layout)
{
    /// <summary>The greeting template filled in for this visitor ("Dear Ada Lovelace,"), the start of a new reply's text.</summary>
    public string Greeting(Submission submission) => Fill(options.Value.Reply.Greeting, "{name},", submission);

    private string Fill(Dictionary<string, string> template, string fallback, Submission submission)
    {
        var language = submission.Language == "sv" ? SiteLanguage.Swedish : SiteLanguage.English;
        return (template.GetValueOrDefault(language.Code) ?? fallback).Replace("{name}", submission.Name.Trim(), StringComparison.Ordinal)
            .Replace("{site}", layout.SiteTitle(language), StringComparison.Ordinal).Replace("\\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>What a preview showed (the text and the status to set), so a send can tell it is sending what was seen.</summary>
    public static string PreviewKey(string text, string? status) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text.Trim().ReplaceLineEndings("\n") + "\0" + status)));

    public (string Subject, string Body) Compose(Submission submission, string text)
    {
        var swedish = submission.Language == "sv";
        var templates = options.Value.Reply;
        var topic = submission.Title is { Length: > 0 } title ? OneLine(title) : swedish ? "Ditt meddelande" : "Your message";
        var subject = $"{(swedish ? "Sv" : "Re")}: {topic} [{submission.Reference}]";
        var received = Stockholm.ToLocal(submission.ReceivedAt).ToString(swedish ? "d MMMM yyyy HH:mm" : "d MMMM yyyy, HH:mm", CultureInfo.GetCultureInfo(swedish ? "sv-SE" : "en-GB"));
        var body = new StringBuilder();
        body.Append(text.Trim().ReplaceLineEndings("\n")).Append("\n\n");
        body.Append(Fill(templates.Signature, "{site}", submission)).Append("\n\n");
        body.Append(swedish ? $"Den {received} skrev {OneLine(submission.Name)}:" : $"On {received}, {OneLine(submission.Name)} wrote:").Append('\n');
        foreach (var line in (submission.Message ?? "").ReplaceLineEndings("\n").Split('\n'))
        {
            body.Append("> ").Append(line).Append('\n');
        }
        return (subject, body.ToString());
    }

    /// <summary>A header never gets a line break from visitor text.</summary>
    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}

/// <summary>
/// Sends queued replies through the configured mail server. The database is the outbox: a reply is marked sent only
/// once the server took it, so a server that is down delays it and it is retried, never lost; a refusal for good (a
/// recipient the server will not take) marks it failed with the reason. Both go in the submission's history. Several
/// replicas may run this; <c>for update skip locked</c> keeps them from sending the same reply twice.
/// </summary>
public sealed class ReplySender(
    IServiceScopeFactory scopes, ReplySignal signal, DatabaseState database, TimeProvider clock, IOptions<NotificationOptions> options, BackgroundWork work, ILogger<ReplySender> logger)
    : MailOutbox(signal, database, work, TimeSpan.FromSeconds(options.Value.PollSeconds))
{
    protected override bool Enabled => options.Value.CanReply;

    protected override async Task<bool> SendWaitingAsync(CancellationToken cancellationToken) => await SendQueuedAsync(cancellationToken) < 0;

    /// <summary>Sends what is queued; the number sent, or -1 when the mail server could not be reached (it is tried again later).</summary>
    public async Task<int> SendQueuedAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var sent = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var batch = await db.SubmissionReplies
                .FromSqlRaw("select * from submission_replies where state = 'queued' order by created_at limit 20 for update skip locked")
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return sent;
            }
            using var smtp = settings.CreateSmtpClient();
            var unreachable = false;
            foreach (var reply in batch)
            {
                var now = clock.GetUtcNow();
                reply.Attempts++;
                try
                {
                    using var mail = new MailMessage(new MailAddress(settings.From), new MailAddress(reply.ToAddress))
                    {
                        Subject = reply.Subject, Body = reply.Body, BodyEncoding = Encoding.UTF8, SubjectEncoding = Encoding.UTF8,
                        // Readable as it travels (and in a mail server's log), unlike base64.
                        BodyTransferEncoding = System.Net.Mime.TransferEncoding.QuotedPrintable,
                    };
                    mail.ReplyToList.Add(new MailAddress(settings.TeamAddress));
                    await smtp.SendMailAsync(mail, cancellationToken);
                    (reply.State, reply.SentAt, reply.LastError) = (SubmissionReply.Sent, now, null);
                    db.SubmissionEvents.Add(new SubmissionEvent { SubmissionId = reply.SubmissionId, Actor = "mail server", Action = "reply sent", NewValue = reply.Subject, At = now });
                    sent++;
                }
                catch (Exception e) when (RefusedForGood(e, reply.ToAddress) is { } reason)
                {
                    // Refused for good: trying again would only be refused again, and would hold up the replies behind it.
                    (reply.State, reply.LastError) = (SubmissionReply.Failed, reason);
                    db.SubmissionEvents.Add(new SubmissionEvent { SubmissionId = reply.SubmissionId, Actor = "mail server", Action = "reply failed", NewValue = reason, At = now });
                    logger.LogWarning("A reply to submission {Submission} was refused: {Reason}", reply.SubmissionId, reason);
                }
                catch (Exception e) when (e is SmtpException or IOException or InvalidOperationException)
                {
                    reply.LastError = e.GetBaseException().Message;
                    logger.LogWarning("Sending replies failed, they stay queued and are retried: {Reason}", reply.LastError);
                    unreachable = true;
                    break;
                }
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (unreachable)
            {
                return -1;
            }
        }
    }

    /// <summary>
    /// Why this reply can never be sent, or null when the failure is the server's (down, busy) and it should wait.
    /// A recipient or address the server refuses (5xx) is the message's own; so is an address with letters such as
    /// ü before the @ when the server does not offer SMTPUTF8, which the client reports as a general failure.
    /// </summary>
    private static string? RefusedForGood(Exception e, string address) => e switch
    {
        SmtpFailedRecipientException or FormatException => e.Message,
        SmtpException when !address.Split('@')[0].All(char.IsAscii) =>
            $"The address has letters outside ASCII before the @, and the mail server does not accept such addresses (SMTPUTF8): {e.Message}",
        SmtpException { StatusCode: >= SmtpStatusCode.CommandUnrecognized } smtp =>
            $"The mail server refused it ({(int)smtp.StatusCode}): {e.Message}",
        _ => null,
    };
}

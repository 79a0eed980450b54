using MailKit.Net.Smtp;
using DataPlatform.Web.Data;
using DataPlatform.Web.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataPlatform.Web.Submissions;

/// <summary>
/// Sends queued replies through the configured mail server. The database is the outbox: a reply is marked sent only
/// once the server took it, so a server that is down delays it and it is retried, never lost; a refusal for good (a
/// recipient the server will not take) marks it failed with the reason. Both go in the submission's history. Several
/// replicas may run this; <c>for update skip locked</c> keeps them from sending the same reply twice.
/// </summary>
public sealed class ReplySender(
    IServiceScopeFactory scopes, ReplySignal signal, DatabaseState database, TimeProvider clock, IOptions<NotificationOptions> options, MailServer mailServer, BackgroundWork work, ILogger<ReplySender> logger)
    : MailOutbox(signal, database, work, TimeSpan.FromSeconds(options.Value.PollSeconds))
{
    protected override bool Enabled => options.Value.CanReply;

    protected override async Task<bool> SendWaitingAsync(CancellationToken cancellationToken) => await SendQueuedAsync(cancellationToken) < 0;

    protected override async Task<long> CountWaitingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().SubmissionReplies.LongCountAsync(r => r.State == SubmissionReply.Queued, cancellationToken);
    }

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
            // Connected at the first reply, so a server that cannot be reached counts as that reply's attempt, with the reason.
            SmtpClient? smtp = null;
            var unreachable = false;
            foreach (var reply in batch)
            {
                var now = clock.GetUtcNow();
                reply.Attempts++;
                try
                {
                    smtp ??= await mailServer.ConnectAsync(cancellationToken);
                    await smtp.SendAsync(MailServer.Message(settings.From, [reply.ToAddress], reply.Subject, reply.Body, settings.TeamAddress), cancellationToken);
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
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    reply.LastError = e.GetBaseException().Message;
                    logger.LogWarning("Sending replies failed, they stay queued and are retried: {Reason}", reply.LastError);
                    unreachable = true;
                    break;
                }
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (smtp is not null)
            {
                if (!unreachable)
                {
                    await smtp.DisconnectAsync(true, cancellationToken);
                }
                smtp.Dispose();
            }
            if (unreachable)
            {
                return -1;
            }
        }
    }

    /// <summary>
    /// Why this reply can never be sent, or null when the failure is the server's (down, busy) and it should wait.
    /// A recipient, sender or message the server refuses for good (5xx) is the message's own; so is an address with
    /// letters such as ü before the @ when the server does not offer SMTPUTF8.
    /// </summary>
    private static string? RefusedForGood(Exception e, string address) => e switch
    {
        MimeKit.ParseException or FormatException => e.Message,
        SmtpCommandException or NotSupportedException when !address.Split('@')[0].All(char.IsAscii) =>
            $"The address has letters outside ASCII before the @, and the mail server does not accept such addresses (SMTPUTF8): {e.Message}",
        SmtpCommandException { StatusCode: >= (SmtpStatusCode)500 } smtp =>
            $"The mail server refused it ({(int)smtp.StatusCode}): {e.Message}",
        _ => null,
    };
}

using System.Net;
using System.Net.Mail;
using DataPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataPlatform.Web.Submissions;

/// <summary>
/// Emails staff about new submissions after they are stored. The database is the outbox: a row is
/// marked <c>notified_at</c> only once its mail was accepted, so a failing mail server delays mail, never
/// a submission, and nothing is forgotten across restarts. Several replicas may run this; <c>for update
/// skip locked</c> keeps them from mailing the same row twice.
/// </summary>
public sealed class SubmissionNotifier(
    IServiceScopeFactory scopes,
    NotificationSignal signal,
    DatabaseState database,
    TimeProvider clock,
    IOptions<NotificationOptions> options,
    ILogger<SubmissionNotifier> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        var delay = TimeSpan.FromSeconds(options.Value.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            var failed = false;
            if (database.IsMigrated)
            {
                try
                {
                    await SendPendingAsync(stoppingToken);
                }
                catch (Exception e) when (e is SmtpException or IOException or InvalidOperationException || DatabaseErrors.IsUnavailable(e))
                {
                    failed = true;
                    logger.LogWarning("Sending submission notifications failed, will retry: {Reason}", e.GetBaseException().Message);
                }
            }
            try
            {
                // Back off when the mail server is failing; otherwise wake on new submissions.
                await signal.WaitAsync(failed ? delay * 3 : delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async Task<int> SendPendingAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var sent = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var batch = await db.Submissions
                .FromSqlRaw("select *, xmin from submissions where notified_at is null and status <> {0} order by received_at limit 20 for update skip locked",
                    SubmissionNames.Of(SubmissionStatus.Spam))
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return sent;
            }
            using var smtp = settings.CreateSmtpClient();
            foreach (var submission in batch)
            {
                using var mail = new MailMessage { From = new MailAddress(settings.From), Subject = $"[Portal] New {submission.Kind.ToString().ToLowerInvariant()} submission {submission.Reference}" };
                foreach (var to in settings.To)
                {
                    mail.To.Add(to);
                }
                // Plain text only: nothing a visitor wrote is ever interpreted as markup.
                mail.Body = $"""
                    A new submission arrived through the portal.

                    Reference: {submission.Reference}
                    Form: {submission.Kind}
                    Language: {submission.Language}
                    Received: {submission.ReceivedAt:u}
                    From: {submission.Name} <{submission.Email}>
                    Title: {submission.Title}

                    {submission.Message}

                    Review it in the staff workspace.
                    """;
                await smtp.SendMailAsync(mail, cancellationToken);
                submission.NotifiedAt = clock.GetUtcNow();
                await db.SaveChangesAsync(cancellationToken);
                sent++;
            }
            await transaction.CommitAsync(cancellationToken);
        }
    }
}

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
    MailServer mailServer,
    IOptions<Site.SiteOptions> site,
    Site.BackgroundWork work,
    ILogger<SubmissionNotifier> logger) : MailOutbox(signal, database, work, TimeSpan.FromSeconds(options.Value.PollSeconds))
{
    protected override bool Enabled => options.Value.Enabled;

    protected override async Task<bool> SendWaitingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SendPendingAsync(cancellationToken);
            return false;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Sending submission notifications failed, will retry: {Reason}", e.GetBaseException().Message);
            return true;
        }
    }

    protected override async Task<long> CountWaitingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Submissions
            .LongCountAsync(s => s.NotifiedAt == null && s.Status != SubmissionStatus.Spam, cancellationToken);
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
            using var smtp = await mailServer.ConnectAsync(cancellationToken);
            foreach (var submission in batch)
            {
                var body = $"""
                    A new submission arrived through the portal.

                    Reference: {submission.Reference}
                    Form: {submission.Kind}
                    Language: {submission.Language}
                    Received: {Site.Dates.Staff(submission.ReceivedAt)}
                    From: {submission.Name} <{submission.Email}>
                    Title: {submission.Title}

                    {submission.Message}

                    Review it in the staff workspace: {ReviewUrl(submission)}
                    """;
                await smtp.SendAsync(MailServer.Message(settings.From, settings.To, $"[Portal] New {submission.Kind.ToString().ToLowerInvariant()} submission {submission.Reference}", body), cancellationToken);
                submission.NotifiedAt = clock.GetUtcNow();
                await db.SaveChangesAsync(cancellationToken);
                sent++;
            }
            await transaction.CommitAsync(cancellationToken);
            await smtp.DisconnectAsync(true, cancellationToken);
        }
    }

    /// <summary>The submission's page in the workspace: absolute from <c>Site:BaseUrl</c>, else the path (a mail has no host to be relative to).</summary>
    private string ReviewUrl(Submission submission) => $"{site.Value.BaseUrl.TrimEnd('/')}{Site.AppRoutes.Staff}submissions/{submission.Id}";
}

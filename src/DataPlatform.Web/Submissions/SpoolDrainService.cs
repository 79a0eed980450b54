using DataPlatform.Web.Site;
using DataPlatform.Web.Data;
using Microsoft.Extensions.Options;

namespace DataPlatform.Web.Submissions;

/// <summary>
/// Moves spooled submissions into PostgreSQL once it answers again, including ones left by a previous run.
/// A file is deleted only after its row is committed; the idempotency key makes a retry after a crash harmless.
/// </summary>
public sealed class SpoolDrainService(
    SubmissionSpool spool,
    SpoolSignal signal,
    NotificationSignal notificationSignal,
    IServiceScopeFactory scopes,
    DatabaseState database,
    TimeProvider clock,
    PortalMetrics metrics,
    IOptions<SubmissionOptions> options,
    Site.BackgroundWork work,
    ILogger<SpoolDrainService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(options.Value.SpoolRetryMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            if (database.IsMigrated)
            {
                // This loop must outlive any one failure: it is what gets spooled submissions home.
                await work.RunAsync(nameof(SpoolDrainService), () => DrainAsync(stoppingToken), stoppingToken);
            }
            try
            {
                await signal.WaitAsync(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>On shutdown (SIGTERM), one last attempt to store what is spooled; what cannot be stored stays on disk for the next start.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (database.IsMigrated)
        {
            try
            {
                await DrainAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Out of time: the files stay in the spool.
            }
            catch (Exception e)
            {
                // Shutdown must finish whatever the database says; what was not stored stays in the spool for the next start.
                logger.LogError(e, "The last attempt to store spooled submissions failed; they stay in the spool");
            }
        }
    }

    /// <summary>Stores what the spool holds; stops at the first database failure and tries again later.</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken)
    {
        var stored = 0;
        foreach (var (file, submission) in spool.ReadAll())
        {
            if (submission is null)
            {
                logger.LogError("Spool file {File} cannot be read; moved aside as .bad", Path.GetFileName(file));
                SubmissionSpool.Quarantine(file);
                continue;
            }
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                await SubmissionIntake.StoreAsync(db, submission, clock, metrics, cancellationToken);
                SubmissionSpool.Remove(file);
                stored++;
            }
            catch (Exception e) when (DatabaseErrors.IsUnavailable(e))
            {
                break;
            }
        }
        if (stored > 0)
        {
            logger.LogInformation("Stored {Count} spooled submissions", stored);
            notificationSignal.Notify();
        }
        return stored;
    }
}

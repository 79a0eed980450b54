using DataPlatform.Web.Data;
using DataPlatform.Web.Site;

namespace DataPlatform.Web.Submissions;

/// <summary>
/// The loop both mail senders share (staff notifications, replies to visitors): once the schema is migrated, send
/// what waits in the database, then sleep until woken (something was stored) or the poll interval has passed, three
/// times as long while sending fails.
/// </summary>
public abstract class MailOutbox(WorkerSignal signal, DatabaseState database, BackgroundWork work, TimeSpan pollInterval) : BackgroundService
{
    /// <summary>Whether this sender has what it needs (a mail server, recipients); if not, it does nothing.</summary>
    protected abstract bool Enabled { get; }

    private int _failedPasses;

    /// <summary>Passes of the loop whose sending failed since the start (the mail server down), for operators and tests.</summary>
    public int FailedPasses => Volatile.Read(ref _failedPasses);

    private long _waiting;

    /// <summary>Messages waiting to be sent, as counted after the last pass (for the mail-queue metric).</summary>
    public long Waiting => Interlocked.Read(ref _waiting);

    /// <summary>Counts the messages that wait.</summary>
    protected abstract Task<long> CountWaitingAsync(CancellationToken cancellationToken);

    /// <summary>Sends what waits; true when sending failed and the loop should back off.</summary>
    protected abstract Task<bool> SendWaitingAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            var failed = false;
            if (database.IsMigrated)
            {
                failed = !await work.RunAsync(GetType().Name, async () =>
                {
                    try
                    {
                        failed = await SendWaitingAsync(stoppingToken);
                    }
                    catch (Exception e) when (DatabaseErrors.IsUnavailable(e))
                    {
                        failed = true;
                    }
                }, stoppingToken) || failed;
            }
            if (failed)
            {
                Interlocked.Increment(ref _failedPasses);
            }
            if (database.IsMigrated)
            {
                await work.RunAsync(GetType().Name + " count", async () => Interlocked.Exchange(ref _waiting, await CountWaitingAsync(stoppingToken)), stoppingToken);
            }
            try
            {
                await signal.WaitAsync(failed ? pollInterval * 3 : pollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

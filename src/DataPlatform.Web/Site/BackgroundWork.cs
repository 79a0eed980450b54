using System.Collections.Concurrent;

namespace DataPlatform.Web.Site;

/// <summary>
/// What the portal's background loops (search index, fetchers, mail outboxes, spool, migrations) last failed at. A loop
/// runs each pass through <see cref="RunAsync"/>: whatever a pass throws is logged, shown to staff on
/// <c>/staff/content</c> until a later pass succeeds, and the loop goes on. No loop may end the process: one bad record
/// upstream or a bug in one pass must not take every replica down.
/// </summary>
public sealed class BackgroundWork(ILogger<BackgroundWork> logger, TimeProvider clock)
{
    /// <summary>A loop's last failure: when, why, and how many passes in a row have failed.</summary>
    public sealed record Failure(string Worker, DateTimeOffset At, string Reason, int InARow);

    private readonly ConcurrentDictionary<string, Failure> _failures = new(StringComparer.Ordinal);

    /// <summary>The loops whose last pass failed, by name.</summary>
    public IReadOnlyList<Failure> Failures => [.. _failures.Values.OrderBy(f => f.Worker, StringComparer.Ordinal)];

    /// <summary>Runs one pass of <paramref name="worker"/>; true when it succeeded. Only cancellation by <paramref name="stoppingToken"/> escapes.</summary>
    public async Task<bool> RunAsync(string worker, Func<Task> pass, CancellationToken stoppingToken)
    {
        try
        {
            await pass();
            _failures.TryRemove(worker, out _);
            return true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            Failed(worker, e);
            return false;
        }
    }

    /// <summary>Records and logs a failure of <paramref name="worker"/> met outside <see cref="RunAsync"/>.</summary>
    public void Failed(string worker, Exception e)
    {
        var failure = _failures.AddOrUpdate(worker,
            _ => new Failure(worker, clock.GetUtcNow(), $"{e.GetType().Name}: {e.Message}", 1),
            (_, last) => new Failure(worker, clock.GetUtcNow(), $"{e.GetType().Name}: {e.Message}", last.InARow + 1));
        logger.LogError(e, "{Worker} failed ({InARow} in a row); it goes on and tries again", worker, failure.InARow);
    }
}

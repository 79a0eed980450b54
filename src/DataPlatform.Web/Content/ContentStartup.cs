using DataPlatform.Content;
using DataPlatform.Web.Site;

namespace DataPlatform.Web.Content;

/// <summary>
/// Loads content before the server accepts requests, and after every reload runs the same check editors
/// run (<c>check</c>), logging each problem once and keeping the report for the editors' page.
/// </summary>
public sealed class ContentStartup(ContentStore store, BackgroundWork work, ILogger<ContentStartup> logger) : IHostedService
{
    private HashSet<Diagnostic> _reported = [];
    private readonly Lock _checkLock = new();
    private CheckReport? _report;
    private Dictionary<string, DateTimeOffset>? _gitTimes;
    private string? _gitHead;

    /// <summary>The check of the current content, once it has run.</summary>
    public CheckReport? Report => Volatile.Read(ref _report);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        store.Reloaded += OnReloaded;
        var first = store.Start();
        if (first.Error is null)
        {
            // The first check runs before requests are served, so the editors' page is never empty.
            Check(first.Snapshot);
        }
        return Task.CompletedTask;
    }

    private void OnReloaded(ReloadReport report)
    {
        if (report.Error is not null)
        {
            work.Failed("Content reload", report.Error);
            return;
        }
        var snapshot = report.Snapshot;
        logger.LogInformation("Content loaded from {Root}: {Pages} pages, {Files} files in {Elapsed:0} ms ({Parsed} files parsed)",
            store.Root, snapshot.Pages.Count, snapshot.Files.Count, report.Elapsed.TotalMilliseconds, report.ParsedFiles);
        if (Report is not null)
        {
            ScheduleCheck();
        }
    }

    private int _checkPending;
    private long _lastCheckTicks;

    /// <summary>
    /// Later checks run off the reload thread, one at a time and at most every <see cref="CheckInterval"/> (longer on a
    /// big site, see below): an editor saving every second gets one check of the latest content, not one per save (a
    /// check of a big site costs far more than the reload, and would compete with it for the processor).
    /// </summary>
    private void ScheduleCheck()
    {
        if (Interlocked.Exchange(ref _checkPending, 1) == 1)
        {
            return; // one is already waiting; it will check whatever is current then
        }
        _ = Task.Run(async () =>
        {
            // On a big site a check takes seconds (15 s at 100,000 pages): waiting four times as long as the last one
            // took keeps checks to a fifth of one core while an editor keeps saving, and reloads and requests get the rest.
            var wait = TimeSpan.FromTicks(Math.Max(CheckInterval.Ticks, 4 * Interlocked.Read(ref _lastCheckTicks)));
            await Task.Delay(wait);
            Interlocked.Exchange(ref _checkPending, 0);
            Check(store.Current);
        });
    }

    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(2);

    /// <summary>How many new content problems one check logs line by line; the rest are counted in one line.</summary>
    public const int ProblemsLoggedOneByOne = 100;

    /// <summary>
    /// Logs new content problems, errors first, one line each up to <see cref="ProblemsLoggedOneByOne"/>, then one line
    /// counting the rest by code. A big site without translations has one warning per page: 75,000 lines at the start
    /// of a 100,000-page site buried everything else in the log. The content check at <c>/staff/content</c> lists them all.
    /// </summary>
    public static void LogNewProblems(ILogger logger, IEnumerable<Diagnostic> problems)
    {
        var rest = new Dictionary<string, int>(StringComparer.Ordinal);
        var logged = 0;
        foreach (var d in problems.OrderByDescending(d => d.Severity))
        {
            if (logged < ProblemsLoggedOneByOne)
            {
                logger.Log(d.Severity == Severity.Error ? LogLevel.Error : LogLevel.Warning,
                    "Content {Severity} in {File}:{Line} {Code}: {Message}", d.Severity, d.File, d.Line, d.Code, d.Message);
                logged++;
            }
            else
            {
                var key = $"{d.Severity.ToString().ToLowerInvariant()} {d.Code}";
                rest[key] = rest.GetValueOrDefault(key) + 1;
            }
        }
        if (rest.Count > 0)
        {
            logger.LogWarning("Content: {More} more new problems, not logged one by one ({Counts}); /staff/content lists them all",
                rest.Values.Sum(), string.Join(", ", rest.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}: {r.Value}")));
        }
    }

    private void Check(ContentSnapshot snapshot)
    {
        try
        {
            CheckNow(snapshot);
        }
        catch (Exception e)
        {
            work.Failed("Content check", e);
        }
    }

    private void CheckNow(ContentSnapshot snapshot)
    {
        lock (_checkLock)
        {
            if (snapshot != store.Current)
            {
                return;
            }
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var report = ContentCheck.Run(snapshot, store.Root, new CheckOptions(AppRoutes.IsAppRoute, UseGit: false) { CommitTimes = GitTimes() });
            Interlocked.Exchange(ref _lastCheckTicks, System.Diagnostics.Stopwatch.GetElapsedTime(started).Ticks);
            Volatile.Write(ref _report, report);
            // Each problem once, not again on every reload while it is unfixed.
            LogNewProblems(logger, report.Diagnostics.Where(d => !_reported.Contains(d)));
            _reported = report.Diagnostics.ToHashSet();
        }
    }

    /// <summary>Commit times from git, read again only when the checkout's HEAD moves.</summary>
    private Dictionary<string, DateTimeOffset>? GitTimes()
    {
        var head = ContentCheck.GitHead(store.Root);
        if (head is null)
        {
            return null;
        }
        if (head != _gitHead)
        {
            _gitTimes = ContentCheck.GitCommitTimes(store.Root);
            _gitHead = head;
        }
        return _gitTimes;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        store.Reloaded -= OnReloaded;
        return Task.CompletedTask;
    }
}

using DataPlatform.Content;
using DataPlatform.Web.Data;
using DataPlatform.Web.Site;
using Npgsql;

namespace DataPlatform.Web.Search;

/// <summary>Brings the search index up to date at start-up and after every content reload; retries while the database is away.</summary>
public sealed class SearchIndexer(ContentStore content, NpgsqlDataSource dataSource, DatabaseState database, PageCache pages, BackgroundWork work, TimeProvider clock, ILogger<SearchIndexer> logger) : BackgroundService
{
    private readonly WorkerSignal _changed = new();
    private string? _indexedVersion;
    private readonly WrittenIndex _written = new(clock);

    /// <summary>The content version last written to the index; tests and readiness wait for it.</summary>
    public string? IndexedVersion => Volatile.Read(ref _indexedVersion);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        content.Reloaded += OnReloaded;
        return base.StartAsync(cancellationToken);
    }

    private void OnReloaded(ReloadReport report) => _changed.Notify();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var snapshot = content.Current;
            if (database.IsMigrated && content.IsLoaded && snapshot.Version != IndexedVersion)
            {
                await work.RunAsync(nameof(SearchIndexer), () => SyncAsync(snapshot, stoppingToken), stoppingToken);
            }
            try
            {
                await _changed.WaitAsync(TimeSpan.FromSeconds(5), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task SyncAsync(ContentSnapshot snapshot, CancellationToken stoppingToken)
    {
        try
        {
            var report = await SearchIndex.SyncAsync(dataSource, snapshot, stoppingToken, _written);
            var first = IndexedVersion is null;
            // Cached search results (and anything else) were rendered from the index as it was; emptied before the new
            // version is announced, so whoever waits for that version finds the cache emptied already.
            pages.Clear();
            Volatile.Write(ref _indexedVersion, snapshot.Version);
            if (first && report.Upserted > 1000)
            {
                // Loading and indexing a large site leaves hundreds of megabytes of parse and index garbage;
                // give it back once, now, instead of carrying it as the process's size.
                GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            }
            if (report.Upserted + report.Deleted > 0)
            {
                logger.LogInformation("Search index updated: {Upserted} pages written, {Deleted} removed, of {Pages}, in {Elapsed:0} ms",
                    report.Upserted, report.Deleted, report.Pages, report.Elapsed.TotalMilliseconds);
            }
        }
        catch (Exception e) when (DatabaseErrors.IsUnavailable(e))
        {
            logger.LogWarning("The search index could not be updated, will retry: {Reason}", e.GetBaseException().Message);
        }
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        content.Reloaded -= OnReloaded;
        return base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _changed.Dispose();
        base.Dispose();
    }
}

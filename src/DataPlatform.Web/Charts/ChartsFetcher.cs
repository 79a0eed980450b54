using DataPlatform.Content;
using DataPlatform.Content.Charts;
using DataPlatform.Web.Fetching;
using Microsoft.Extensions.Options;

namespace DataPlatform.Web.Charts;

/// <summary>
/// Fetches the data of charts that name a web address, off the request path, through the one
/// <see cref="RemoteFetcher"/>: when content loads (new addresses) and every <see cref="ChartsOptions.RefreshMinutes"/>.
/// Only allowed hosts are asked (<see cref="ChartsHandler"/>). A good copy (it parses as JSON or CSV) replaces the last
/// one; a failure leaves the last good copy and writes its reason beside it, which the content check and
/// <c>/staff/content</c> show with the page. Either way the content reloads, so pages follow; a page itself never
/// waits for a fetch.
/// </summary>
public sealed class ChartsFetcher(IOptions<ChartsOptions> options, ContentStore store, RemoteFetcher fetcher, TimeProvider clock, Site.BackgroundWork work)
    : BackgroundService
{
    /// <summary>The named HTTP client chart data is fetched with.</summary>
    public const string Client = "charts";

    private readonly Dictionary<string, DateTimeOffset> _lastAttempt = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _wake = new(0);
    private readonly SemaphoreSlim _fetching = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.AllowedHosts.Count == 0)
        {
            return;
        }
        store.Reloaded += _ => _wake.Release();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await work.RunAsync(nameof(ChartsFetcher), () => FetchAsync(everything: false, stoppingToken), stoppingToken);
                // Wake on a reload (a page may name a new address) or when the next refresh is due.
                using (var due = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
                {
                    due.CancelAfter(TimeSpan.FromMinutes(settings.RefreshMinutes));
                    try
                    {
                        await _wake.WaitAsync(due.Token);
                    }
                    catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                    {
                        // The refresh is due.
                    }
                }
                while (_wake.Wait(0, CancellationToken.None))
                {
                    // Reloads that came meanwhile are all answered by the next pass.
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Fetches every allowed address now, whenever it was last fetched.</summary>
    public Task FetchNowAsync(CancellationToken cancellationToken) => FetchAsync(everything: true, cancellationToken);

    /// <summary>Fetches every allowed address not fetched within the refresh interval (or every one); reloads the content when a copy or a problem changed.</summary>
    private async Task FetchAsync(bool everything, CancellationToken cancellationToken)
    {
        await _fetching.WaitAsync(cancellationToken);
        try
        {
            var settings = options.Value;
            var folder = Path.GetFullPath(settings.CacheDirectory);
            var now = clock.GetUtcNow();
            var changed = false;
            foreach (var url in store.Current.RemoteCharts.Select(r => r.Url).Distinct(StringComparer.Ordinal))
            {
                if (!RemoteCharts.IsAllowed(url, settings.AllowedHosts)
                    || (!everything && _lastAttempt.TryGetValue(url, out var last) && now - last < TimeSpan.FromMinutes(settings.RefreshMinutes)))
                {
                    continue;
                }
                _lastAttempt[url] = now;
                var copy = RemoteCharts.CopyPath(folder, url);
                var csv = copy.EndsWith(".csv", StringComparison.Ordinal);
                changed |= await fetcher.FetchAsync(new RemoteSource(Client, url, url, copy, settings.MaximumMegabytes, settings.TimeoutSeconds, bytes => Check(bytes, csv)), cancellationToken);
                changed |= await KeepProblemAsync(copy, fetcher.StatusOf(url)?.Error, cancellationToken);
            }
            if (changed)
            {
                store.Reload();
            }
        }
        finally
        {
            _fetching.Release();
        }

        static (int Records, string? Problem) Check(byte[] bytes, bool csv)
        {
            var text = System.Text.Encoding.UTF8.GetString(bytes);
            var document = csv ? DataFiles.ParseCsv(text) : DataFiles.ParseJson(text);
            // A chart picks its own rows from the document; a list at the top is counted, anything else is one record.
            return document.Error is { } error ? (0, $"what came back cannot be used: {error}") : (document.Root is List<object?> list ? list.Count : 1, null);
        }
    }

    /// <summary>Writes (or removes) the problem beside the copy, where the content check reads it; true when it changed.</summary>
    private static async Task<bool> KeepProblemAsync(string copy, string? problem, CancellationToken cancellationToken)
    {
        var path = RemoteCharts.ProblemPath(copy);
        if (problem is null)
        {
            if (!File.Exists(path))
            {
                return false;
            }
            File.Delete(path);
            return true;
        }
        if (File.Exists(path) && await File.ReadAllTextAsync(path, cancellationToken) == problem)
        {
            return false;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, problem, cancellationToken);
        return true;
    }
}

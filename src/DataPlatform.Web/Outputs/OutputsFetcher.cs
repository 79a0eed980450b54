using DataPlatform.Content;
using DataPlatform.Web.Fetching;
using Microsoft.Extensions.Options;

namespace DataPlatform.Web.Outputs;

/// <summary>
/// Fetches the configured exports at start and every <see cref="OutputsOptions.RefreshMinutes"/>, off the request
/// path, through the one <see cref="RemoteFetcher"/>. A copy is used only when it reads as the expected list with at
/// least one record; then the content reloads. A failed or invalid fetch keeps what is served, is logged, and shows on
/// the staff content page.
/// </summary>
public sealed class OutputsFetcher(IOptions<OutputsOptions> options, ContentStore store, RemoteFetcher fetcher, TimeProvider clock, Site.BackgroundWork work)
    : BackgroundService
{
    /// <summary>The named HTTP client the exports are fetched with.</summary>
    public const string Client = "outputs";

    /// <summary>Each configured source's last outcome, in the order of <see cref="OutputsOptions.Sources"/>.</summary>
    public IReadOnlyList<FetchStatus> Status =>
        [.. options.Value.Sources.Select(s => fetcher.StatusOf(s.Name) ?? new FetchStatus(s.Name, s.Url, null, null, 0, null))];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Sources.Any())
        {
            return;
        }
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(settings.RefreshMinutes), clock);
        do
        {
            await work.RunAsync(nameof(OutputsFetcher), () => FetchAllAsync(stoppingToken), stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Fetches every source once; true when any copy changed.</summary>
    public async Task<bool> FetchAllAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var folder = Path.GetFullPath(settings.CacheDirectory);
        var changed = false;
        foreach (var (name, url) in settings.Sources)
        {
            var source = new RemoteSource(Client, name, url, Path.Combine(folder, name), settings.MaximumMegabytes, settings.TimeoutSeconds, bytes => Check(name, bytes));
            changed |= await fetcher.FetchAsync(source, cancellationToken);
        }
        if (changed)
        {
            store.Reload();
        }
        return changed;
    }

    private (int Records, string? Problem) Check(string name, byte[] bytes)
    {
        var problems = new List<Diagnostic>();
        var records = name == "publications.json"
            ? OutputsFile.ReadPublications(bytes, name, problems)?.Count
            : OutputsFile.ReadDatasets(bytes, name, store.Current.Outputs.Repositories, problems)?.Count;
        return records is null or 0
            ? (0, problems.FirstOrDefault(p => p.Severity == Severity.Error) is { } error ? $"line {error.Line}: {error.Message}" : "the export holds no records")
            : (records.Value, null);
    }
}

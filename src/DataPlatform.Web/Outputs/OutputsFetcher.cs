using System.Collections.Concurrent;
using DataPlatform.Content;
using Microsoft.Extensions.Options;

namespace DataPlatform.Web.Outputs;

/// <summary>One remote export: where it comes from.</summary>
public sealed class OutputsSource
{
    /// <summary>An http(s) address of the export; empty: none.</summary>
    public string Url { get; set; } = "";
}

/// <summary>The <c>Outputs</c> configuration section: research-output exports fetched from URLs.</summary>
public sealed class OutputsOptions
{
    public const string SectionName = "Outputs";

    /// <summary>A publications export (the format of <c>data/publications.json</c>).</summary>
    public OutputsSource Publications { get; set; } = new();

    /// <summary>A datasets export (the format of <c>data/datasets.json</c>).</summary>
    public OutputsSource Datasets { get; set; } = new();

    /// <summary>How often to fetch again, in minutes (default 60).</summary>
    public int RefreshMinutes { get; set; } = 60;

    /// <summary>Where the last good copy of each export is kept, so a restart while a source is down still serves it (default <c>.local/outputs</c>).</summary>
    public string CacheDirectory { get; set; } = ".local/outputs";

    /// <summary>The largest export accepted, in megabytes (default 200).</summary>
    public int MaximumMegabytes { get; set; } = 200;

    /// <summary>How long one fetch may take from request to last byte, in seconds (default 60): a source that trickles is given up.</summary>
    public int TimeoutSeconds { get; set; } = 60;

    public IEnumerable<(string Name, string Url)> Sources =>
        new[] { ("publications.json", Publications.Url), ("datasets.json", Datasets.Url) }.Where(s => !string.IsNullOrWhiteSpace(s.Item2));

    public static bool IsHttpUrl(string url) =>
        string.IsNullOrWhiteSpace(url) || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps));
}

/// <summary>How the last fetch of one source went, for <c>/staff/content</c>.</summary>
public sealed record FetchStatus(string Name, string Url, DateTimeOffset? LastAttempt, DateTimeOffset? LastSuccess, int Records, string? Error);

/// <summary>
/// Fetches the configured exports at start and every <see cref="OutputsOptions.RefreshMinutes"/>, off the request
/// path. A copy is validated (valid JSON, the expected list, at least one record) before it replaces the last good
/// copy on disk (written beside it and renamed, so never half-written); then the content reloads. A failed or invalid
/// fetch keeps what is served, is logged, and shows on the staff content page.
/// </summary>
public sealed class OutputsFetcher(IOptions<OutputsOptions> options, ContentStore store, IHttpClientFactory clients, TimeProvider clock, Site.BackgroundWork work, ILogger<OutputsFetcher> logger)
    : BackgroundService
{
    private readonly ConcurrentDictionary<string, FetchStatus> _status = new(StringComparer.Ordinal);

    public IReadOnlyList<FetchStatus> Status => options.Value.Sources.Select(s => _status.GetValueOrDefault(s.Name) ?? new FetchStatus(s.Name, s.Url, null, null, 0, null)).ToList();

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
        var changed = false;
        foreach (var (name, url) in options.Value.Sources)
        {
            changed |= await FetchAsync(name, url, cancellationToken);
        }
        if (changed)
        {
            store.Reload();
        }
        return changed;
    }

    private async Task<bool> FetchAsync(string name, string url, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var previous = _status.GetValueOrDefault(name);
        var attempt = clock.GetUtcNow();
        // The client's own timeout ends at the headers; this one covers the body too (a source that sends a byte a second).
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, settings.TimeoutSeconds)));
        try
        {
            using var client = clients.CreateClient(nameof(OutputsFetcher));
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                return Failed($"the server answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }
            var limit = settings.MaximumMegabytes * 1024L * 1024;
            if (response.Content.Headers.ContentLength > limit)
            {
                return Failed($"the export is larger than {settings.MaximumMegabytes} MB");
            }
            using var body = new MemoryStream();
            await using (var stream = await response.Content.ReadAsStreamAsync(timeout.Token))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
                {
                    body.Write(buffer, 0, read);
                    if (body.Length > limit)
                    {
                        return Failed($"the export is larger than {settings.MaximumMegabytes} MB");
                    }
                }
            }
            var bytes = body.ToArray();
            var problems = new List<Diagnostic>();
            var records = name == "publications.json"
                ? OutputsFile.ReadPublications(bytes, name, problems)?.Count
                : OutputsFile.ReadDatasets(bytes, name, store.Current.Outputs.Repositories, problems)?.Count;
            if (records is null or 0)
            {
                return Failed(problems.FirstOrDefault(p => p.Severity == Severity.Error) is { } error ? $"line {error.Line}: {error.Message}" : "the export holds no records");
            }
            var folder = Path.GetFullPath(settings.CacheDirectory);
            Directory.CreateDirectory(folder);
            var target = Path.Combine(folder, name);
            if (File.Exists(target) && File.ReadAllBytes(target).AsSpan().SequenceEqual(bytes))
            {
                _status[name] = new FetchStatus(name, url, attempt, attempt, records.Value, null);
                return false;
            }
            var temporary = target + ".new";
            await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
            File.Move(temporary, target, overwrite: true);
            _status[name] = new FetchStatus(name, url, attempt, attempt, records.Value, null);
            logger.LogInformation("Fetched {Name} from {Url}: {Records} records", name, url, records.Value);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed($"no complete answer within {settings.TimeoutSeconds} s");
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever went wrong with this source, the next one is still fetched.
            return Failed(e.GetBaseException().Message);
        }

        bool Failed(string reason)
        {
            logger.LogWarning("Fetching {Name} from {Url} failed, the last good copy stays: {Reason}", name, url, reason);
            _status[name] = new FetchStatus(name, url, attempt, previous?.LastSuccess, previous?.Records ?? 0, reason);
            return false;
        }
    }
}

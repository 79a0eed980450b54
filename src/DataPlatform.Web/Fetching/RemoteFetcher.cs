using System.Collections.Concurrent;

namespace DataPlatform.Web.Fetching;

/// <summary>
/// The one way the portal copies a file from the web: a size limit and a timeout that covers the body (a source that
/// sends a byte a second is given up), no redirect taken for granted, what came back checked before it replaces the
/// last good copy (written beside it and renamed, so never half-written), and the outcome kept as a
/// <see cref="FetchStatus"/> that <c>/staff/content</c> shows. A failure of any kind leaves the copy as it was.
/// </summary>
public sealed class RemoteFetcher(IHttpClientFactory clients, TimeProvider clock, Site.PortalMetrics metrics, ILogger<RemoteFetcher> logger)
{
    private readonly ConcurrentDictionary<string, FetchStatus> _status = new(StringComparer.Ordinal);

    /// <summary>The last outcome per source name, in name order.</summary>
    public IReadOnlyList<FetchStatus> Status => [.. _status.Values.OrderBy(s => s.Name, StringComparer.Ordinal)];

    public FetchStatus? StatusOf(string name) => _status.GetValueOrDefault(name);

    /// <summary>Fetches <paramref name="source"/> once; true when the copy on disk changed.</summary>
    public async Task<bool> FetchAsync(RemoteSource source, CancellationToken cancellationToken)
    {
        var previous = _status.GetValueOrDefault(source.Name);
        var attempt = clock.GetUtcNow();
        try
        {
            var (bytes, problem) = await DownloadAsync(source, cancellationToken);
            var (records, invalid) = problem is null ? source.Check(bytes!) : (0, null);
            if ((problem ?? invalid) is { } reason)
            {
                logger.LogWarning("Fetching {Name} from {Url} failed{Kept}: {Reason}", source.Name, source.Url,
                    File.Exists(source.CopyPath) ? ", the last good copy stays" : "", reason);
                _status[source.Name] = new FetchStatus(source.Name, source.Url, attempt, previous?.LastSuccess, previous?.Records ?? 0, reason);
                metrics.FetchFailed(source.Name);
                return false;
            }
            _status[source.Name] = new FetchStatus(source.Name, source.Url, attempt, attempt, records, null);
            if (File.Exists(source.CopyPath) && File.ReadAllBytes(source.CopyPath).AsSpan().SequenceEqual(bytes))
            {
                return false;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(source.CopyPath)!);
            await File.WriteAllBytesAsync(source.CopyPath + ".new", bytes!, cancellationToken);
            File.Move(source.CopyPath + ".new", source.CopyPath, overwrite: true);
            logger.LogInformation("Fetched {Name} from {Url}: {Bytes} bytes, {Records} records", source.Name, source.Url, bytes!.Length, records);
            return true;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever went wrong with this source (a full disk, a checker's bug), the next one is still fetched.
            logger.LogWarning(e, "Fetching {Name} from {Url} failed, the last good copy stays", source.Name, source.Url);
            _status[source.Name] = new FetchStatus(source.Name, source.Url, attempt, previous?.LastSuccess, previous?.Records ?? 0, e.GetBaseException().Message);
            metrics.FetchFailed(source.Name);
            return false;
        }
    }

    private async Task<(byte[]? Bytes, string? Problem)> DownloadAsync(RemoteSource source, CancellationToken cancellationToken)
    {
        // The client's own timeout ends at the headers; this one covers the body too.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, source.TimeoutSeconds)));
        var limit = source.MaximumMegabytes * 1024L * 1024;
        var tooLarge = $"the file is larger than {source.MaximumMegabytes} MB";
        try
        {
            using var client = clients.CreateClient(source.Client);
            using var response = await client.GetAsync(source.Url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if ((int)response.StatusCode is >= 300 and < 400)
            {
                return (null, $"the server redirects to {response.Headers.Location}; name the final address instead");
            }
            if (!response.IsSuccessStatusCode)
            {
                return (null, $"the server answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }
            if (response.Content.Headers.ContentLength > limit)
            {
                return (null, tooLarge);
            }
            using var body = new MemoryStream();
            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            var buffer = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                body.Write(buffer, 0, read);
                if (body.Length > limit)
                {
                    return (null, tooLarge);
                }
            }
            return (body.ToArray(), null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"no complete answer within {source.TimeoutSeconds} s");
        }
        catch (HttpRequestException e)
        {
            return (null, e.GetBaseException().Message);
        }
    }
}

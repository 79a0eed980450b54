using System.Net;
using System.Net.Sockets;
using DataPlatform.Content;
using DataPlatform.Content.Charts;
using Microsoft.Extensions.Options;

namespace DataPlatform.Web.Charts;

/// <summary>The <c>Charts</c> configuration section: charts whose data is on the web.</summary>
public sealed class ChartsOptions
{
    public const string SectionName = "Charts";

    /// <summary>Hosts chart data may be fetched from (<c>data.example.org</c>); <c>*</c> allows any public host. Empty: none.</summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>How often each source is fetched again, in minutes (default 60).</summary>
    public int RefreshMinutes { get; set; } = 60;

    /// <summary>How long one fetch may take, in seconds (default 10).</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>The largest source accepted, in megabytes (default 20).</summary>
    public int MaximumMegabytes { get; set; } = 20;

    /// <summary>Where the last good copy of each source is kept, so a restart while a source is down still shows it (default <c>.local/charts</c>).</summary>
    public string CacheDirectory { get; set; } = ".local/charts";

    public static ContentOptions Apply(ContentOptions content, ChartsOptions charts)
    {
        content.RemoteChartDirectory = Path.GetFullPath(charts.CacheDirectory);
        content.AllowedChartHosts = charts.AllowedHosts;
        return content;
    }
}

/// <summary>
/// Fetches the data of charts that name a web address, off the request path: when content loads (new addresses) and
/// every <see cref="ChartsOptions.RefreshMinutes"/>. Only allowed hosts are asked; an address on loopback or a private
/// network is refused unless its host is listed by name (a public name that resolves inward is not enough), redirects
/// are not followed, and each fetch has a timeout and a size limit. A good copy (it parses as JSON or CSV) replaces the
/// last one on disk, written beside it and renamed; a failure leaves the last good copy and writes its reason beside
/// it, which the content check and <c>/staff/content</c> show with the page. Either way the content reloads, so
/// pages follow; a page itself never waits for a fetch.
/// </summary>
public sealed class ChartsFetcher(IOptions<ChartsOptions> options, ContentStore store, TimeProvider clock, Site.BackgroundWork work, ILogger<ChartsFetcher> logger) : BackgroundService
{
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
        using var client = CreateClient(settings);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await work.RunAsync(nameof(ChartsFetcher), () => FetchDueAsync(client, stoppingToken), stoppingToken);
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
    public async Task FetchNowAsync(CancellationToken cancellationToken)
    {
        using var client = CreateClient(options.Value);
        await FetchDueAsync(client, cancellationToken, everything: true);
    }

    /// <summary>Fetches every allowed address not fetched within the refresh interval; reloads the content when a copy or a problem changed.</summary>
    public async Task FetchDueAsync(HttpClient client, CancellationToken cancellationToken, bool everything = false)
    {
        await _fetching.WaitAsync(cancellationToken);
        try
        {
            await FetchDueUnlockedAsync(client, everything, cancellationToken);
        }
        finally
        {
            _fetching.Release();
        }
    }

    private async Task FetchDueUnlockedAsync(HttpClient client, bool everything, CancellationToken cancellationToken)
    {
        var settings = options.Value;
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
            changed |= await FetchAsync(client, url, cancellationToken);
        }
        if (changed)
        {
            store.Reload();
        }
    }

    private async Task<bool> FetchAsync(HttpClient client, string url, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var folder = Path.GetFullPath(settings.CacheDirectory);
        Directory.CreateDirectory(folder);
        var copy = RemoteCharts.CopyPath(folder, url);
        var problemPath = RemoteCharts.ProblemPath(copy);
        string? problem;
        byte[]? bytes = null;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var limit = settings.MaximumMegabytes * 1024L * 1024;
            problem = (int)response.StatusCode is >= 300 and < 400 ? $"the server redirects to {response.Headers.Location}; name the final address instead"
                : !response.IsSuccessStatusCode ? $"the server answered {(int)response.StatusCode} {response.ReasonPhrase}"
                : response.Content.Headers.ContentLength > limit ? $"it is larger than {settings.MaximumMegabytes} MB"
                : null;
            if (problem is null)
            {
                using var body = new MemoryStream();
                await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
                var buffer = new byte[81920];
                int read;
                while (problem is null && (read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
                {
                    body.Write(buffer, 0, read);
                    problem = body.Length > limit ? $"it is larger than {settings.MaximumMegabytes} MB" : null;
                }
                bytes = body.ToArray();
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            problem = e is OperationCanceledException ? $"no answer within {settings.TimeoutSeconds} s" : e.GetBaseException().Message;
        }
        if (problem is null && bytes is not null)
        {
            var text = System.Text.Encoding.UTF8.GetString(bytes);
            var document = copy.EndsWith(".csv", StringComparison.Ordinal) ? DataFiles.ParseCsv(text) : DataFiles.ParseJson(text);
            problem = document.Error is { } error ? $"what came back cannot be used: {error}" : null;
        }
        var changed = false;
        if (problem is null)
        {
            if (!File.Exists(copy) || !File.ReadAllBytes(copy).AsSpan().SequenceEqual(bytes))
            {
                await File.WriteAllBytesAsync(copy + ".new", bytes!, cancellationToken);
                File.Move(copy + ".new", copy, overwrite: true);
                logger.LogInformation("Fetched chart data from {Url} ({Bytes} bytes)", url, bytes!.Length);
                changed = true;
            }
            if (File.Exists(problemPath))
            {
                File.Delete(problemPath);
                changed = true;
            }
            return changed;
        }
        logger.LogWarning("Fetching chart data from {Url} failed{Kept}: {Problem}", url, File.Exists(copy) ? ", the last good copy stays" : "", problem);
        if (!File.Exists(problemPath) || File.ReadAllText(problemPath) != problem)
        {
            await File.WriteAllTextAsync(problemPath, problem, cancellationToken);
            changed = true;
        }
        return changed;
    }

    /// <summary>An HTTP client that connects only where the allow list permits, and does not follow redirects.</summary>
    public static HttpClient CreateClient(ChartsOptions settings)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            UseProxy = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var host = context.DnsEndPoint.Host;
                var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
                // Checked on the address actually connected to, so a name that resolves inward (or changes its answer) cannot slip through.
                var allowed = RemoteCharts.IsListed(host, settings.AllowedHosts) ? addresses : addresses.Where(a => !IsInternal(a)).ToArray();
                if (allowed.Length == 0)
                {
                    throw new HttpRequestException($"{host} is on a loopback or private network; list it in Charts:AllowedHosts by name to allow it");
                }
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(Math.Max(1, settings.TimeoutSeconds)) };
    }

    /// <summary>
    /// Loopback, private, link-local, carrier-grade NAT, unique-local, multicast or unspecified, or one of this host's own
    /// addresses (a public address of the machine reaches services that listen on every interface).
    /// </summary>
    public static bool IsInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || OwnAddressesCache.Get().Contains(address))
        {
            return true;
        }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] == 10 || b[0] == 0 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254)
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) || b[0] >= 224;
        }
        return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (address.GetAddressBytes()[0] & 0xfe) == 0xfc;
    }
}

/// <summary>This host's interface addresses, read at most once a minute (interfaces come and go, but rarely).</summary>
file static class OwnAddressesCache
{
    private sealed record Cached(long Ticks, HashSet<IPAddress> Addresses);

    private static Cached _cache = new(long.MinValue / 2, []);

    public static HashSet<IPAddress> Get()
    {
        var now = Environment.TickCount64;
        var cache = Volatile.Read(ref _cache);
        if (now - cache.Ticks < 60_000)
        {
            return cache.Addresses;
        }
        HashSet<IPAddress> addresses;
        try
        {
            addresses = System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
                .SelectMany(i => i.GetIPProperties().UnicastAddresses).Select(a => a.Address.IsIPv4MappedToIPv6 ? a.Address.MapToIPv4() : a.Address).ToHashSet();
        }
        catch (System.Net.NetworkInformation.NetworkInformationException)
        {
            addresses = cache.Addresses;
        }
        Volatile.Write(ref _cache, new Cached(now, addresses));
        return addresses;
    }
}

public static class ChartsExtensions
{
    public static void AddPortalCharts(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ChartsOptions>().BindConfiguration(ChartsOptions.SectionName)
            .Validate(o => o.RefreshMinutes >= 1 && o.TimeoutSeconds >= 1 && o.MaximumMegabytes >= 1, "Charts: RefreshMinutes, TimeoutSeconds and MaximumMegabytes must be at least 1.")
            .Validate(o => o.AllowedHosts.All(h => h == "*" || Uri.CheckHostName(h.Trim('[', ']')) != UriHostNameType.Unknown), "Charts:AllowedHosts must hold host names or addresses (or *).")
            .ValidateOnStart();
        builder.Services.AddOptions<ContentOptions>().PostConfigure<IOptions<ChartsOptions>>((content, charts) => ChartsOptions.Apply(content, charts.Value));
        builder.Services.AddSingleton<ChartsFetcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ChartsFetcher>());
    }
}

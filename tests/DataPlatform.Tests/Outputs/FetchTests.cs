using System.Net;
using System.Net.Sockets;
using DataPlatform.Tests.Infrastructure;
using DataPlatform.Web.Outputs;
using DataPlatform.Web.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace DataPlatform.Tests.Outputs;

/// <summary>Exports fetched from a URL (a real HTTP server on loopback): validated, kept on disk as the last good copy, never waited for.</summary>
public sealed class FetchTests : IAsyncLifetime, IDisposable
{
    private readonly HttpListener _server = new();
    private readonly string _url;
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "portal-outputs-" + Guid.NewGuid().ToString("N")[..8]);
    private volatile int _status = 200;
    private volatile byte[] _body = File.ReadAllBytes(Path.Combine(Fixtures.Path("outputs"), "data", "publications.json"));

    public FetchTests()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        _url = $"http://127.0.0.1:{port}/export/publications.json";
        _server.Prefixes.Add($"http://127.0.0.1:{port}/export/");
    }

    public Task InitializeAsync()
    {
        _server.Start();
        _ = Task.Run(async () =>
        {
            while (_server.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _server.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }
                context.Response.StatusCode = _status;
                await context.Response.OutputStream.WriteAsync(_body);
                context.Response.Close();
            }
        });
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _server.Close();
        return Task.CompletedTask;
    }

    public void Dispose() => ((IDisposable)_server).Dispose();

    /// <summary>A site with no publications file of its own: everything comes from the URL.</summary>
    private async Task<PortalFactory> Portal()
    {
        var root = Fixtures.Copy("outputs");
        File.Delete(Path.Combine(root, "data", "publications.json"));
        return await PortalFactory.CreateAsync(root, new Dictionary<string, string?>
        {
            ["Outputs:Publications:Url"] = _url,
            ["Outputs:CacheDirectory"] = _cache,
            ["Outputs:RefreshMinutes"] = "60",
        });
    }

    private static async Task<int> Count(HttpClient client) =>
        (await Html.GetAsync(client, "/publications/")).QuerySelectorAll(".publication").Length;

    [Fact]
    public async Task A_fetched_export_is_served_and_a_failed_one_keeps_the_last_good_copy_also_after_a_restart()
    {
        await using (var first = await Portal())
        {
            var client = first.CreatePlainClient();
            var fetcher = first.Services.GetRequiredService<OutputsFetcher>();
            await Eventually.TrueAsync(() => fetcher.Status[0].LastSuccess is not null, "the first fetch");
            Assert.Equal(5, await Count(client));
            Assert.True(File.Exists(Path.Combine(_cache, "publications.json")));

            _body = "{\"publications\": [ {\"iuid\": \"x\",, ] }"u8.ToArray();
            Assert.False(await fetcher.FetchAllAsync(CancellationToken.None));
            Assert.Equal(5, await Count(client));
            Assert.StartsWith("line 1: The file is not valid JSON", fetcher.Status[0].Error, StringComparison.Ordinal);

            _status = 503;
            Assert.False(await fetcher.FetchAllAsync(CancellationToken.None));
            Assert.Equal("the server answered 503 Service Unavailable", fetcher.Status[0].Error);
            Assert.Equal(5, await Count(client));

            var staff = await StaffAccounts.SignInAsync(first, await StaffAccounts.CreateAsync(first, StaffRoles.Staff));
            var report = await Html.GetAsync(staff, "/staff/content");
            Assert.Equal(["publications.json", _url, "7", "the server answered 503 Service Unavailable"],
                report.QuerySelectorAll(".fetches tbody td").Select(td => td.TextContent).Where((_, i) => i is 0 or 1 or 4 or 5));
        }

        // The source is still down: a restart serves the last good copy.
        await using var second = await Portal();
        Assert.Equal(5, await Count(second.CreatePlainClient()));
    }

    [Fact]
    public async Task An_export_without_records_is_not_used()
    {
        _body = "{\"publications\": []}"u8.ToArray();
        await using var portal = await Portal();
        var fetcher = portal.Services.GetRequiredService<OutputsFetcher>();

        await Eventually.TrueAsync(() => fetcher.Status[0].LastAttempt is not null, "the first fetch");

        Assert.Equal("the export holds no records", fetcher.Status[0].Error);
        Assert.Equal(HttpStatusCode.OK, (await portal.CreatePlainClient().GetAsync("/publications/")).StatusCode);
        Assert.False(File.Exists(Path.Combine(_cache, "publications.json")));
    }
}

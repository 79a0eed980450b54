using System.Net;
using DataPlatform.Tests.Infrastructure;
using DataPlatform.Web.Outputs;
using DataPlatform.Web.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace DataPlatform.Tests.Outputs;

/// <summary>Exports fetched from a URL (a real HTTP server on loopback): validated, kept on disk as the last good copy, never waited for.</summary>
public sealed class FetchTests : IDisposable
{
    private readonly LocalHttpServer _server = new() { Body = File.ReadAllBytes(Path.Combine(Fixtures.Path("outputs"), "data", "publications.json")) };
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "portal-outputs-" + Guid.NewGuid().ToString("N")[..8]);

    private string Url => _server.Url("/export/publications.json");

    public void Dispose() => _server.Dispose();

    /// <summary>A site with no publications file of its own: everything comes from the URL.</summary>
    private async Task<PortalFactory> Portal()
    {
        var root = Fixtures.Copy("outputs");
        File.Delete(Path.Combine(root, "data", "publications.json"));
        return await PortalFactory.CreateAsync(root, new Dictionary<string, string?>
        {
            ["Outputs:Publications:Url"] = Url,
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

            _server.Body = "{\"publications\": [ {\"iuid\": \"x\",, ] }"u8.ToArray();
            Assert.False(await fetcher.FetchAllAsync(CancellationToken.None));
            Assert.Equal(5, await Count(client));
            Assert.StartsWith("line 1: The file is not valid JSON", fetcher.Status[0].Error, StringComparison.Ordinal);

            _server.Status = 503;
            Assert.False(await fetcher.FetchAllAsync(CancellationToken.None));
            Assert.Equal("the server answered 503 Service Unavailable", fetcher.Status[0].Error);
            Assert.Equal(5, await Count(client));

            var staff = await StaffAccounts.SignInAsync(first, await StaffAccounts.CreateAsync(first, StaffRoles.Staff));
            var report = await Html.GetAsync(staff, "/staff/content");
            Assert.Equal(["publications.json", Url, "7", "the server answered 503 Service Unavailable"],
                report.QuerySelectorAll(".fetches tbody td").Select(td => td.TextContent).Where((_, i) => i is 0 or 1 or 4 or 5));
        }

        // The source is still down: a restart serves the last good copy.
        await using var second = await Portal();
        Assert.Equal(5, await Count(second.CreatePlainClient()));
    }

    [Fact]
    public async Task An_export_without_records_is_not_used()
    {
        _server.Body = "{\"publications\": []}"u8.ToArray();
        await using var portal = await Portal();
        var fetcher = portal.Services.GetRequiredService<OutputsFetcher>();

        await Eventually.TrueAsync(() => fetcher.Status[0].LastAttempt is not null, "the first fetch");

        Assert.Equal("the export holds no records", fetcher.Status[0].Error);
        Assert.Equal(HttpStatusCode.OK, (await portal.CreatePlainClient().GetAsync("/publications/")).StatusCode);
        Assert.False(File.Exists(Path.Combine(_cache, "publications.json")));
    }
}

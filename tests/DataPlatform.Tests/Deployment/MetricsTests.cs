using System.Net;
using DataPlatform.Tests.Infrastructure;

namespace DataPlatform.Tests.Deployment;

/// <summary><c>/metrics</c>: Prometheus' text with the framework's HTTP metrics and the portal's own, for loopback and the allowed networks only.</summary>
public sealed class MetricsTests
{
    [Fact]
    public async Task Metrics_name_what_happened_and_are_only_for_the_allowed_networks()
    {
        await using var portal = await PortalFactory.CreateAsync(Fixtures.Portal, PortalFactory.FormSettings(
            ("Metrics:AllowedNetworks:0", "10.244.0.0/16"),
            // A source that cannot be reached: its failure is counted.
            ("Outputs:Publications:Url", $"http://127.0.0.1:{MailCatcher.FreePort()}/publications.json"),
            ("Outputs:CacheDirectory", Path.Combine(Path.GetTempPath(), "portal-outputs-" + Guid.NewGuid().ToString("N")[..8]))));
        var client = portal.CreateClientFrom("127.0.0.1");
        // The search index empties the page cache when it has caught up: after that, the cache's hits and misses are only these requests'.
        await portal.WaitForSearchIndexAsync();
        // Reloads are counted from here (a scheduled one may come at any time): the metric must move with them.
        var reloadsBefore = int.Parse(Value(await client.GetStringAsync("/metrics"), "portal_content_reload_duration_seconds_count", "outcome=\"ok\"") ?? "0",
            System.Globalization.CultureInfo.InvariantCulture);
        var reloads = 0;
        portal.Content.Reloaded += report => Interlocked.Add(ref reloads, report.Error is null ? 1 : 0);
        // A page is kept from its second request and answered from the cache at its third, unless a reload emptied the
        // cache meanwhile (one may come at any time): asked for until the cache answers, each request counted.
        var pageRequests = 0;
        do
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/about/")).StatusCode);
            pageRequests++;
        }
        while (pageRequests < 20 && Value(await client.GetStringAsync("/metrics"), "portal_page_cache_requests_total", "result=\"hit\"") is null);
        Assert.Equal(HttpStatusCode.SeeOther, (await FormClient.SubmitAsync(client, "/contact/", FormClient.ValidContact)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/search/?q=data")).StatusCode);
        portal.Content.Reload();
        var fetcher = portal.Services.GetService(typeof(DataPlatform.Web.Outputs.OutputsFetcher)) as DataPlatform.Web.Outputs.OutputsFetcher;
        await Eventually.TrueAsync(() => fetcher!.Status[0].Error is not null, "the failed fetch");

        var metrics = await client.GetStringAsync("/metrics");

        var english = portal.Content.Current.Pages.Count(p => p.Language.Code == "en");
        Assert.Equal(english.ToString(System.Globalization.CultureInfo.InvariantCulture), Value(metrics, "portal_content_pages", "language=\"en\""));
        // Every cacheable request is counted once, as a hit or a miss: the page's, the contact form's and the search's.
        var hits = int.Parse(Value(metrics, "portal_page_cache_requests_total", "result=\"hit\"") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var misses = int.Parse(Value(metrics, "portal_page_cache_requests_total", "result=\"miss\"") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(pageRequests + 2, hits + misses);
        Assert.InRange(hits, 1, pageRequests - 2);
        Assert.Equal("1", Value(metrics, "portal_submissions_stored_total", "form=\"contact\"", "spam=\"false\""));
        Assert.Equal("1", Value(metrics, "portal_search_duration_seconds_count"));
        var reloaded = (reloadsBefore + Volatile.Read(ref reloads)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(reloaded, Value(metrics, "portal_content_reload_duration_seconds_count", "outcome=\"ok\""));
        Assert.Equal(reloaded, Value(metrics, "portal_content_reload_duration_seconds_bucket", "outcome=\"ok\"", "le=\"60\""));
        Assert.Equal("0", Value(metrics, "portal_mail_queue_messages"));
        Assert.Equal("0", Value(metrics, "portal_spool_files"));
        Assert.Equal("1", Value(metrics, "portal_fetch_failures_total", "source=\"publications.json\""));
        Assert.Equal("1", Value(metrics, "http_server_request_duration_seconds_count", "http_route=\"search\"", "http_response_status_code=\"200\""));

        Assert.Equal(HttpStatusCode.OK, (await portal.CreateClientFrom("10.244.3.4").GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.CreateClientFrom("192.0.2.1").GetAsync("/metrics")).StatusCode);
    }

    /// <summary>The value of the series <paramref name="name"/> that has every one of <paramref name="labels"/>.</summary>
    private static string? Value(string metrics, string name, params string[] labels) => metrics.Split('\n')
        .Where(l => l.StartsWith(name + "{", StringComparison.Ordinal) && labels.All(label => l.Contains(label, StringComparison.Ordinal)))
        .Select(l => l[(l.LastIndexOf(' ') + 1)..]).FirstOrDefault();
}

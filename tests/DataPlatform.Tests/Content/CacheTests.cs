using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using DataPlatform.Tests.Infrastructure;
using DataPlatform.Web.Site;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DataPlatform.Tests.Content;

/// <summary>What HTTP offers, used: ETags and 304s, compression, output caching that is never stale and never personal.</summary>
public sealed class CacheTests : IAsyncLifetime
{
    private PortalFactory _factory = null!;
    private HttpClient _client = null!;
    private string _root = null!;

    public async Task InitializeAsync()
    {
        _root = Fixtures.Copy("search");
        _factory = await PortalFactory.CreateAsync(_root, PortalFactory.FormSettings());
        _client = _factory.CreatePlainClient();
        await _factory.WaitForSearchIndexAsync();
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    private PageCache Cache => _factory.Services.GetRequiredService<PageCache>();

    /// <summary>Asks for a page twice: the cache keeps a URL from its second request (<see cref="PageCache.Admits"/>).</summary>
    private async Task KeepAsync(string path)
    {
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public async Task A_url_is_kept_from_its_second_request()
    {
        var before = Cache.Count;
        await _client.GetAsync("/news/imaging/");
        Assert.Equal(before, Cache.Count);

        await _client.GetAsync("/news/imaging/");
        Assert.Equal(before + 1, Cache.Count);
        Assert.NotNull((await _client.GetAsync("/news/imaging/")).Headers.ETag);
    }

    [Fact]
    public void Aspnet_request_diagnostics_are_off()
    {
        // On at any level, they start an Activity and a logging scope for every request: ~4% of a cached page.
        var logger = _factory.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics");
        Assert.False(logger.IsEnabled(LogLevel.Critical));
    }

    [Fact]
    public async Task Junk_urls_and_404s_cannot_fill_the_cache()
    {
        await KeepAsync("/highlights/genome/");
        var before = Cache.Count;

        for (var i = 0; i < 40; i++)
        {
            for (var again = 0; again < 2; again++)
            {
                Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/no-such-page-{i}/")).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/highlights/genome/?junk={i}")).StatusCode);
            }
        }

        Assert.Equal(before, Cache.Count);
        await KeepAsync("/search/?q=genome&page=1");
        Assert.Equal(before + 1, Cache.Count);
    }

    [Fact]
    public void A_full_cache_evicts_the_least_recently_used_and_keeps_the_hot_entries()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var cache = new PageCache(_factory.Content, Microsoft.Extensions.Options.Options.Create(new SiteOptions { BaseUrl = "https://example.org" }), clock, maxEntries: 5, maxBytes: 1L << 30);
        Microsoft.AspNetCore.Http.DefaultHttpContext Request(string path)
        {
            var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
            context.Request.Method = "GET";
            context.Request.Path = path;
            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/html; charset=utf-8";
            return context;
        }
        cache.Find(Request("/").Request, "/"); // takes the current snapshot
        for (var i = 0; i < 5; i++)
        {
            cache.Store($"/page-{i}/", Request($"/page-{i}/"), cache.Generation, "<p>page</p>"u8.ToArray());
            clock.Advance(TimeSpan.FromMilliseconds(20)); // each entry last used at a different moment
        }
        clock.Advance(TimeSpan.FromMilliseconds(20));
        Assert.NotNull(cache.Find(Request("/page-0/").Request, "/page-0/"));

        cache.Store("/page-5/", Request("/page-5/"), cache.Generation, "<p>page</p>"u8.ToArray());

        Assert.Equal(4, cache.Count);
        Assert.NotNull(cache.Find(Request("/page-0/").Request, "/page-0/"));
        Assert.NotNull(cache.Find(Request("/page-5/").Request, "/page-5/"));
        Assert.Null(cache.Find(Request("/page-1/").Request, "/page-1/"));
        Assert.Null(cache.Find(Request("/page-2/").Request, "/page-2/"));
    }

    [Fact]
    public async Task A_page_has_an_etag_and_revalidates_with_304()
    {
        await KeepAsync("/highlights/genome/");
        var cached = await _client.GetAsync("/highlights/genome/");
        Assert.NotNull(cached.Headers.ETag);

        var request = new HttpRequestMessage(HttpMethod.Get, "/highlights/genome/");
        request.Headers.IfNoneMatch.Add(cached.Headers.ETag!);
        var revalidated = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Pages_are_compressed_for_clients_that_accept_it(string encoding)
    {
        await KeepAsync("/sv/highlights/genome/");
        var plain = await _client.GetStringAsync("/sv/highlights/genome/");
        var request = new HttpRequestMessage(HttpMethod.Get, "/sv/highlights/genome/");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));

        var response = await _client.SendAsync(request);

        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        await using var stream = encoding == "br"
            ? (Stream)new BrotliStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress)
            : new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        using var reader = new StreamReader(stream);
        Assert.Equal(plain, await reader.ReadToEndAsync());
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
    }

    [Theory]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("br;q=0, gzip;q=0", null)]
    [InlineData("gzip;q=0.9, br;q=0.5", "gzip")]
    [InlineData("*", "br")]
    [InlineData("*;q=0.5, br;q=0", "gzip")]
    [InlineData("identity", null)]
    [InlineData("gzip, br", "br")]
    public async Task Accept_encoding_weights_are_honoured(string acceptEncoding, string? expected)
    {
        await KeepAsync("/sv/highlights/genome/");
        var request = new HttpRequestMessage(HttpMethod.Get, "/sv/highlights/genome/");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);

        var response = await _client.SendAsync(request);

        Assert.Equal(expected is null ? [] : [expected], response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task A_reload_never_leaves_a_stale_page_in_the_cache()
    {
        await KeepAsync("/highlights/genome/");
        Assert.Contains("from sample to data", await _client.GetStringAsync("/highlights/genome/"), StringComparison.Ordinal);
        Assert.True(Cache.Count > 0);

        File.WriteAllText(Path.Combine(_root, "highlights", "genome.md"), "---\ntitle: Genome sequencing services\n---\nNow with long reads.\n");
        await Eventually.TrueAsync(async () => (await _client.GetStringAsync("/highlights/genome/")).Contains("long reads", StringComparison.Ordinal),
            "serving the edited page");
    }

    [Fact]
    public async Task Forms_with_antiforgery_tokens_are_never_cached()
    {
        var first = await _client.GetAsync("/contact/");
        var second = await _client.GetAsync("/contact/");

        static string Token(string html) => html[html.IndexOf("__RequestVerificationToken", StringComparison.Ordinal)..][..300];
        Assert.NotEqual(Token(await first.Content.ReadAsStringAsync()), Token(await second.Content.ReadAsStringAsync()));
        Assert.Contains("no-store", second.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Null(second.Headers.ETag);
        // Once refused as personal, the form's later answers are not even copied for the cache; a reload forgets that.
        Assert.True(Cache.IsPersonal("http://localhost/contact/"));
        Assert.False(Cache.IsPersonal("http://localhost/news/imaging/"));
        Cache.Clear();
        Assert.False(Cache.IsPersonal("http://localhost/contact/"));
    }

    [Fact]
    public async Task Staff_pages_are_never_cached()
    {
        await _client.GetAsync("/staff/signin");
        var before = Cache.Count;
        await _client.GetAsync("/staff/signin");

        Assert.Equal(before, Cache.Count);
        Assert.Null((await _client.GetAsync("/staff/signin")).Headers.ETag);
    }

    [Fact]
    public async Task Not_found_pages_stay_in_their_own_language()
    {
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal("en", (await Html.GetAsync(_client, "/missing-a/")).DocumentElement.GetAttribute("lang"));
            Assert.Equal("sv", (await Html.GetAsync(_client, "/sv/missing-b/")).DocumentElement.GetAttribute("lang"));
            Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/sv/missing-b/")).StatusCode);
        }
    }

    [Fact]
    public async Task The_not_found_page_is_kept_per_language_and_only_its_language_switch_changes_per_address()
    {
        var first = await _client.GetAsync("/missing-a/?q=%22x%22&b=1");
        var second = await _client.GetAsync("/missing-b/");
        var swedish = await Html.GetAsync(_client, "/sv/missing-c/");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (first.StatusCode, second.StatusCode));
        var firstHtml = await first.Content.ReadAsStringAsync();
        var secondHtml = await second.Content.ReadAsStringAsync();
        Assert.Equal("/sv/missing-a/?q=%22x%22&b=1", (await Html.ParseAsync(first)).QuerySelector("a.language-switch")!.GetAttribute("href"));
        Assert.Equal("/sv/missing-b/", (await Html.ParseAsync(second)).QuerySelector("a.language-switch")!.GetAttribute("href"));
        // Everything else is the same page, byte for byte.
        Assert.Equal(secondHtml, firstHtml.Replace("href=\"/sv/missing-a/?q=%22x%22&amp;b=1\"", "href=\"/sv/missing-b/\"", StringComparison.Ordinal));
        Assert.Equal(("sv", "/missing-c/"), (swedish.DocumentElement.GetAttribute("lang"), swedish.QuerySelector("a.language-switch")!.GetAttribute("href")));
        Assert.Equal("Sidan hittades inte", swedish.QuerySelector("h1")!.TextContent);
        Assert.Equal("text/html; charset=utf-8", second.Content.Headers.ContentType!.ToString());
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(secondHtml), second.Content.Headers.ContentLength);
        var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/missing-b/"));
        Assert.Equal((HttpStatusCode.NotFound, 0), (head.StatusCode, (await head.Content.ReadAsByteArrayAsync()).Length));
        Assert.Equal(second.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task The_kept_not_found_page_follows_the_content()
    {
        Assert.Null((await Html.GetAsync(_client, "/missing-d/")).QuerySelector("nav a[href='/about-us/']"));

        File.WriteAllText(Path.Combine(_root, "about-us.md"), "---\ntitle: About us\nmenu:\n  main:\n    weight: 1\n---\nWho we are.\n");

        await Eventually.TrueAsync(async () => (await Html.GetAsync(_client, "/missing-d/")).QuerySelector("nav a[href='/about-us/']") is not null,
            "the new menu entry on the 404 page", seconds: 10);
        // The entry a missing address is below is marked as its trail, as on any page; on others it is not.
        for (var i = 0; i < 2; i++)
        {
            Assert.NotNull((await Html.GetAsync(_client, "/about-us/missing/")).QuerySelector("nav li.in-trail > a[href='/about-us/']"));
            Assert.Null((await Html.GetAsync(_client, "/missing-d/")).QuerySelector("nav li.in-trail"));
            Assert.Null((await Html.GetAsync(_client, "/about-us/gone/")).QuerySelector("[aria-current]"));
        }
    }

    [Fact]
    public async Task A_page_rendered_from_the_content_before_a_reload_is_never_kept_as_the_new_contents()
    {
        var templates = _factory.Services.GetRequiredService<PageTemplates>();
        var before = _factory.Content.Current;
        File.WriteAllText(Path.Combine(_root, "news", "reload-check.md"), "---\ntitle: Reload check\n---\nText.\n");
        var after = _factory.Content.Reload(force: true).Snapshot;
        Assert.NotSame(before, after);

        // A request that began before the reload renders from its own snapshot while the store already holds the new one.
        var old = await templates.FindOrRenderAsync("reload-check", before, snapshot => Task.FromResult(PageTemplate.Cut(snapshot, "<p>old</p>", [])));

        Assert.Null(templates.Find("reload-check", after));
        Assert.Same(old, templates.Find("reload-check", before));
        var fresh = await templates.FindOrRenderAsync("reload-check", after, snapshot => Task.FromResult(PageTemplate.Cut(snapshot, "<p>new</p>", [])));
        Assert.NotSame(old, fresh);
        Assert.Same(fresh, templates.Find("reload-check", after));
    }

    [Fact]
    public async Task Not_found_pages_for_many_hosts_keep_at_most_the_bound()
    {
        // Without Site:BaseUrl the host is part of a kept page's key, and a Host header is anyone's to invent.
        var templates = _factory.Services.GetRequiredService<PageTemplates>();
        for (var i = 0; i <= PageTemplates.MaxKept; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/missing-e/");
            request.Headers.Host = $"host-{i}.example.org";
            Assert.Equal(HttpStatusCode.NotFound, (await _client.SendAsync(request)).StatusCode);
            if (i == 9)
            {
                Assert.True(templates.Count >= 10, $"each host its own page: {templates.Count} kept after 10 hosts");
            }
        }

        Assert.InRange(templates.Count, 1, PageTemplates.MaxKept);
    }

    [Fact]
    public async Task Head_requests_get_headers_without_a_body_and_do_not_poison_the_cache()
    {
        var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/news/imaging/"));
        var get = await _client.GetStringAsync("/news/imaging/");

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Contains("Microscopy images", get, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_results_follow_the_index()
    {
        Assert.Contains("No pages match", await _client.GetStringAsync("/search/?q=axolotl"), StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(_root, "news", "axolotl.md"), "---\ntitle: Axolotl embryos\n---\nImages of axolotl embryos.\n");
        await Eventually.TrueAsync(async () => (await _client.GetStringAsync("/search/?q=axolotl")).Contains("Axolotl embryos", StringComparison.Ordinal),
            "finding the new page in search results", seconds: 10);
    }

    [Fact]
    public async Task The_stylesheet_has_a_long_cache_lifetime_under_its_fingerprinted_name()
    {
        var home = await Html.GetAsync(_client, "/");
        var href = home.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;

        var response = await _client.GetAsync(href);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("max-age=31536000", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Contains("immutable", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }
}

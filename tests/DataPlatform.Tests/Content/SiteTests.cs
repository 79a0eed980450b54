using System.Net;
using AngleSharp.Dom;
using DataPlatform.Tests.Infrastructure;

namespace DataPlatform.Tests.Content;

/// <summary>The portal over its whole fixture site: every page answers, in the right language, and links hold.</summary>
public sealed class SiteTests(SitePortal portal) : IClassFixture<SitePortal>
{
    private readonly PortalFactory _factory = portal.Factory;
    private readonly HttpClient _client = portal.Client;

    [Fact]
    public async Task Every_page_answers_with_its_language_hreflang_and_a_menu()
    {
        var pages = _factory.Content.Current.Pages;
        Assert.True(pages.Count >= 16, $"only {pages.Count} pages");
        foreach (var page in pages)
        {
            var response = await _client.GetAsync(page.Url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page.Url} answered {response.StatusCode}");
            var document = await Html.ParseAsync(response);
            Assert.Equal(page.Language.Code, document.DocumentElement.GetAttribute("lang"));
            Assert.Contains(document.QuerySelectorAll("link[rel=alternate][hreflang]"), l => l.GetAttribute("hreflang") == page.Language.Code);
            Assert.NotEmpty(document.QuerySelectorAll(".main-nav a"));
            Assert.DoesNotContain("{{", document.Body!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Crawl_from_both_home_pages_finds_no_broken_internal_link()
    {
        var result = await SiteCrawler.CrawlAsync(_client, "/", "/sv/");

        Assert.Empty(result.Broken);
        Assert.True(result.Visited.Count > 20, $"the crawl reached only {result.Visited.Count} URLs");
    }

    [Theory]
    [InlineData("/about/", "sv", "/sv/about/")]
    [InlineData("/sv/about/technical-environment/", "en", "/about/technical-environment/")]
    [InlineData("/contact/", "sv", "/sv/contact/")]
    public async Task Language_switcher_leads_to_the_translation(string url, string otherLanguage, string expected)
    {
        var document = await Html.GetAsync(_client, url);

        var switcher = document.QuerySelector("a.language-switch")!;
        Assert.Equal((expected, otherLanguage), (switcher.GetAttribute("href"), switcher.GetAttribute("hreflang")));
    }

    [Fact]
    public async Task Current_page_is_marked_in_the_main_menu()
    {
        var document = await Html.GetAsync(_client, "/about/data-office/");

        var current = Assert.Single(document.QuerySelectorAll(".main-nav a[aria-current=page]"));
        Assert.Equal("/about/data-office/", current.GetAttribute("href"));
    }

    [Fact]
    public async Task Table_of_contents_and_breadcrumbs_render()
    {
        var document = await Html.GetAsync(_client, "/about/technical-environment/");

        Assert.NotEmpty(document.QuerySelectorAll("nav.toc a[href^='#']"));
        Assert.Equal(["/", "/about/", "/about/technical-environment/"], document.QuerySelectorAll("nav.breadcrumbs a").Select(a => a.GetAttribute("href")));
        Assert.NotNull(document.QuerySelector("figure img[alt]"));
    }

    [Theory]
    [InlineData("/no-such-page/", "en", "Page not found")]
    [InlineData("/sv/finns-inte/", "sv", "Sidan hittades inte")]
    [InlineData("/events/no-such-event/event.ics", "en", "Page not found")]
    public async Task Not_found_is_bilingual_with_status_404(string url, string language, string heading)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var document = await Html.ParseAsync(response);
        Assert.Equal(language, document.DocumentElement.GetAttribute("lang"));
        Assert.Equal(heading, document.QuerySelector("h1")!.TextContent);
        // The address that failed is not the page's own, nor has it translations.
        Assert.Equal("noindex", document.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.Null(document.QuerySelector("link[rel=canonical]"));
        Assert.Empty(document.QuerySelectorAll("link[hreflang]"));
        Assert.Null(document.QuerySelector("meta[property='og:url']"));
    }

    [Theory]
    [InlineData("/environment/", "/about/technical-environment/")]
    [InlineData("/about", "/about/")]
    [InlineData("/sv/about/technical-environment", "/sv/about/technical-environment/")]
    public async Task Aliases_and_missing_slashes_redirect_permanently(string url, string target)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(target, response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Static_files_are_served_with_cache_headers()
    {
        var response = await _client.GetAsync("/img/environment.svg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.ETag);
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.Contains("max-age", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);

        var again = new HttpRequestMessage(HttpMethod.Get, "/img/environment.svg");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, (await _client.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task Health_and_readiness_answer()
    {
        var health = await _client.GetAsync("/healthz");
        var ready = await _client.GetAsync("/readyz");

        Assert.Equal((HttpStatusCode.OK, "ok\n"), (health.StatusCode, await health.Content.ReadAsStringAsync()));
        Assert.Equal((HttpStatusCode.OK, "ready\n"), (ready.StatusCode, await ready.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Readiness_says_why_the_database_is_not_ready()
    {
        // A portal whose database cannot be reached: content loads, the database check fails with its reason.
        await using var portal = await PortalFactory.CreateAsync(Fixtures.Portal, new Dictionary<string, string?> { ["ConnectionStrings:Portal"] = "Host=127.0.0.1;Port=1;Timeout=1;Database=none;Username=none" });
        var ready = await portal.CreatePlainClient().GetAsync("/readyz");

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "database not migrated\n"), (ready.StatusCode, await ready.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_version_names_the_content_and_the_content_the_search_index_holds()
    {
        await _factory.WaitForSearchIndexAsync();

        using var version = System.Text.Json.JsonDocument.Parse(await _client.GetStringAsync("/version"));

        var content = _factory.Content.Current.Version;
        Assert.Equal(content, version.RootElement.GetProperty("content").GetString());
        Assert.Equal(content, version.RootElement.GetProperty("searchIndexed").GetString());
    }

    [Theory]
    [InlineData("/news/?page=abc", HttpStatusCode.BadRequest)]
    [InlineData("/news/?page=-1", HttpStatusCode.NotFound)]
    public async Task Bad_query_values_get_a_clear_error_not_a_crash(string url, HttpStatusCode expected)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(expected, response.StatusCode);
        var document = await Html.ParseAsync(response);
        Assert.NotNull(document.QuerySelector("h1"));
        Assert.DoesNotContain("Exception", document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_https_browsers_are_told_to_stay_and_every_cookie_is_secure()
    {
        using var https = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        var secure = await https.GetAsync("/contact/");
        var plain = await _client.GetAsync("/contact/");

        Assert.Equal("max-age=31536000", secure.Headers.GetValues("Strict-Transport-Security").Single());
        var cookies = secure.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, cookie => Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase));
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Event_pages_show_the_event_types_name_not_its_key()
    {
        var english = (await Html.GetAsync(_client, "/events/fair-data-course/")).Body!.TextContent;

        Assert.DoesNotContain("event type", english, StringComparison.Ordinal);
        Assert.Contains("Course", english, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/", "/highlights/feed.xml", "/news/feed.xml", "/events/feed.xml")]
    [InlineData("/sv/", "/sv/highlights/feed.xml", "/sv/news/feed.xml", "/sv/events/feed.xml")]
    public async Task The_home_page_announces_its_languages_feeds(string url, string highlights, string news, string events)
    {
        var feeds = (await Html.GetAsync(_client, url)).QuerySelectorAll("link[rel=alternate][type='application/atom+xml']")
            .Select(l => new Uri(l.GetAttribute("href")!).AbsolutePath).ToList();

        Assert.Equal([highlights, news, events], feeds);
    }
}

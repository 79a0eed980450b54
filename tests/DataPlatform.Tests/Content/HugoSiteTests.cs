using System.Net;
using System.Xml.Linq;
using DataPlatform.Tests.Infrastructure;

namespace DataPlatform.Tests.Content;

/// <summary>What sites moved over from Hugo rely on: addresses without a trailing slash or with doubled slashes, RSS feeds, feeds announced at home.</summary>
public sealed class HugoSiteTests(HugoSiteTests.SitePortal portal) : IClassFixture<HugoSiteTests.SitePortal>
{
    public sealed class SitePortal : PortalFixture
    {
        protected override Task<PortalFactory> CreateAsync() => PortalFactory.CreateAsync(Fixtures.Path("site"));
    }

    private readonly HttpClient _client = portal.Client;

    [Theory]
    [InlineData("/svonly", "/svonly/")]
    [InlineData("/sv/about/our-history", "/sv/about/our-history/")]
    [InlineData("/about/team", "/about/team/")]
    [InlineData("/about//team/", "/about/team/")]
    [InlineData("/about///team?x=1", "/about/team?x=1")]
    public async Task Addresses_redirect_permanently_to_the_page(string url, string location)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(location, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_page_only_in_the_other_language_shows_as_the_fallback_after_the_redirect()
    {
        var document = await Html.GetAsync(_client, "/svonly/");

        Assert.Equal("Bara på svenska", document.QuerySelector("h1")!.TextContent);
        Assert.Equal("en", document.DocumentElement.GetAttribute("lang"));
        Assert.StartsWith("This page has not been translated into English yet.", document.QuerySelector(".notice-translation")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/news/index.xml", "News – ", 3)]
    [InlineData("/sv/news/index.xml", "Nyheter – ", 1)]
    [InlineData("/about/index.xml", "About", 3)]
    [InlineData("/sv/events/index.xml", "", 0)]
    public async Task Hugo_section_feeds_answer_rss(string url, string titleStart, int items)
    {
        var response = await _client.GetAsync(url);
        if (items == 0)
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            return;
        }
        var rss = XDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("2.0", rss.Root!.Attribute("version")!.Value);
        Assert.StartsWith(titleStart, rss.Root.Element("channel")!.Element("title")!.Value, StringComparison.Ordinal);
        Assert.Equal(items, rss.Root.Element("channel")!.Elements("item").Count());
    }

    [Fact]
    public async Task The_site_feed_lists_every_page_of_its_language()
    {
        var rss = XDocument.Parse(await _client.GetStringAsync("/index.xml"));
        var links = rss.Root!.Element("channel")!.Elements("item").Select(i => i.Element("link")!.Value).ToList();

        Assert.Contains("http://localhost/about/team/", links);
        Assert.DoesNotContain(links, l => l.Contains("/sv/", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/no-such-section/index.xml")).StatusCode);
    }

    [Theory]
    [InlineData("/sv/highlights/", "Highlights", 3)]
    [InlineData("/sv/highlights/tags/genomics/", "Datanyheter med taggen ”Genomics”", 3)]
    [InlineData("/sv/highlights/authors/asa-oberg/", "Datanyheter av Åsa Öberg", 3)]
    [InlineData("/sv/events/", "Events", 1)]
    public async Task A_language_without_a_section_shows_the_other_languages_list_with_a_notice(string url, string heading, int items)
    {
        await using var factory = await PortalFactory.CreateAsync(Fixtures.Path("sparse"));
        var document = await Html.GetAsync(factory.CreatePlainClient(), url);

        Assert.Equal(heading, document.QuerySelector("h1")!.TextContent);
        Assert.Equal(items, document.QuerySelectorAll(".page-card").Length);
        Assert.Equal("Den här sidan är inte översatt till svenska än. Nedan visas den engelska versionen.", document.QuerySelector(".notice-translation")!.TextContent.Trim());
        Assert.Equal("sv", document.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Html_content_files_headless_bundles_and_build_options_behave_as_in_hugo()
    {
        await using var factory = await PortalFactory.CreateAsync(Fixtures.Path("hugo"));
        var client = factory.CreatePlainClient();
        var html = await Html.GetAsync(client, "/guide/html-page/");
        var listed = (await Html.GetAsync(client, "/guide/")).QuerySelectorAll(".listing a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Equal("Written in HTML", html.QuerySelector("h1")!.TextContent);
        Assert.Equal(2, html.QuerySelectorAll(".custom p").Length);
        Assert.Null(html.QuerySelector(".custom pre"));
        Assert.Equal("An HTML page", factory.Content.Current.Find("/guide/html-page/")!.Summary);
        Assert.Equal("text/html", (await client.GetAsync("/guide/raw.html")).Content.Headers.ContentType!.MediaType);
        Assert.Equal(["/guide/html-page/", "/guide/visible/"], listed.Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/guide/unlisted/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/guide/unrendered/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/shared-images/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/shared-images/logo.svg")).StatusCode);
    }
}

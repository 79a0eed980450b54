using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using DataPlatform.Tests.Infrastructure;
using DataPlatform.Web.Search;
using Microsoft.Extensions.DependencyInjection;

namespace DataPlatform.Tests.Search;

/// <summary>Full-text search on PostgreSQL over a small fixed corpus in both languages.</summary>
public sealed class SearchTests(SearchTests.SearchPortal portal) : IClassFixture<SearchTests.SearchPortal>
{
    public sealed class SearchPortal : PortalFixture
    {
        protected override async Task<PortalFactory> CreateAsync()
        {
            var factory = await PortalFactory.CreateAsync(Fixtures.Path("search"));
            await factory.WaitForSearchIndexAsync();
            return factory;
        }
    }

    private readonly HttpClient _client = portal.Client;

    private async Task<List<string>> Titles(string url) =>
        (await Html.GetAsync(_client, url)).QuerySelectorAll(".search-result-title a").Select(a => a.TextContent).ToList();

    [Theory]
    [InlineData("/sv/search/?q=sekvensering", "Sekvenseringen av arvsmassan")]
    [InlineData("/sv/search/?q=sekvenseringen", "Proteinstrukturer")]
    [InlineData("/search/?q=sequences", "Genome sequencing services")]
    [InlineData("/search/?q=sequenced", "Sequencing news")]
    public async Task Stemming_finds_inflected_forms_in_each_language(string url, string expected)
    {
        Assert.Contains(expected, await Titles(url));
    }

    [Fact]
    public async Task Results_stay_in_the_pages_language()
    {
        Assert.Empty(await Titles("/search/?q=sekvensering"));
        Assert.DoesNotContain("Protein structures", await Titles("/sv/search/?q=protein"));
    }

    [Fact]
    public async Task Title_matches_rank_above_body_matches()
    {
        var titles = await Titles("/search/?q=sequencing");

        // Two pages have the word in their title, one only in its body.
        Assert.Equal(["Genome sequencing services", "Sequencing news"], titles.Take(2).Order());
        Assert.Equal("Protein structures", titles[2]);
        Assert.Equal(3, titles.Count);
    }

    [Fact]
    public async Task Snippets_highlight_the_match_and_escape_everything_else()
    {
        var document = await Html.GetAsync(_client, "/search/?q=comparing");

        var snippet = document.QuerySelector(".search-result-snippet")!;
        Assert.Equal("Comparing", snippet.QuerySelector("mark")!.TextContent);
        Assert.Contains("a < b & c", snippet.TextContent, StringComparison.Ordinal);
        Assert.Null(snippet.QuerySelector("b, c"));
    }

    [Fact]
    public async Task Section_filter_narrows_results()
    {
        Assert.Equal(["Sequencing news"], await Titles("/search/?q=sequencing&section=news"));
        Assert.Equal(["Genome sequencing services", "Protein structures"], await Titles("/search/?q=sequencing&section=highlights"));
    }

    [Theory]
    [InlineData("/search/?q=", "Type one or more words")]
    [InlineData("/search/?q=the+and+of", "only contained very common words")]
    [InlineData("/sv/search/?q=och+att", "bara mycket vanliga ord")]
    [InlineData("/search/?q=zebrafish", "No pages match")]
    [InlineData("/search/?q=data&section=%00", "There is no such section to search in; choose one from the list.")]
    [InlineData("/sv/search/?q=data&section=nowhere", "Det finns ingen sådan del att söka i; välj en i listan.")]
    public async Task Empty_stop_word_and_fruitless_queries_get_a_helpful_message(string url, string message)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(url.Contains("section=", StringComparison.Ordinal) ? HttpStatusCode.BadRequest : HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await Html.ParseAsync(response)).QuerySelector(".search-message")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/search/?q=!!!%3F%3F", HttpStatusCode.OK)]
    [InlineData("/search/?q=%27%3B+drop+table+search_documents%3B+--", HttpStatusCode.OK)]
    [InlineData("/search/?q=%22open+data", HttpStatusCode.OK)]
    [InlineData("/search/?q=a+or+or+-+-+%22%22", HttpStatusCode.OK)]
    [InlineData("/search/?q=%FF%FE%FD", HttpStatusCode.OK)]
    [InlineData("/search/?q=null%00byte", HttpStatusCode.OK)]
    [InlineData("/search/?q=x&section=%27%3B--", HttpStatusCode.BadRequest)]
    [InlineData("/search/?q=data&section=%00", HttpStatusCode.BadRequest)]
    [InlineData("/sv/search/?q=data&section=%00", HttpStatusCode.BadRequest)]
    [InlineData("/sv/search/?q=%3C%3E%26%3Cscript%3E", HttpStatusCode.OK)]
    public async Task Odd_and_hostile_queries_never_fail(string url, HttpStatusCode expected)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(expected, response.StatusCode);
        Assert.NotNull((await Html.ParseAsync(response)).QuerySelector("form.search-form"));
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/search/?q=genome")).StatusCode);
    }

    [Theory]
    [InlineData("/search/?q=x&page=-5", HttpStatusCode.NotFound)]
    [InlineData("/search/?q=zebrafish&page=2", HttpStatusCode.NotFound)]
    [InlineData("/search/?q=x&page=1001", HttpStatusCode.NotFound)]
    [InlineData("/search/?q=x&page=99999999999999", HttpStatusCode.BadRequest)]
    [InlineData("/sv/search/?q=x&page=abc", HttpStatusCode.BadRequest)]
    public async Task A_results_page_that_does_not_exist_answers_like_every_other_list(string url, HttpStatusCode expected)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("data data DATA Data genome", "data genome")]
    [InlineData("a b c d e f g h i j k l m n o p", "a b c d e f g h i j k l")]
    [InlineData("  \"open data\"  -closed\u0000 ", "\"open data\" -closed")]
    public void Queries_are_bounded_repeated_words_once_and_at_most_twelve(string typed, string searched)
    {
        Assert.Equal(searched, DataPlatform.Web.Search.SearchService.Clean(typed));
    }

    [Fact]
    public async Task A_word_repeated_a_hundred_times_is_the_same_search_as_the_word()
    {
        var once = await Html.GetAsync(_client, "/search/?q=genome");
        var repeated = await Html.GetAsync(_client, "/search/?q=" + string.Join("+", Enumerable.Repeat("genome", 100)));

        Assert.Equal(once.QuerySelectorAll(".search-result-title a").Select(a => a.GetAttribute("href")),
            repeated.QuerySelectorAll(".search-result-title a").Select(a => a.GetAttribute("href")));
        Assert.Equal("genome", repeated.QuerySelector("#search-page-q")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_very_long_query_is_a_clear_400()
    {
        var response = await _client.GetAsync("/sv/search/?q=" + new string('a', 600));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("för lång", (await Html.ParseAsync(response)).QuerySelector(".search-message")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_are_paged()
    {
        var root = Fixtures.Copy("search");
        for (var i = 0; i < 14; i++)
        {
            File.WriteAllText(Path.Combine(root, "news", $"bulk-{i:D2}.md"), $"---\ntitle: Bulk {i:D2}\ndate: 2023-01-{i + 1:D2}\n---\nA page about zebrafish.\n");
        }
        await using var factory = await PortalFactory.CreateAsync(root);
        await factory.WaitForSearchIndexAsync();
        var client = factory.CreatePlainClient();

        var first = await Html.GetAsync(client, "/search/?q=zebrafish");
        var second = await Html.GetAsync(client, "/search/?q=zebrafish&page=2");

        Assert.Equal(10, first.QuerySelectorAll(".search-result-title").Length);
        Assert.Equal("/search/?q=zebrafish&page=2", first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
        Assert.Equal(4, second.QuerySelectorAll(".search-result-title").Length);
    }

    [Fact]
    public async Task Json_is_offered_to_other_tools()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/sv/search/?q=sekvensering");
        request.Headers.Accept.ParseAdd("application/json");
        var response = await _client.SendAsync(request);

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("sv", json.RootElement.GetProperty("language").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("total").GetInt32());
        Assert.StartsWith("http://localhost/sv/highlights/", json.RootElement.GetProperty("results")[0].GetProperty("url").GetString(), StringComparison.Ordinal);

        using var viaQuery = JsonDocument.Parse(await _client.GetStringAsync("/search/?q=genome&format=json"));
        Assert.Equal(1, viaQuery.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Browsers_can_add_the_search_through_opensearch()
    {
        var home = await Html.GetAsync(_client, "/sv/");
        var href = home.QuerySelector("link[rel=search]")!.GetAttribute("href")!;
        var description = XDocument.Parse(await _client.GetStringAsync(href)).Root!;
        XNamespace ns = "http://a9.com/-/spec/opensearch/1.1/";

        Assert.Equal(ns + "OpenSearchDescription", description.Name);
        Assert.Contains(description.Elements(ns + "Url"), u => u.Attribute("template")!.Value == "http://localhost/sv/search/?q={searchTerms}");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/sv/highlights/genome/")]
    [InlineData("/no-such-page/")]
    public async Task Every_page_has_a_search_box_in_the_header(string url)
    {
        var document = await Html.GetAsync(_client, url);

        var form = document.QuerySelector("header form[role=search]")!;
        Assert.NotNull(form.QuerySelector("input[name=q]"));
        Assert.EndsWith("/search/", form.GetAttribute("action"), StringComparison.Ordinal);
    }
}

/// <summary>The index follows the content of a folder that changes.</summary>
public sealed class SearchReindexTests : IAsyncLifetime
{
    private PortalFactory _factory = null!;
    private HttpClient _client = null!;
    private string _root = null!;

    public async Task InitializeAsync()
    {
        _root = Fixtures.Copy("search");
        _factory = await PortalFactory.CreateAsync(_root);
        _client = _factory.CreatePlainClient();
        await _factory.WaitForSearchIndexAsync();
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    private async Task<List<string>> Titles(string url) =>
        (await Html.GetAsync(_client, url)).QuerySelectorAll(".search-result-title a").Select(a => a.TextContent).ToList();

    [Fact]
    public async Task The_index_follows_content_changes_without_rewriting_unchanged_pages()
    {
        File.WriteAllText(Path.Combine(_root, "news", "imaging.md"), "---\ntitle: Microscopy images\ndate: 2024-03-01\n---\nNow with axolotl embryos.\n");
        File.Delete(Path.Combine(_root, "news", "sequencing-news.md"));
        await WaitForContent(() => _factory.Content.Current.Find("/news/sequencing-news/") is null && _factory.Content.Current.Find("/news/imaging/")!.Html.Contains("axolotl", StringComparison.Ordinal));
        await _factory.WaitForSearchIndexAsync();

        Assert.Equal(["Microscopy images"], await Titles("/search/?q=axolotl"));
        Assert.DoesNotContain("Sequencing news", await Titles("/search/?q=sequencing"));

        var report = await SearchIndex.SyncAsync(_factory.Services.GetRequiredService<Npgsql.NpgsqlDataSource>(), _factory.Content.Current, CancellationToken.None);
        Assert.Equal((0, 0), (report.Upserted, report.Deleted));
    }

    private static Task WaitForContent(Func<bool> condition) => Eventually.TrueAsync(condition, "reloading the content");
}

/// <summary>Search while the database is down: a polite 503 in the visitor's language, and the rest of the site serving.</summary>
public sealed class SearchOutageTests
{
    [Fact]
    public async Task Search_answers_503_politely_and_pages_keep_serving()
    {
        await using var server = await PostgresServer.StartNewAsync();
        await using var factory = await PortalFactory.CreateAsync(Fixtures.Path("search"), server: server);
        var client = factory.CreatePlainClient();
        await factory.WaitForSearchIndexAsync();

        await server.StopAsync();
        var response = await client.GetAsync("/sv/search/?q=sekvensering");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var document = await Html.ParseAsync(response);
        Assert.Equal("sv", document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Sökningen är tillfälligt otillgänglig", document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/sv/highlights/genome/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }
}

/// <summary>Searches per client are limited; results already in the page cache do not count.</summary>
public sealed class SearchRateLimitTests
{
    [Fact]
    public async Task Too_many_searches_from_one_client_get_a_429_that_says_when_to_retry()
    {
        await using var factory = await PortalFactory.CreateAsync(Fixtures.Path("search"), new Dictionary<string, string?> { ["Search:RateLimitPermits"] = "3" });
        var client = factory.CreatePlainClient();
        // Indexing empties the page cache; wait for it so the cached answer below stays cached.
        await factory.WaitForSearchIndexAsync();

        // The second time a URL is asked for, its answer is kept in the page cache.
        foreach (var words in new[] { "word0", "word0", "word1" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/search/?q={words}")).StatusCode);
        }
        var limited = await client.GetAsync("/search/?q=word3");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/search/?q=word0")).StatusCode);
    }
}

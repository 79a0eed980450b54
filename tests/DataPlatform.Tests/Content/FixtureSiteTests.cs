using System.Net;
using System.Text;
using DataPlatform.Tests.Infrastructure;

namespace DataPlatform.Tests.Content;

/// <summary>The portal over test fixtures: fallbacks, shortcodes, broken files and live reload.</summary>
public sealed class FixtureSiteTests : IAsyncLifetime
{
    private PortalFactory _factory = null!;
    private HttpClient _client = null!;
    private string _root = null!;

    public async Task InitializeAsync()
    {
        _root = Fixtures.Copy("site");
        _factory = await PortalFactory.CreateAsync(_root);
        _client = _factory.CreatePlainClient();
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task Missing_translation_shows_the_original_with_a_notice_in_the_visitors_language()
    {
        var response = await _client.GetAsync("/sv/about/our-history/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Html.ParseAsync(response);
        Assert.Equal("sv", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("en", document.QuerySelector("article")!.GetAttribute("lang"));
        Assert.Contains("inte översatt", document.QuerySelector(".notice-translation")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("noindex", document.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        Assert.Equal("/about/our-history/", document.QuerySelector("a.language-switch")!.GetAttribute("href"));
    }

    [Fact]
    public async Task English_page_without_translation_switches_to_the_swedish_fallback()
    {
        var document = await Html.GetAsync(_client, "/about/our-history/");

        Assert.Equal("/sv/about/our-history/", document.QuerySelector("a.language-switch")!.GetAttribute("href"));
        Assert.Null(document.QuerySelector(".notice-translation"));
    }

    [Fact]
    public async Task Swedish_only_page_falls_back_for_english_visitors()
    {
        var document = await Html.GetAsync(_client, "/svonly/");

        Assert.Equal("en", document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("not been translated into English", document.QuerySelector(".notice-translation")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shortcodes_never_show_braces()
    {
        var document = await Html.GetAsync(_client, "/shortcodes/");

        var prose = document.QuerySelector(".prose")!;
        Assert.DoesNotContain("{{<", prose.InnerHtml, StringComparison.Ordinal);
        Assert.NotNull(prose.QuerySelector("figure img[src='/files/pic.svg']"));
        Assert.NotNull(prose.QuerySelector(".notice strong"));
        Assert.Contains("Kept inner text", prose.TextContent, StringComparison.Ordinal);
        Assert.Contains("Literal: {{< figure src=\"x\" >}}", prose.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bundle_images_resolve_in_both_languages()
    {
        foreach (var url in new[] { "/news/first-story/", "/sv/news/first-story/" })
        {
            var document = await Html.GetAsync(_client, url);
            var image = document.QuerySelector(".prose img")!.GetAttribute("src")!;
            var response = await _client.GetAsync(new Uri(new Uri("http://localhost" + url), image));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Broken_files_are_left_out_and_the_rest_is_served()
    {
        File.WriteAllText(Path.Combine(_root, "bad-yaml.md"), "---\ntitle: [unclosed\n---\nBody\n");
        File.WriteAllText(Path.Combine(_root, "late.md"), "\n---\ntitle: Late\n---\nBody\n");
        File.WriteAllBytes(Path.Combine(_root, "latin1.md"), Encoding.Latin1.GetBytes("---\ntitle: Smörgås\n---\nRäksmörgås\n"));
        File.WriteAllText(Path.Combine(_root, "fine.md"), "---\ntitle: Fine page\n---\nStill here.\n");

        await WaitFor(async () => (await _client.GetAsync("/fine/")).StatusCode == HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/bad-yaml/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/latin1/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/about/team/")).StatusCode);
        var diagnostics = _factory.Content.Current.Diagnostics;
        Assert.Contains(diagnostics, d => d is { File: "bad-yaml.md", Code: "front-matter-yaml", Line: 2 });
        Assert.Contains(diagnostics, d => d is { File: "late.md", Code: "front-matter-not-first-line", Line: 2 });
        Assert.Contains(diagnostics, d => d is { File: "latin1.md", Code: "encoding", Line: 2 });
    }

    [Fact]
    public async Task Edits_additions_and_removals_show_within_two_seconds()
    {
        var file = Path.Combine(_root, "news", "second.md");
        var started = DateTime.UtcNow;
        File.WriteAllText(file, "---\ntitle: Second story, edited live\ndate: 2024-04-01\n---\nEdited.\n");
        await WaitFor(async () => (await Html.GetAsync(_client, "/news/second/")).QuerySelector("h1")!.TextContent == "Second story, edited live");
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(2), $"took {(DateTime.UtcNow - started).TotalMilliseconds} ms");

        File.WriteAllText(Path.Combine(_root, "news", "added.md"), "---\ntitle: Added\n---\nNew.\n");
        await WaitFor(async () => (await _client.GetAsync("/news/added/")).StatusCode == HttpStatusCode.OK);

        File.Delete(Path.Combine(_root, "news", "added.md"));
        await WaitFor(async () => (await _client.GetAsync("/news/added/")).StatusCode == HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Requests_during_reloads_always_see_a_whole_site()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        var writer = Task.Run(async () =>
        {
            // Reloads back to back, each while requests are answered; yielding lets the readers in between.
            for (var i = 0; !cancel.IsCancellationRequested; i++)
            {
                File.WriteAllText(Path.Combine(_root, "news", "second.md"), $"---\ntitle: Version {i}\ndate: 2024-04-01\n---\nBody {i}.\n");
                _factory.Content.Reload();
                await Task.Yield();
            }
        });
        var failures = new List<string>();
        while (!cancel.IsCancellationRequested)
        {
            foreach (var url in new[] { "/", "/about/team/", "/news/", "/news/second/" })
            {
                var response = await _client.GetAsync(url);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }
        await writer;
        Assert.Empty(failures);
    }

    private static Task WaitFor(Func<Task<bool>> condition) => Eventually.TrueAsync(condition, "showing the change");
}

using Microsoft.Extensions.Time.Testing;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using DataPlatform.Tests.Content;
using DataPlatform.Tests.Infrastructure;

namespace DataPlatform.Tests.Sections;

/// <summary>Highlights, news, events, feeds, sitemap, metadata and notices, around a fixed clock (15 January 2025, 12:00 UTC).</summary>
public sealed class SectionTests(SectionTests.SectionsPortal portal) : IClassFixture<SectionTests.SectionsPortal>
{
    private static readonly DateTimeOffset Now = new(2025, 1, 15, 12, 0, 0, TimeSpan.Zero);

    public sealed class SectionsPortal : PortalFixture
    {
        protected override Task<PortalFactory> CreateAsync() => PortalFactory.CreateAsync(Fixtures.Path("sections"), clock: new FakeTimeProvider(Now));
    }

    private readonly PortalFactory _factory = portal.Factory;
    private readonly HttpClient _client = portal.Client;

    private async Task<List<string>> Titles(string url) =>
        (await Html.GetAsync(_client, url)).QuerySelectorAll(".page-card-title a").Select(a => a.TextContent).ToList();

    [Fact]
    public async Task Highlights_are_listed_newest_first_with_banner_date_and_summary()
    {
        Assert.Equal(["Highlight B", "Highlight A", "Highlight C"], await Titles("/highlights/"));
        var document = await Html.GetAsync(_client, "/highlights/");
        Assert.NotNull(document.QuerySelector(".page-card img[src='/img/b.png']"));
        Assert.Contains("About A.", document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tag_and_author_pages_use_stable_slugs_with_swedish_letters_folded()
    {
        Assert.Equal(["Highlight B", "Highlight A"], await Titles("/highlights/tags/genomics/"));
        Assert.Equal(["Highlight A"], await Titles("/highlights/tags/sekvensering-analys/"));
        Assert.Equal(["Highlight B", "Highlight A"], await Titles("/highlights/authors/asa-oberg/"));
        Assert.Equal(["Datanyhet A"], await Titles("/sv/highlights/tags/genomik/"));
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/highlights/tags/no-such-tag/")).StatusCode);

        var tags = await Html.GetAsync(_client, "/highlights/tags/");
        Assert.Equal(["Genomics (2)", "Proteomics (1)", "Sekvensering & analys (1)"],
            tags.QuerySelectorAll(".term-list li").Select(li => string.Join(' ', li.TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries))));
        var authors = await Html.GetAsync(_client, "/highlights/authors/");
        Assert.Equal("/highlights/authors/asa-oberg/", authors.QuerySelector(".term-list a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_highlight_links_its_tags_and_authors_and_shows_related_highlights()
    {
        var document = await Html.GetAsync(_client, "/highlights/a/");

        Assert.Contains(document.QuerySelectorAll(".taxonomy a"), a => a.GetAttribute("href") == "/highlights/tags/genomics/");
        Assert.Contains(document.QuerySelectorAll(".taxonomy a"), a => a.GetAttribute("href") == "/highlights/authors/asa-oberg/");
        Assert.Equal(["Highlight B"], document.QuerySelectorAll(".related .page-card-title a").Select(a => a.TextContent));
        Assert.Equal("A chart of B", (await Html.GetAsync(_client, "/highlights/b/")).QuerySelector(".banner img")!.GetAttribute("alt"));
    }

    [Fact]
    public async Task Long_lists_are_paged()
    {
        var root = Fixtures.Copy("sections");
        for (var i = 0; i < 25; i++)
        {
            File.WriteAllText(Path.Combine(root, "highlights", $"extra-{i:D2}.md"), $"---\ntitle: Extra {i:D2}\ndate: 2023-01-{i + 1:D2}\n---\nBody.\n");
        }
        await using var factory = await PortalFactory.CreateAsync(root, clock: new FakeTimeProvider(Now));
        var client = factory.CreatePlainClient();

        var first = await Html.GetAsync(client, "/highlights/");
        var second = await Html.GetAsync(client, "/highlights/?page=2");

        Assert.Equal(20, first.QuerySelectorAll(".page-card").Length);
        Assert.Equal("/highlights/?page=2", first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
        Assert.Equal(8, second.QuerySelectorAll(".page-card").Length);
        Assert.Equal("Extra 00", second.QuerySelectorAll(".page-card-title a")[^1].TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/highlights/?page=3")).StatusCode);
    }

    [Theory]
    [InlineData("/news/?page=999", HttpStatusCode.NotFound)]
    [InlineData("/highlights/?page=999", HttpStatusCode.NotFound)]
    [InlineData("/highlights/tags/genomics/?page=2", HttpStatusCode.NotFound)]
    [InlineData("/events/?page=999", HttpStatusCode.NotFound)]
    [InlineData("/events/past/?page=0", HttpStatusCode.NotFound)]
    [InlineData("/sv/news/?page=2", HttpStatusCode.NotFound)]
    [InlineData("/news/?page=1", HttpStatusCode.OK)]
    [InlineData("/highlights/?page=x", HttpStatusCode.BadRequest)]
    [InlineData("/events/?page=x", HttpStatusCode.BadRequest)]
    public async Task Every_list_answers_a_page_that_does_not_exist_the_same_way(string url, HttpStatusCode expected)
    {
        Assert.Equal(expected, (await _client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Upcoming_events_come_soonest_first_and_past_ones_most_recent_first()
    {
        Assert.Equal(["Webinar: data, sharing; and more", "Spring workshop", "All-day course", "Autumn seminar"], await Titles("/events/"));
        Assert.Equal(["Past workshop"], await Titles("/events/past/"));
    }

    [Theory]
    [InlineData("?type=webinar", new[] { "Webinar: data, sharing; and more" })]
    [InlineData("?mode=online", new[] { "Webinar: data, sharing; and more", "Autumn seminar" })]
    [InlineData("?mode=onsite", new[] { "Spring workshop", "All-day course" })]
    [InlineData("?month=2025-03", new[] { "Spring workshop" })]
    [InlineData("?type=workshop&mode=onsite&month=2025-03", new[] { "Spring workshop" })]
    [InlineData("?type=conference", new string[0])]
    public async Task Filters_are_plain_query_strings(string query, string[] expected)
    {
        Assert.Equal(expected, await Titles("/events/" + query));
    }

    [Theory]
    [InlineData("/events/?q=lund", new[] { "All-day course" })]
    [InlineData("/events/?q=aao", new[] { "Webinar: data, sharing; and more" })]
    [InlineData("/events/?q=SPRING%20Work&mode=onsite", new[] { "Spring workshop" })]
    [InlineData("/sv/events/?q=webbinar", new[] { "Webbinarium: data" })]
    public async Task Event_words_match_as_the_start_of_words_with_accents_folded(string url, string[] expected)
    {
        Assert.Equal(expected, await Titles(url));
    }

    [Fact]
    public async Task Event_facets_count_under_the_other_choices_and_keep_a_choice_that_matches_nothing()
    {
        var document = await Html.GetAsync(_client, "/events/?mode=online&type=workshop");

        Assert.Equal("0 events", document.QuerySelector(".result-count")!.TextContent);
        Assert.Equal(["Remove filter: Type: Workshop ×", "Remove filter: Online or on site: Online ×"], document.QuerySelectorAll(".chosen a.chip-remove").Select(a => a.TextContent.Trim()));
        Assert.Equal(["/events/?mode=online", "/events/?type=workshop"], document.QuerySelectorAll(".chosen a.chip-remove").Select(a => a.GetAttribute("href")));
        // Upcoming online events by type (the portal's order of types), with the chosen workshop kept at 0.
        Assert.Equal(["Seminar 1", "Webinar 1", "Remove filter: Workshop 0"], document.QuerySelector(".facet")!.QuerySelectorAll("li").Select(li => li.TextContent.Trim()));

        var swedish = await Html.GetAsync(_client, "/sv/events/?month=2025-02");
        Assert.Equal("1 evenemang", swedish.QuerySelector(".result-count")!.TextContent);
        Assert.Equal("Ta bort filtret: Månad: februari 2025 ×", swedish.QuerySelector(".chosen a.chip-remove")!.TextContent.Trim());
    }

    [Fact]
    public async Task Invalid_filter_values_get_a_clear_message_in_the_visitors_language()
    {
        var response = await _client.GetAsync("/sv/events/?month=2025-13&type=party");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = (await Html.ParseAsync(response)).QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("Ange månaden som ÅÅÅÅ-MM", text, StringComparison.Ordinal);
        Assert.Contains("Okänd typ av evenemang", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/events/dst-spring/", "2025-03-30T10:00+02:00")]
    [InlineData("/events/dst-autumn/", "2025-10-26T10:00+01:00")]
    public async Task Event_times_are_Stockholm_time_across_daylight_saving(string url, string datetime)
    {
        var document = await Html.GetAsync(_client, url);

        Assert.Equal(datetime, document.QuerySelector(".event-details time")!.GetAttribute("datetime"));
        Assert.Contains("10:00", document.QuerySelector(".event-details time")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_passed_registration_deadline_is_announced()
    {
        var document = await Html.GetAsync(_client, "/events/dst-spring/");

        Assert.Contains("Registration for this event has closed.", document.QuerySelector(".notice-warning")!.TextContent, StringComparison.Ordinal);
        Assert.Null(document.QuerySelector(".event-details a[href='https://example.org/register']"));
        Assert.Null((await Html.GetAsync(_client, "/events/soon-webinar/")).QuerySelector(".notice-warning"));
    }

    [Fact]
    public async Task ICalendar_follows_the_rfc_5545_rules()
    {
        var response = await _client.GetAsync("/events/calendar.ics");
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);

        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        var physical = text[..^2].Split("\r\n");
        Assert.DoesNotContain(physical, line => line.Contains('\n', StringComparison.Ordinal) || line.Contains('\r', StringComparison.Ordinal));
        Assert.All(physical, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"line longer than 75 octets: {line}"));
        var unfolded = text.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("BEGIN:VCALENDAR", unfolded[0]);
        Assert.Equal("END:VCALENDAR", unfolded[^1]);
        Assert.Equal(unfolded.Count(l => l == "BEGIN:VEVENT"), unfolded.Count(l => l == "END:VEVENT"));
        Assert.Equal(4, unfolded.Count(l => l == "BEGIN:VEVENT"));
        Assert.Equal(4, unfolded.Count(l => l.StartsWith("UID:", StringComparison.Ordinal)));
        Assert.Equal(4, unfolded.Count(l => l.StartsWith("DTSTAMP:", StringComparison.Ordinal)));
        Assert.Contains("SUMMARY:Webinar: data\\, sharing\\; and more", unfolded);
        Assert.Contains(unfolded, l => l.StartsWith("DESCRIPTION:", StringComparison.Ordinal) && l.Contains("backslashes \\\\ and Swedish letters åäö", StringComparison.Ordinal));
        Assert.Contains("DTSTART:20250330T080000Z", unfolded);
        Assert.Contains("DTSTART:20251026T090000Z", unfolded);
        Assert.Contains("DTSTART;VALUE=DATE:20250514", unfolded);
        Assert.Contains("DTEND;VALUE=DATE:20250516", unfolded);
    }

    [Fact]
    public async Task An_event_has_the_same_uid_in_both_languages()
    {
        static string Uid(string ics) => ics.Split("\r\n").Single(l => l.StartsWith("UID:", StringComparison.Ordinal));

        var english = await _client.GetStringAsync("/events/soon-webinar/event.ics");
        var swedish = await _client.GetStringAsync("/sv/events/soon-webinar/event.ics");

        Assert.Equal(Uid(english), Uid(swedish));
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/events/no-such-event/event.ics")).StatusCode);
    }

    [Theory]
    [InlineData("/highlights/feed.xml", "en", 3)]
    [InlineData("/sv/highlights/feed.xml", "sv", 1)]
    [InlineData("/news/feed.xml", "en", 1)]
    [InlineData("/events/feed.xml", "en", 4)]
    public async Task Feeds_are_valid_atom_with_absolute_urls(string url, string language, int entries)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        XNamespace atom = "http://www.w3.org/2005/Atom";

        Assert.Equal(atom + "feed", feed.Name);
        Assert.Equal(language, feed.Attribute(XNamespace.Xml + "lang")?.Value);
        Assert.Equal("http://localhost" + url, feed.Elements(atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
        Assert.NotNull(feed.Element(atom + "updated"));
        Assert.Equal(entries, feed.Elements(atom + "entry").Count());
        Assert.All(feed.Elements(atom + "entry"), entry =>
        {
            Assert.StartsWith("http://localhost/", entry.Element(atom + "id")!.Value, StringComparison.Ordinal);
            Assert.NotNull(entry.Element(atom + "updated"));
            Assert.NotNull(entry.Element(atom + "title"));
            Assert.NotNull(entry.Element(atom + "author"));
        });
    }

    [Fact]
    public async Task Section_pages_announce_their_feeds()
    {
        var document = await Html.GetAsync(_client, "/sv/highlights/");

        Assert.Equal("http://localhost/sv/highlights/feed.xml", document.QuerySelector("link[rel=alternate][type='application/atom+xml']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Sitemap_lists_every_page_with_hreflang_alternates_and_robots_points_to_it()
    {
        var sitemap = XDocument.Parse(await _client.GetStringAsync("/sitemap.xml")).Root!;
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        XNamespace xhtml = "http://www.w3.org/1999/xhtml";
        var urls = sitemap.Elements(ns + "url").ToList();

        Assert.Equal(_factory.Content.Current.Pages.Count, urls.Count);
        var highlight = urls.Single(u => u.Element(ns + "loc")!.Value == "http://localhost/highlights/a/");
        Assert.Equal(["en", "sv"], highlight.Elements(xhtml + "link").Select(l => l.Attribute("hreflang")!.Value).Order());
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", await _client.GetStringAsync("/robots.txt"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/", "WebSite")]
    [InlineData("/sv/", "WebSite")]
    [InlineData("/highlights/a/", "Article")]
    [InlineData("/sv/highlights/a/", "Article")]
    [InlineData("/news/first/", "NewsArticle")]
    [InlineData("/events/dst-spring/", "Event")]
    [InlineData("/sv/events/soon-webinar/", "Event")]
    [InlineData("/highlights/", null)]
    [InlineData("/sv/events/", null)]
    public async Task Every_page_kind_has_title_description_canonical_social_tags_and_json_ld(string url, string? schemaType)
    {
        var document = await Html.GetAsync(_client, url);

        Assert.False(string.IsNullOrWhiteSpace(document.Title));
        Assert.False(string.IsNullOrWhiteSpace(document.QuerySelector("meta[name=description]")?.GetAttribute("content")));
        Assert.StartsWith("http://localhost/", document.QuerySelector("link[rel=canonical]")!.GetAttribute("href"), StringComparison.Ordinal);
        foreach (var property in new[] { "og:title", "og:type", "og:url", "og:image", "og:locale" })
        {
            Assert.False(string.IsNullOrWhiteSpace(document.QuerySelector($"meta[property='{property}']")?.GetAttribute("content")), property);
        }
        Assert.Equal("summary_large_image", document.QuerySelector("meta[name='twitter:card']")?.GetAttribute("content"));
        var script = document.QuerySelector("script[type='application/ld+json']");
        if (schemaType is null)
        {
            Assert.Null(script);
            return;
        }
        using var json = JsonDocument.Parse(script!.TextContent);
        Assert.Equal(schemaType, json.RootElement.GetProperty("@type").GetString());
        Assert.Equal(document.DocumentElement.GetAttribute("lang"), json.RootElement.GetProperty("inLanguage").GetString());
        if (schemaType == "Event")
        {
            Assert.True(json.RootElement.TryGetProperty("startDate", out _));
            Assert.True(json.RootElement.TryGetProperty("location", out _));
        }
    }

    [Fact]
    public async Task Notices_show_during_their_window_only_in_the_visitors_language()
    {
        var english = await Html.GetAsync(_client, "/news/first/");
        var swedish = await Html.GetAsync(_client, "/sv/");

        Assert.Equal(["Maintenance this week."], english.QuerySelectorAll(".site-notice").Select(n => n.TextContent.Trim()));
        Assert.Equal(["Underhåll den här veckan."], swedish.QuerySelectorAll(".site-notice").Select(n => n.TextContent.Trim()));
        Assert.Contains("site-notice-warning", english.QuerySelector(".site-notice")!.ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_page_shows_latest_highlights_upcoming_events_and_news()
    {
        var document = await Html.GetAsync(_client, "/");

        Assert.Equal(["Highlight B", "Highlight A", "Highlight C"], document.QuerySelectorAll("#home-highlights + .page-list .page-card-title a").Select(a => a.TextContent));
        Assert.Equal("Webinar: data, sharing; and more", document.QuerySelector("#home-events + .page-list .page-card-title a")!.TextContent);
        Assert.Equal("First news", document.QuerySelector("#home-news + .page-list .page-card-title a")!.TextContent);
    }

    [Fact]
    public async Task Calendar_and_feeds_pass_real_parsers()
    {
        var folder = Directory.CreateTempSubdirectory("portal-parse-").FullName;
        await File.WriteAllBytesAsync(Path.Combine(folder, "events.ics"), await _client.GetByteArrayAsync("/events/calendar.ics"));
        await File.WriteAllBytesAsync(Path.Combine(folder, "event.ics"), await _client.GetByteArrayAsync("/sv/events/soon-webinar/event.ics"));
        foreach (var feed in new[] { "highlights", "news", "events" })
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, feed + ".xml"), await _client.GetByteArrayAsync($"/{feed}/feed.xml"));
        }
        const string script = """
            import sys, glob, icalendar, feedparser
            folder = sys.argv[1]
            for path in glob.glob(folder + "/*.ics"):
                calendar = icalendar.Calendar.from_ical(open(path, "rb").read())
                events = calendar.walk("VEVENT")
                assert events, path
                for event in events:
                    assert event.get("UID") and event.get("DTSTART") and event.get("DTSTAMP"), path
            for path in glob.glob(folder + "/*.xml"):
                parsed = feedparser.parse(path)
                assert not parsed.bozo, (path, parsed.get("bozo_exception"))
                assert parsed.version == "atom10", (path, parsed.version)
                assert parsed.entries, path
            print("ok")
            """;
        var info = new ProcessStartInfo("/usr/bin/python3") { ArgumentList = { "-c", script, folder }, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, error);
        Assert.Equal("ok", output.Trim());
    }
}

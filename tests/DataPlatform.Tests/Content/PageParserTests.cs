using System.Text;
using DataPlatform.Content;

namespace DataPlatform.Tests.Content;

public class PageParserTests
{
    private static ParsedFile Parse(string text, SiteLanguage? language = null) =>
        PageParser.Parse(text, "test.md", language ?? SiteLanguage.English);

    [Fact]
    public void Reads_yaml_front_matter_and_keeps_unknown_keys()
    {
        var parsed = Parse("---\ntitle: Hello\ncustom_key: kept\nTags: [a, b]\n---\n\nBody text.\n");

        Assert.NotNull(parsed.FrontMatter);
        Assert.Equal("Hello", parsed.FrontMatter.Title);
        Assert.Equal("kept", parsed.FrontMatter.GetString("custom_key"));
        Assert.Equal(["a", "b"], parsed.FrontMatter.Tags);
        Assert.Contains("<p>Body text.</p>", parsed.Html, StringComparison.Ordinal);
        Assert.Empty(parsed.Diagnostics);
    }

    [Fact]
    public void A_body_that_starts_with_a_rule_keeps_all_its_text()
    {
        var parsed = Parse("---\ntitle: Rules\n---\n---\nStill here.\n\n---\n\nMore text.\n");

        Assert.Equal("Rules", parsed.FrontMatter!.Title);
        Assert.Equal("<hr />\n<p>Still here.</p>\n<hr />\n<p>More text.</p>\n", parsed.Html);
    }

    [Fact]
    public void A_summary_in_markdown_is_kept_as_its_text()
    {
        var parsed = Parse("---\ntitle: S\nsummary: \"**Bold** and [a link](/x/) with _emphasis_\"\n---\nBody.\n");

        Assert.Equal("Bold and a link with emphasis", parsed.Summary);
    }

    [Fact]
    public void Search_text_has_no_markdown_syntax_nor_heading_anchors()
    {
        var parsed = Parse("---\ntitle: H\n---\n## Data *sharing*\n\nSee [the guide](/guide/) and **more**.\n");

        // Tags become spaces (a block ends a word), hence the space before the full stop.
        Assert.Equal("Data sharing See the guide and more .", DataPlatform.Web.Search.SearchIndex.PlainText(parsed.Html));
    }

    [Fact]
    public void Front_matter_after_line_one_is_an_error_naming_the_line()
    {
        var parsed = Parse("\n\n---\ntitle: Late\n---\nBody\n");

        Assert.Null(parsed.FrontMatter);
        var error = Assert.Single(parsed.Diagnostics);
        Assert.Equal(("front-matter-not-first-line", 3, Severity.Error), (error.Code, error.Line, error.Severity));
        Assert.Contains("line 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_yaml_reports_the_file_line()
    {
        var parsed = Parse("---\ntitle: ok\ntags: [unclosed\nother: x\n---\nBody\n");

        Assert.Null(parsed.FrontMatter);
        var error = Assert.Single(parsed.Diagnostics);
        Assert.Equal("front-matter-yaml", error.Code);
        Assert.InRange(error.Line, 2, 5);
    }

    [Fact]
    public void Unclosed_front_matter_is_an_error()
    {
        var parsed = Parse("---\ntitle: never closed\n\nBody\n");

        Assert.Equal("front-matter-unclosed", Assert.Single(parsed.Diagnostics).Code);
    }

    [Fact]
    public void Invalid_utf8_is_reported_with_its_line()
    {
        var bytes = Encoding.UTF8.GetBytes("---\ntitle: x\n---\nline four\n").Concat(new byte[] { 0x66, 0xE5, 0x72, 0x0A }).ToArray();

        var parsed = PageParser.Parse(bytes, "latin1.md", SiteLanguage.English);

        var error = Assert.Single(parsed.Diagnostics);
        Assert.Equal(("encoding", 5), (error.Code, error.Line));
    }

    [Fact]
    public void Toml_front_matter_is_understood()
    {
        var parsed = Parse("+++\ntitle = \"TOML\"\ndate = 2024-01-02\ntags = [\"a\", \"b\"]\n[menu.main]\nweight = 5\n+++\nBody\n");

        Assert.NotNull(parsed.FrontMatter);
        Assert.Equal("TOML", parsed.FrontMatter.Title);
        Assert.Equal(["a", "b"], parsed.FrontMatter.Tags);
        Assert.Equal(5, Assert.Single(parsed.FrontMatter.Menus).Weight);
        Assert.Equal(new DateTime(2024, 1, 2), parsed.FrontMatter.Date!.Value.Date);
    }

    [Fact]
    public void Tables_footnotes_autolinks_and_heading_ids_render()
    {
        var parsed = Parse("---\ntitle: x\n---\n## Å heading\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nSee https://example.org and a note[^1].\n\n[^1]: Note.\n");

        Assert.Contains("<table>", parsed.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org\"", parsed.Html, StringComparison.Ordinal);
        Assert.Contains("class=\"footnotes\"", parsed.Html, StringComparison.Ordinal);
        var heading = Assert.Single(parsed.Headings);
        Assert.Equal((2, "Å heading"), (heading.Level, heading.Text));
        Assert.Contains($"id=\"{heading.Id}\"", parsed.Html, StringComparison.Ordinal);
        Assert.Contains($"href=\"#{heading.Id}\"", parsed.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Known_shortcodes_render_unknown_ones_vanish_with_one_warning_each()
    {
        var parsed = Parse("""
            ---
            title: x
            ---
            {{< figure src="/a.png" alt="Alt text" caption="Cap" >}}

            {{< tweet 1 >}} and {{< tweet 2 >}}

            {{% notice warning %}}Be **careful**.{{% /notice %}}

            {{< mystery >}}inner words{{< /mystery >}}
            """);

        Assert.DoesNotContain("{{", parsed.Html, StringComparison.Ordinal);
        Assert.Contains("<figure><img src=\"/a.png\" alt=\"Alt text\"", parsed.Html, StringComparison.Ordinal);
        Assert.Contains("<figcaption>Cap</figcaption>", parsed.Html, StringComparison.Ordinal);
        Assert.Contains("<strong>careful</strong>", parsed.Html, StringComparison.Ordinal);
        Assert.Contains("inner words", parsed.Html, StringComparison.Ordinal);
        var warnings = parsed.Diagnostics.Where(d => d.Code == "unknown-shortcode").ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.Message.Contains("'tweet'", StringComparison.Ordinal) && w.Line == 6 && w.Message.Contains("2 uses", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Message.Contains("'mystery'", StringComparison.Ordinal));
    }

    [Fact]
    public void Links_and_images_are_collected_with_lines_including_raw_html()
    {
        var parsed = Parse("---\ntitle: x\n---\n[a](/about/)\n\n![](/img/no-alt.png)\n\n<a href=\"/raw/\">raw</a> <img src=\"/img/raw.png\">\n");

        Assert.Contains(parsed.Links, l => l is { Url: "/about/", Line: 4, IsImage: false });
        Assert.Contains(parsed.Links, l => l is { Url: "/img/no-alt.png", Line: 6, IsImage: true, HasAltText: false });
        Assert.Contains(parsed.Links, l => l is { Url: "/raw/", Line: 8 });
        Assert.Contains(parsed.Links, l => l is { Url: "/img/raw.png", IsImage: true, HasAltText: false });
    }

    [Theory]
    [InlineData("2024-06-10", "2024-06-10T00:00:00+02:00")]
    [InlineData("2024-01-10T09:30", "2024-01-10T09:30:00+01:00")]
    [InlineData("2024-03-31 03:30", "2024-03-31T03:30:00+02:00")]
    [InlineData("2024-10-27T12:00:00Z", "2024-10-27T12:00:00+00:00")]
    [InlineData("2024-10-27T12:00:00+05:00", "2024-10-27T12:00:00+05:00")]
    public void Dates_without_offset_are_Stockholm_time(string text, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), FrontMatter.ParseDate(text));
    }

    [Fact]
    public void Summary_falls_back_to_the_first_paragraph()
    {
        var parsed = Parse("---\ntitle: x\n---\n# Heading\n\nThe first *real* paragraph.\n\nSecond.\n");

        Assert.Equal("The first real paragraph.", parsed.Summary);
    }
}

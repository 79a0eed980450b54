using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using DataPlatform.Content;
using DataPlatform.Tests.Infrastructure;

namespace DataPlatform.Tests.Outputs;

/// <summary>
/// Record pages as Zotero's "Embedded Metadata" translator reads them (the <c>citation_*</c> tags) and as schema.org
/// readers do (JSON-LD), over every record of the shipped sample and records made for the hard cases (a group author,
/// a "None" author, a preprint, no abstract, a page range, a structured abstract), in both languages; and the one-record
/// exports, which must give the same item.
/// </summary>
public sealed class RecordPageTests(RecordPageTests.RecordsPortal portal) : IClassFixture<RecordPageTests.RecordsPortal>
{
    public sealed class RecordsPortal : PortalFixture
    {
        protected override Task<PortalFactory> CreateAsync() => PortalFactory.CreateAsync(Fixtures.Path("records"));
    }

    private readonly PortalFactory _factory = portal.Factory;
    private readonly HttpClient _client = portal.Client;

    /// <summary>The records as the file holds them, read here without the portal's parser.</summary>
    private static List<JsonElement> RawRecords()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Fixtures.Path("records"), "data", "publications.json")));
        return document.RootElement.GetProperty("publications").EnumerateArray().Select(r => r.Clone()).ToList();
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString()!.Trim() is { Length: > 0 } s ? s : null;

    private static List<string> Meta(IDocument page, string name) =>
        page.QuerySelectorAll($"meta[name='{name}']").Select(m => m.GetAttribute("content")!).ToList();

    [Theory]
    [InlineData("")]
    [InlineData("/sv")]
    public async Task Every_record_of_the_sample_gives_the_translator_its_authors_abstract_pages_type_and_language(string prefix)
    {
        var records = RawRecords();
        Assert.Equal(303, records.Count);
        foreach (var raw in records)
        {
            var id = Text(raw, "iuid")!;
            var page = await Html.GetAsync(_client, $"{prefix}/publications/{id}/");
            var because = $"record {id}";

            Assert.True(Meta(page, "citation_title").SequenceEqual([Text(raw, "title")!]), because);
            var people = raw.GetProperty("authors").EnumerateArray()
                .Select(a => (Family: Text(a, "family"), Given: Text(a, "given"), Initials: Text(a, "initials")))
                .Where(a => a.Family is not null && !(a.Family == "None" && a.Given is null))
                .ToList();
            var groups = people.Count(a => a.Given is null && a.Initials is null);
            var expectedAuthors = people.Select(a => a.Given is null && a.Initials is null ? a.Family + "," : a.Given is null ? a.Family! : $"{a.Family}, {a.Given}").ToList();
            Assert.True(expectedAuthors.SequenceEqual(Meta(page, "citation_author")), because);

            var summary = Text(raw, "abstract");
            Assert.Equal(summary is null ? [] : [summary], Meta(page, "citation_abstract"));
            // Without an abstract, nothing that could pass for one.
            var descriptions = page.QuerySelectorAll("meta[name='description'], meta[property='og:description'], meta[name='twitter:description']").Length;
            Assert.True((summary is null ? 0 : 3) == descriptions, because);

            var type = Text(raw, "type");
            var preprint = type is "posted-content" or "preprint";
            var journal = raw.TryGetProperty("journal", out var j) && j.ValueKind == JsonValueKind.Object ? j : default;
            var pages = journal.ValueKind == JsonValueKind.Object ? Text(journal, "pages") : null;
            if (preprint)
            {
                Assert.True(Meta(page, "citation_journal_title").Count == 0, because);
                Assert.Equal(["preprint"], Meta(page, "z.itemType"));
                var mixed = (Text(journal, "volume") ?? Text(journal, "issue") ?? pages) is not null;
                Assert.Equal(mixed ? [] : [Text(journal, "title")!.TrimEnd('.')], Meta(page, "citation_publisher"));
            }
            else
            {
                Assert.Empty(Meta(page, "z.itemType"));
                Assert.Empty(Meta(page, "citation_publisher"));
                if (pages is not null && pages.Split('-') is [var first, var last])
                {
                    Assert.Equal([first], Meta(page, "citation_firstpage"));
                    Assert.Equal([last], Meta(page, "citation_lastpage"));
                }
            }
            Assert.Equal(["en"], Meta(page, "citation_language"));

            using var jsonLd = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
            AssertNoNulls(jsonLd.RootElement, because);
            var headline = jsonLd.RootElement.GetProperty("headline").GetString()!;
            var title = Text(raw, "title")!;
            Assert.True(headline == title || (headline.EndsWith('…') && headline.Length <= 110 && title.StartsWith(headline[..^1], StringComparison.Ordinal) && title[headline.Length - 1] is ' ' or ',' or ';' or ':' or '.'), because);
            var organizations = jsonLd.RootElement.TryGetProperty("author", out var authors) ? authors.EnumerateArray().Count(a => a.GetProperty("@type").GetString() == "Organization") : 0;
            Assert.True(groups == organizations, because);
        }
    }

    private static void AssertNoNulls(JsonElement element, string because)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                Assert.Fail($"{because}: a null in the JSON-LD");
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    AssertNoNulls(property.Value, because + "." + property.Name);
                }
                break;
            case JsonValueKind.Array:
                Assert.True(element.GetArrayLength() > 0, because + ": an empty list");
                foreach (var item in element.EnumerateArray())
                {
                    AssertNoNulls(item, because);
                }
                break;
        }
    }

    [Fact]
    public async Task A_group_author_is_one_name_and_a_none_author_is_left_out_and_reported()
    {
        var page = await Html.GetAsync(_client, "/publications/group0001/");

        Assert.Equal(["Grøsland, Nicolò", "NEMA Research Group,"], Meta(page, "citation_author"));
        Assert.Equal("Nicolò Grøsland, NEMA Research Group", page.QuerySelector(".publication-authors")!.TextContent.Trim());
        using var jsonLd = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var authors = jsonLd.RootElement.GetProperty("author");
        Assert.Equal("""{"@type":"Organization","name":"NEMA Research Group"}""", authors[1].GetRawText());
        Assert.Equal(("4481", "4490", "149", "3"), (jsonLd.RootElement.GetProperty("pageStart").GetString(), jsonLd.RootElement.GetProperty("pageEnd").GetString(),
            jsonLd.RootElement.GetProperty("volumeNumber").GetString(), jsonLd.RootElement.GetProperty("issueNumber").GetString()));
        Assert.Equal("A consortium's findings on everything that a very long title can hold, and then some more words to pass the…",
            jsonLd.RootElement.GetProperty("headline").GetString());
        // The journal's own full stop is not doubled.
        Assert.Equal("Epidemiol. Infect. 2021;149(3):4481-4490", page.QuerySelectorAll(".facts dd")[2].TextContent.Trim());

        var diagnostics = _factory.Content.Current.Diagnostics;
        Assert.Contains(diagnostics, d => d is { Code: "publication-author", Severity: Severity.Warning }
            && d.Message == "Record 301 (group0001): author 3 is 'None', a placeholder rather than a name; it is left out.");
        Assert.Equal(3, diagnostics.Count(d => d.Code == "publication-author"));
        Assert.Contains(diagnostics, d => d is { Code: "publication-mixed-preprint" } && d.Message.StartsWith("Record ", StringComparison.Ordinal)
            && d.Message.Contains("(90e7835a18214ccabf92e7659c5a9709) is a preprint (DOI 10.1101/2020.12.15.20248279) with a journal's details (EBioMedicine, volume 65, pages 103277)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_structured_abstract_keeps_its_paragraphs_under_headings_and_linked_data_is_listed_once_near_the_top()
    {
        var page = await Html.GetAsync(_client, "/sv/publications/group0001/");

        Assert.Equal(["Background", "Methods", "Results", "Conclusions"], page.QuerySelectorAll(".abstract h3").Select(h => h.TextContent));
        Assert.Equal(["Groups write papers.", "We counted them.", "There were many.", "Keep their names whole."], page.QuerySelectorAll(".abstract p").Select(p => p.TextContent));
        Assert.Equal(["BioProject: PRJNA681574"], page.QuerySelectorAll(".facts .data-links li").Select(li => li.TextContent.Trim()));

        var preprint = await Html.GetAsync(_client, "/publications/preprint01/");
        Assert.Equal(["First paragraph.", "Second paragraph."], preprint.QuerySelectorAll(".abstract p").Select(p => p.TextContent));
        Assert.Equal(["Posted on", "medRxiv. 2020"], [preprint.QuerySelectorAll(".facts dt")[2].TextContent, preprint.QuerySelectorAll(".facts dd")[2].TextContent.Trim()]);
    }

    [Fact]
    public async Task The_record_offers_its_reference_to_copy_and_as_bibtex_ris_and_csl_json_files_that_say_what_the_page_says()
    {
        var page = await Html.GetAsync(_client, "/sv/publications/group0001/");

        Assert.Equal("Grøsland N, NEMA Research Group. A consortium's findings on everything that a very long title can hold, and then some more words to pass the limit of a headline. Epidemiol. Infect. 2021;149(3):4481-4490. doi:10.1000/group.1",
            page.QuerySelector(".cite .reference")!.TextContent);
        Assert.Equal(["/sv/publications/group0001/cite.bib", "/sv/publications/group0001/cite.ris", "/sv/publications/group0001/cite.csl.json"],
            page.QuerySelectorAll(".cite a[download]").Select(a => a.GetAttribute("href")));

        var bib = await _client.GetAsync("/sv/publications/group0001/cite.bib");
        Assert.Equal("group0001.bib", bib.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal("""
            @article{grosland2021-group000,
              title = {A consortium's findings on everything that a very long title can hold, and then some more words to pass the limit of a headline},
              author = {Grøsland, Nicolò and {NEMA Research Group}},
              journal = {Epidemiol. Infect.},
              issn = {0950-2688},
              year = {2021},
              month = {may},
              volume = {149},
              number = {3},
              pages = {4481--4490},
              doi = {10.1000/group.1},
              pmid = {30000001},
              pmcid = {PMC900001},
              langid = {english},
              abstract = {BACKGROUND: Groups write papers. METHODS: We counted them. RESULTS: There were many. CONCLUSIONS: Keep their names whole.},
              url = {http://localhost/sv/publications/group0001/},
            }
            """.ReplaceLineEndings("\n") + "\n\n", await bib.Content.ReadAsStringAsync());

        var preprintBib = await _client.GetStringAsync("/publications/preprint01/cite.bib");
        Assert.StartsWith("@misc{odemis2020-preprint,\n  title = {A preprint about Åhlberg's method},\n  author = {Ödemis, Åsa},\n  howpublished = {medRxiv},\n  publisher = {medRxiv},\n  note = {Preprint},\n", preprintBib, StringComparison.Ordinal);
        Assert.DoesNotContain("journal", preprintBib, StringComparison.Ordinal);

        var ris = await _client.GetStringAsync("/publications/preprint01/cite.ris");
        Assert.StartsWith("TY  - UNPB\r\nTI  - A preprint about Åhlberg's method\r\nAU  - Ödemis, Åsa\r\nPB  - medRxiv\r\nPY  - 2020\r\n", ris, StringComparison.Ordinal);
        var groupRis = await _client.GetStringAsync("/publications/group0001/cite.ris");
        Assert.Contains("AU  - Grøsland, Nicolò\r\nAU  - NEMA Research Group\r\nT2  - Epidemiol. Infect.\r\n", groupRis, StringComparison.Ordinal);
        Assert.Contains("SP  - 4481\r\nEP  - 4490\r\nSN  - 0950-2688\r\n", groupRis, StringComparison.Ordinal);

        var csl = await _client.GetAsync("/publications/group0001/cite.csl.json");
        Assert.Equal("application/vnd.citationstyles.csl+json", csl.Content.Headers.ContentType!.MediaType);
        using var items = JsonDocument.Parse(await csl.Content.ReadAsStringAsync());
        var item = Assert.Single(items.RootElement.EnumerateArray());
        Assert.Equal("article-journal", item.GetProperty("type").GetString());
        Assert.Equal([("Grøsland", "Nicolò", null), (null, null, "NEMA Research Group")], item.GetProperty("author").EnumerateArray()
            .Select(a => (Text(a, "family"), Text(a, "given"), Text(a, "literal"))));
        Assert.Equal("[[2021,5,14]]", item.GetProperty("issued").GetProperty("date-parts").GetRawText());
        // The same item as the page's tags.
        var meta = await Html.GetAsync(_client, "/publications/group0001/");
        Assert.Equal(Meta(meta, "citation_title")[0], item.GetProperty("title").GetString());
        Assert.Equal(Meta(meta, "citation_doi")[0], item.GetProperty("DOI").GetString());
        Assert.Equal(Meta(meta, "citation_issn")[0], item.GetProperty("ISSN").GetString());
        Assert.Equal(Meta(meta, "citation_abstract")[0], item.GetProperty("abstract").GetString());
        Assert.Equal(Meta(meta, "citation_language")[0], item.GetProperty("language").GetString());
        Assert.Equal($"{Meta(meta, "citation_firstpage")[0]}-{Meta(meta, "citation_lastpage")[0]}", item.GetProperty("page").GetString());

        using var preprintCsl = JsonDocument.Parse(await _client.GetStringAsync("/publications/preprint01/cite.csl.json"));
        Assert.Equal(("article", "medRxiv", false), (preprintCsl.RootElement[0].GetProperty("type").GetString(), preprintCsl.RootElement[0].GetProperty("publisher").GetString(),
            preprintCsl.RootElement[0].TryGetProperty("container-title", out _)));
    }

    [Theory]
    [InlineData("/publications/group0001/cite.txt", HttpStatusCode.NotFound)]
    [InlineData("/publications/nothing-here/cite.bib", HttpStatusCode.NotFound)]
    [InlineData("/publications/GROUP0001/cite.bib", HttpStatusCode.NotFound)]
    public async Task A_citation_file_that_does_not_exist_is_a_404(string url, HttpStatusCode expected)
    {
        Assert.Equal(expected, (await _client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task A_record_opened_from_a_filtered_list_links_back_to_that_list_and_only_to_it()
    {
        var list = await Html.GetAsync(_client, "/sv/publications/?year=2021&label=Category%3A+Health");
        var link = list.QuerySelectorAll(".publication-title a").First(a => a.GetAttribute("href")!.StartsWith("/sv/publications/group0001/", StringComparison.Ordinal)).GetAttribute("href")!;
        Assert.Equal("/sv/publications/group0001/?from=year%3D2021%26label%3DCategory%253A%2520Health", link);

        var record = await Html.GetAsync(_client, link);
        Assert.Equal("/sv/publications/?year=2021&label=Category%3A%20Health", record.QuerySelector(".back-link a")!.GetAttribute("href"));
        Assert.Equal("← Tillbaka till träffarna", record.QuerySelector(".back-link a")!.TextContent);
        Assert.Equal("http://localhost/sv/publications/group0001/", record.QuerySelector("link[rel='canonical']")!.GetAttribute("href"));

        // Only the list's own keys come back; anything else is dropped.
        var hostile = await Html.GetAsync(_client, "/publications/group0001/?from=" + Uri.EscapeDataString("year=2021&next=https://evil.example&q=<script>"));
        Assert.Equal("/publications/?year=2021&q=%3Cscript%3E", hostile.QuerySelector(".back-link a")!.GetAttribute("href"));
        var plain = await Html.GetAsync(_client, "/publications/group0001/");
        Assert.Equal(("/publications/", "← All publications"), (plain.QuerySelector(".back-link a")!.GetAttribute("href"), plain.QuerySelector(".back-link a")!.TextContent));
    }
}

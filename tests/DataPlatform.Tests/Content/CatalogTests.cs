using System.Net;
using System.Text.Json;
using DataPlatform.Content;
using DataPlatform.Tests.Infrastructure;

namespace DataPlatform.Tests.Content;

/// <summary>Catalogues from data files: precise errors, English fallback, filters and counts, entry pages with JSON-LD, search and sitemap.</summary>
public sealed class CatalogTests(CatalogTests.CatalogPortal portal) : IClassFixture<CatalogTests.CatalogPortal>
{
    public sealed class CatalogPortal : PortalFixture
    {
        protected override async Task<PortalFactory> CreateAsync()
        {
            var factory = await PortalFactory.CreateAsync(Fixtures.Path("catalog"));
            await factory.WaitForSearchIndexAsync();
            return factory;
        }
    }

    private readonly PortalFactory _factory = portal.Factory;
    private readonly HttpClient _client = portal.Client;

    private static ContentSnapshot Load() => new ContentLoader(new ContentOptions { Root = Fixtures.Path("catalog") }).Load();

    [Theory]
    [InlineData(6, "Entry 1, field 'id': is required")]
    [InlineData(7, "Entry 2 ('Bad_Id'), field 'id': use lower-case letters")]
    [InlineData(9, "Entry 3 ('good-source'), field 'id': the id is already used by entry 0")]
    [InlineData(13, "Entry 4 ('no-english'), field 'name.en': the English text is required")]
    [InlineData(16, "Entry 5 ('wrong-values'), field 'audience': 'students' is not one of researchers, facilities")]
    [InlineData(17, "Entry 5 ('wrong-values'), field 'access': 'secret' is not one of open, restricted")]
    [InlineData(21, "Entry 6 ('bad-links'), field 'links.homepage': is not an http(s) address")]
    [InlineData(22, "Entry 6 ('bad-links'), field 'links.contact_email': is not an email address")]
    [InlineData(23, "Entry 6 ('bad-links'), field 'links.blog': is not a known link")]
    public void Each_invalid_entry_is_reported_with_file_line_entry_and_field(int line, string message)
    {
        var diagnostic = Assert.Single(Load().Diagnostics, d => d.Message.StartsWith(message, StringComparison.Ordinal));

        Assert.Equal(("data/data_sources.yaml", line, "catalog-entry", Severity.Error), (diagnostic.File, diagnostic.Line, diagnostic.Code, diagnostic.Severity));
    }

    [Fact]
    public void Unknown_fields_are_warnings_and_the_entry_is_kept()
    {
        var snapshot = Load();

        Assert.Contains(snapshot.Diagnostics, d => d is { Severity: Severity.Warning, Line: 26 } && d.Message.Contains("field 'colour'", StringComparison.Ordinal));
        Assert.Equal(["extra-field", "good-source"], snapshot.Catalogs["data-sources"].Entries.Select(e => e.Id).Order());
        Assert.Equal(3, snapshot.Catalogs["services"].Entries.Count);
    }

    [Theory]
    [InlineData("/services/", 3)]
    [InlineData("/services/?audience=facilities", 2)]
    [InlineData("/services/?audience=researchers&kind=analysis", 1)]
    [InlineData("/services/?access=restricted", 1)]
    [InlineData("/services/?q=genome", 1)]
    [InlineData("/sv/services/?q=genom", 1)]
    [InlineData("/data-sources/?keyword=sequences", 1)]
    [InlineData("/services/?kind=nothing-like-this", 0)]
    public async Task Filters_are_query_strings_with_a_count(string url, int expected)
    {
        var document = await Html.GetAsync(_client, url);

        Assert.Equal(expected, document.QuerySelectorAll(".catalog-list .page-card").Length);
        Assert.StartsWith($"{expected} ", document.QuerySelector(".result-count")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(expected == 0, document.QuerySelector(".empty") is not null);
    }

    [Theory]
    [InlineData("/services/?page=2", HttpStatusCode.NotFound)]
    [InlineData("/sv/data-sources/?page=0", HttpStatusCode.NotFound)]
    [InlineData("/resources/?page=many", HttpStatusCode.BadRequest)]
    public async Task A_catalogue_page_that_does_not_exist_answers_like_every_other_list(string url, HttpStatusCode expected)
    {
        Assert.Equal(expected, (await _client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Entry_pages_exist_in_both_languages_with_fallback_to_english()
    {
        var swedish = await Html.GetAsync(_client, "/sv/services/facility-storage/");
        var translated = await Html.GetAsync(_client, "/sv/services/analysis-pipeline/");

        Assert.Equal("Facility storage", swedish.QuerySelector("h1")!.TextContent);
        Assert.Equal("sv", swedish.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(swedish.QuerySelector(".notice-translation"));
        Assert.Equal("Analysflöde", translated.QuerySelector("h1")!.TextContent);
        Assert.Null(translated.QuerySelector(".notice-translation"));
        Assert.NotNull(translated.QuerySelector(".prose strong"));
        // Related highlights by title (the highlight is in English only: marked so), never by slug.
        var related = translated.QuerySelectorAll("h2 + ul a").Single(a => a.GetAttribute("href") == "/sv/highlights/genome/");
        Assert.Equal(("A highlight", "en"), (related.TextContent, related.GetAttribute("lang")));
        var english = await Html.GetAsync(_client, "/services/analysis-pipeline/");
        Assert.Equal("Audience", english.QuerySelectorAll("dt").Single(dt => dt.TextContent == "Audience").TextContent);
        Assert.Equal("Researchers", english.QuerySelectorAll("dt").Single(dt => dt.TextContent == "Audience").NextElementSibling!.TextContent);
    }

    [Theory]
    [InlineData("/services/analysis-pipeline/", "SoftwareApplication")]
    [InlineData("/sv/data-sources/good-source/", "Dataset")]
    [InlineData("/data-sources/", "DataCatalog")]
    [InlineData("/services/", "ItemList")]
    public async Task Pages_carry_valid_json_ld(string url, string type)
    {
        var document = await Html.GetAsync(_client, url);

        using var json = JsonDocument.Parse(document.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal(type, json.RootElement.GetProperty("@type").GetString());
    }

    [Fact]
    public async Task Entries_are_in_search_and_the_sitemap()
    {
        Assert.Contains("Analysis pipeline", await _client.GetStringAsync("/search/?q=pipelines"), StringComparison.Ordinal);
        var sitemap = await _client.GetStringAsync("/sitemap.xml");
        Assert.Contains("/services/analysis-pipeline/", sitemap, StringComparison.Ordinal);
        Assert.Contains("/sv/data-sources/good-source/", sitemap, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_json_schema_is_published_and_matches_the_model()
    {
        var response = await _client.GetAsync("/schemas/catalog.schema.json");

        Assert.Equal("application/schema+json", response.Content.Headers.ContentType?.MediaType);
        using var schema = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var items = schema.RootElement.GetProperty("items");
        Assert.Equal(["id", "name"], items.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        var properties = items.GetProperty("properties");
        foreach (var field in new[] { "id", "name", "description", "type", "category", "audience", "keywords", "provider", "links", "licence", "access", "related_highlights" })
        {
            Assert.True(properties.TryGetProperty(field, out _), field);
        }
        Assert.True(properties.GetProperty("links").GetProperty("properties").TryGetProperty("contact_email", out _));
        Assert.Equal(["researchers", "facilities"], properties.GetProperty("audience").GetProperty("items").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task The_repositorys_catalogues_load_without_problems()
    {
        var snapshot = new ContentLoader(new ContentOptions { Root = Fixtures.Portal }).Load();

        Assert.DoesNotContain(snapshot.Diagnostics, d => d.Code.StartsWith("catalog", StringComparison.Ordinal));
        Assert.All(["services", "data-sources", "resources"], c => Assert.NotEmpty(snapshot.Catalogs[c].Entries));
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/services/analysis-pipeline/")).StatusCode);
    }

    [Fact]
    public async Task Swedish_catalogue_pages_name_types_and_keywords_by_the_vocabulary_and_english_ones_as_written()
    {
        var root = Fixtures.Copy("catalog");
        File.WriteAllText(Path.Combine(root, "data", "vocabulary.yaml"), "sv:\n  analysis: analys\n  genomics: genomik\n  sequences: sekvenser\n");
        await using var factory = await PortalFactory.CreateAsync(root);
        var client = factory.CreatePlainClient();

        var swedish = await Html.GetAsync(client, "/sv/services/");
        var english = await Html.GetAsync(client, "/services/");

        Assert.Equal("analys", FacetValue(swedish, "kind", "analysis"));
        var sources = await Html.GetAsync(client, "/sv/data-sources/");
        Assert.Equal("genomik", FacetValue(sources, "kind", "genomics"));
        Assert.Equal("sekvenser", FacetValue(sources, "keyword", "sequences"));
        Assert.Equal("analysis", FacetValue(english, "kind", "analysis"));
        Assert.Contains(factory.Content.Current.Diagnostics, d => d is { Code: "vocabulary-missing" } && d.Message == "'storage' has no Swedish name; Swedish pages show it as it is.");
    }

    /// <summary>The text of the facet link that adds <paramref name="key"/>=<paramref name="value"/> to a catalogue list.</summary>
    private static string FacetValue(AngleSharp.Dom.IDocument document, string key, string value) =>
        document.QuerySelectorAll(".facets a").Single(a => a.GetAttribute("href")!.EndsWith($"?{key}={value}", StringComparison.Ordinal)).TextContent;

    [Fact]
    public async Task Catalogue_facets_count_under_the_other_choices_and_keep_a_choice_that_matches_nothing()
    {
        var document = await Html.GetAsync(_client, "/services/?audience=facilities&kind=analysis");

        Assert.Equal("0 of 3 match", document.QuerySelector(".result-count")!.TextContent);
        Assert.Equal(["Remove filter: Type: analysis ×", "Remove filter: Audience: Facilities ×"], document.QuerySelectorAll(".chosen a.chip-remove").Select(a => a.TextContent.Trim()));
        Assert.Equal(["/services/?audience=facilities", "/services/?kind=analysis"], document.QuerySelectorAll(".chosen a.chip-remove").Select(a => a.GetAttribute("href")));
        // Access and keyword count nothing under both choices, so they are not drawn.
        Assert.Equal(["Type", "Audience"], document.QuerySelectorAll(".facet > summary").Select(s => s.TextContent));
        // Types counted among the entries for facilities, whatever type is chosen: storage 1, training 1, and the chosen analysis 0.
        Assert.Equal(["analysis 0", "storage 1", "training 1"], document.QuerySelector(".facet")!.QuerySelectorAll("li").Select(li => li.TextContent.Replace("Remove filter: ", "", StringComparison.Ordinal).Trim()).Order(StringComparer.Ordinal));

        var swedish = await Html.GetAsync(_client, "/sv/services/?access=open");
        Assert.Equal("2 av 3 matchar", swedish.QuerySelector(".result-count")!.TextContent);
        Assert.Equal(["Typ", "Målgrupp", "Åtkomst", "Nyckelord"], swedish.QuerySelectorAll(".facet > summary").Select(s => s.TextContent));
        Assert.Equal("Ta bort filtret: Åtkomst: Öppen ×", swedish.QuerySelector(".chosen a.chip-remove")!.TextContent.Trim());
    }
}

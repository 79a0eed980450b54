using System.Net;
using DataPlatform.Content;
using DataPlatform.Tests.Infrastructure;

namespace DataPlatform.Tests.Search;

/// <summary>
/// Finding things as a new user would: without accents, by identifier, with a typo; filters that never hide; the
/// data's words in Swedish. Over the outputs fixture (publications in search) and a copy of the search fixture.
/// </summary>
public sealed class FindingTests(FindingTests.FindingPortal portal) : IClassFixture<FindingTests.FindingPortal>
{
    public sealed class FindingPortal : PortalFixture
    {
        protected override async Task<PortalFactory> CreateAsync()
        {
            var root = Fixtures.Copy("outputs");
            // Pages in both languages with accents, one spelled exactly and one without them, for the ranking.
            Directory.CreateDirectory(Path.Combine(root, "news"));
            File.WriteAllText(Path.Combine(root, "news", "open.sv.md"), "---\ntitle: Oppna data i Norden\ndate: 2024-01-01\n---\nDatahantering och öppna data för alla forskare.\n");
            File.WriteAllText(Path.Combine(root, "news", "exact.sv.md"), "---\ntitle: Öppna data i Sverige\ndate: 2023-01-01\n---\nTjänster för datahantering.\n");
            File.WriteAllText(Path.Combine(root, "news", "_index.sv.md"), "---\ntitle: Nyheter\n---\n");
            File.WriteAllText(Path.Combine(root, "news", "_index.md"), "---\ntitle: News\n---\n");
            File.WriteAllText(Path.Combine(root, "news", "microscopy.md"), "---\ntitle: Microscopy images\ndate: 2024-02-01\n---\nImaging genomes with light microscopy.\n");
            // The data's own "Type:" label group, named like the portal's type facet.
            var publications = Path.Combine(root, "data", "publications.json");
            File.WriteAllText(publications, File.ReadAllText(publications).Replace("\"Research Area: Epidemiology\": null", "\"Research Area: Epidemiology\": null, \"Type: Review Article\": null", StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(root, "data", "vocabulary.yaml"),
                "sv:\n  Category: Kategori\n  Funder: Finansiär\n  Research Area: Forskningsområde\n  Type: Typ\n  Genomics: Genomik\n");
            var factory = await PortalFactory.CreateAsync(root);
            await factory.WaitForSearchIndexAsync();
            return factory;
        }
    }

    private readonly HttpClient _client = portal.Client;

    private async Task<List<string>> Titles(string url) =>
        (await Html.GetAsync(_client, url)).QuerySelectorAll(".publication-title a, .search-result-title a").Select(a => a.TextContent).ToList();

    [Theory]
    [InlineData("Kääriäinen", "kaariainen")]
    [InlineData("Piñana Øster Łukasz straße", "pinana oster lukasz strasse")]
    [InlineData("Ångström ÆON", "angstrom aeon")]
    [InlineData("ÖPPNA data", "oppna data")]
    public void Text_folds_case_accents_and_ligatures(string text, string folded) =>
        Assert.Equal(folded, TextQuery.Fold(text));

    [Theory]
    [InlineData("/publications/?q=oberg", "Genomes of the winter flounder")]
    [InlineData("/publications/?q=%C3%96BERG+%C3%A5sa", "Genomes of the winter flounder")]
    [InlineData("/sv/publications/?q=asa+oberg", "Genomes of the winter flounder")]
    [InlineData("/sv/search/?q=tjanster", "Öppna data i Sverige")]
    public async Task Words_typed_without_accents_find_what_their_accented_spelling_finds(string url, string first)
    {
        var titles = await Titles(url);

        Assert.Equal(first, titles[0]);
    }

    [Theory]
    [InlineData("/sv/search/?q=oppna+data", "/sv/search/?q=%C3%B6ppna+data")]
    [InlineData("/publications/?q=oberg&sort=title", "/publications/?q=%C3%96berg&sort=title")]
    [InlineData("/search/?q=o%CC%88berg", "/search/?q=oberg")]
    public async Task A_word_without_its_accents_finds_the_same_as_with_them(string folded, string accented)
    {
        var found = await Titles(folded);

        Assert.NotEmpty(found);
        Assert.Equal((await Titles(accented)).Order(), found.Order());
    }

    [Fact]
    public async Task The_exact_spelling_ranks_above_a_match_that_is_only_folded()
    {
        Assert.Equal(["Öppna data i Sverige", "Oppna data i Norden"], await Titles("/sv/search/?q=%C3%B6ppna"));
        Assert.Equal(["Oppna data i Norden", "Öppna data i Sverige"], await Titles("/sv/search/?q=oppna"));
    }

    [Theory]
    [InlineData("/publications/?q=34000001", "/publications/aaa111/")]
    [InlineData("/publications/?q=PMID%3A+34000001", "/publications/aaa111/")]
    [InlineData("/publications/?q=https%3A%2F%2Fdoi.org%2F10.1000%2FABC.123", "/publications/aaa111/")]
    [InlineData("/publications/?q=doi%3A10.1000%2Fabc.123", "/publications/aaa111/")]
    [InlineData("/publications/?q=PMC100001", "/publications/aaa111/")]
    [InlineData("/sv/publications/?q=ccc333", "/sv/publications/ccc333/")]
    [InlineData("/search/?q=34000001", "/publications/aaa111/")]
    [InlineData("/sv/search/?q=http%3A%2F%2Fdx.doi.org%2F10.1000%2Fabc.123", "/sv/publications/aaa111/")]
    public async Task An_identifier_in_either_search_box_goes_straight_to_its_record(string url, string record)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(record, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_accession_number_narrows_the_datasets()
    {
        var page = await Html.GetAsync(_client, "/datasets/?q=ERR000001");

        Assert.Equal(["European Nucleotide Archive: ERR000001"], page.QuerySelectorAll(".publication-title").Select(h => h.TextContent.Trim()));
        Assert.Equal("1 of 4 datasets", page.QuerySelector(".result-count")!.TextContent);
        Assert.Equal("/datasets/", page.QuerySelector(".chosen a.chip-remove")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync("/sv/datasets/?q=" + new string('x', 201))).StatusCode);
    }

    [Theory]
    [InlineData("/sv/search/?q=datahanterng", "datahantering", "/sv/search/?q=datahantering")]
    [InlineData("/search/?q=microscopu+imagse", "microscopy images", "/search/?q=microscopy%20images")]
    public async Task A_search_that_finds_nothing_suggests_the_nearest_words_of_the_site(string url, string suggestion, string link)
    {
        var page = await Html.GetAsync(_client, url);

        var suggested = page.QuerySelector(".search-suggestion a")!;
        Assert.Equal(suggestion, suggested.TextContent);
        Assert.Equal(link, suggested.GetAttribute("href"));
        Assert.Equal(suggestion, (await Html.GetAsync(_client, link)).QuerySelector("#search-page-q")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Search_results_are_counted_per_section_as_tabs()
    {
        var page = await Html.GetAsync(_client, "/search/?q=genomes");

        Assert.Equal(["All sections 3", "News 1", "Publications 2"], page.QuerySelectorAll(".search-tabs a").Select(a => a.TextContent.Trim().Replace("\n", " ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Chosen_filters_that_match_nothing_stay_visible_each_with_its_own_remove_link()
    {
        var page = await Html.GetAsync(_client, "/publications/?year=2019&label=Category%3A+Genomics");

        Assert.Equal("0 of 5 publications", page.QuerySelector(".result-count")!.TextContent);
        Assert.Equal(["Remove filter: Year: 2019 ×", "Remove filter: Category: Genomics ×"], page.QuerySelectorAll(".chosen a.chip-remove").Select(a => a.TextContent.Trim()));
        Assert.Equal(["/publications/?label=Category%3A%20Genomics", "/publications/?year=2019"], page.QuerySelectorAll(".chosen a.chip-remove").Select(a => a.GetAttribute("href")));
        Assert.Equal("/publications/", page.QuerySelector(".chosen li:last-child a")!.GetAttribute("href"));
        Assert.Empty(page.QuerySelectorAll("a[download]"));
        var genomics = page.QuerySelectorAll(".facet li").Single(li => li.QuerySelector("a")!.TextContent.EndsWith("Genomics", StringComparison.Ordinal));
        Assert.Equal(("true", "0"), (genomics.QuerySelector("a")!.GetAttribute("aria-current"), genomics.QuerySelector(".count")!.TextContent));
    }

    [Fact]
    public async Task Every_facet_has_a_heading_of_its_own_and_the_swedish_page_names_the_datas_words_in_swedish()
    {
        var english = (await Html.GetAsync(_client, "/publications/")).QuerySelectorAll(".facet > summary").Select(s => s.TextContent).ToList();
        var swedish = await Html.GetAsync(_client, "/sv/publications/?label=Category%3A+Genomics");

        Assert.Equal(english.Count, english.Distinct().Count());
        Assert.Equal(["Year", "Type", "Category", "Funder", "Research Area", "Type (as labelled in the data)", "Linked data"], english);
        Assert.Equal(["År", "Typ", "Kategori", "Finansiär", "Forskningsområde", "Typ (enligt märkningen i datan)", "Länkade data"], swedish.QuerySelectorAll(".facet > summary").Select(s => s.TextContent));
        Assert.Equal("Ta bort filtret: Kategori: Genomik ×", swedish.QuerySelector(".chosen a.chip-remove")!.TextContent.Trim());
        Assert.Equal("/sv/publications/", swedish.QuerySelector(".chosen a.chip-remove")!.GetAttribute("href"));
        Assert.Contains(portal.Factory.Content.Current.Diagnostics, d => d is { Code: "vocabulary-missing", File: "data/vocabulary.yaml" }
            && d.Message == "'Wallenberg' has no Swedish name; Swedish pages show it as it is.");
    }

    [Fact]
    public async Task Words_order_by_relevance_unless_another_order_is_chosen()
    {
        var page = await Html.GetAsync(_client, "/publications/?q=review");

        Assert.Equal("relevance", page.QuerySelector("#publications-sort option[selected]")!.GetAttribute("value"));
        Assert.Equal("A review of everything", (await Titles("/publications/?q=review"))[0]);
        Assert.Equal("newest", (await Html.GetAsync(_client, "/publications/")).QuerySelector("#publications-sort option[selected]")!.GetAttribute("value"));
    }
}

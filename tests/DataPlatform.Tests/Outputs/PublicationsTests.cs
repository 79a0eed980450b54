using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using DataPlatform.Tests.Infrastructure;

namespace DataPlatform.Tests.Outputs;

/// <summary>The publications and datasets pages over the outputs fixture: facets and counts, filters, charts, record pages, exports, feed.</summary>
public sealed class PublicationsTests(PublicationsTests.OutputsPortal portal) : IClassFixture<PublicationsTests.OutputsPortal>
{
    public sealed class OutputsPortal : PortalFixture
    {
        protected override async Task<PortalFactory> CreateAsync()
        {
            var factory = await PortalFactory.CreateAsync(Fixtures.Path("outputs"));
            await factory.WaitForSearchIndexAsync();
            return factory;
        }
    }

    private readonly PortalFactory _factory = portal.Factory;
    private readonly HttpClient _client = portal.Client;

    private async Task<List<string>> Titles(string url) =>
        (await Html.GetAsync(_client, url)).QuerySelectorAll(".publication-title a").Select(a => a.TextContent).ToList();

    private async Task<Dictionary<string, string>> Facet(string url, string title) =>
        (await Html.GetAsync(_client, url)).QuerySelectorAll(".facet").Single(f => f.QuerySelector("summary")!.TextContent == title)
            .QuerySelectorAll("li").ToDictionary(li => li.QuerySelector("a")!.TextContent.Replace("Remove filter: ", "", StringComparison.Ordinal).Trim(), li => li.QuerySelector(".count")!.TextContent);

    [Theory]
    [InlineData("/publications/", 5)]
    [InlineData("/publications/?year=2021", 2)]
    [InlineData("/publications/?type=preprint", 1)]
    [InlineData("/publications/?label=Category%3A+Genomics", 2)]
    [InlineData("/publications/?label=Category%3A+Genomics&label=Funder%3A+Wallenberg", 1)]
    [InlineData("/publications/?data=yes", 1)]
    [InlineData("/publications/?q=FLOUNDER+reads", 1)]
    [InlineData("/publications/?q=%C3%B6berg", 1)]
    [InlineData("/publications/?year=2021&type=journal-article&label=Funder%3A+VR&q=genomes", 1)]
    [InlineData("/sv/publications/?year=2019", 1)]
    [InlineData("/publications/?q=nothing+like+this", 0)]
    [InlineData("/publications/?q=genom+flound", 1)]
    [InlineData("/publications/?q=%21%21%21", 5)]
    public async Task Filters_combine_as_query_strings_with_the_number_matching(string url, int expected)
    {
        var document = await Html.GetAsync(_client, url);

        Assert.Equal(expected, document.QuerySelectorAll(".publication").Length);
        Assert.StartsWith($"{expected} ", document.QuerySelector(".result-count")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sorting_is_newest_oldest_or_by_title()
    {
        Assert.Equal("Genomes of the winter flounder", (await Titles("/publications/"))[0]);
        Assert.Equal("Case report", (await Titles("/publications/?sort=oldest"))[1]);
        Assert.Equal(["=HYPERLINK(\"http://evil.example\") a preprint on proteins", "A review of everything", "An editorial with a bad DOI and a bad date", "Case report", "Genomes of the winter flounder"],
            await Titles("/publications/?sort=title"));
    }

    [Fact]
    public async Task Facet_counts_come_from_the_data_and_the_other_filters()
    {
        Assert.Equal(new Dictionary<string, string> { ["2021"] = "2", ["2020"] = "1", ["2019"] = "1" }, await Facet("/publications/", "Year"));
        // Choosing 2021 still shows what the other years have; the other facets count within 2021.
        Assert.Equal(new Dictionary<string, string> { ["2021"] = "2", ["2020"] = "1", ["2019"] = "1" }, await Facet("/publications/?year=2021", "Year"));
        Assert.Equal(new Dictionary<string, string> { ["Journal article"] = "1", ["Preprint"] = "1" }, await Facet("/publications/?year=2021", "Type"));
        Assert.Equal(new Dictionary<string, string> { ["Genomics"] = "2", ["Proteins"] = "1" }, await Facet("/publications/", "Category"));
        Assert.Equal(new Dictionary<string, string> { ["VR"] = "1", ["Wallenberg"] = "1" }, await Facet("/publications/", "Funder"));
        Assert.Equal(new Dictionary<string, string> { ["Epidemiology"] = "1" }, await Facet("/publications/", "Research Area"));
        Assert.Equal(new Dictionary<string, string> { ["Tidskriftsartikel"] = "2", ["Preprint"] = "1", ["Ledare"] = "1", ["Annat"] = "1" }, await Facet("/sv/publications/", "Typ"));
    }

    [Fact]
    public async Task A_facet_link_adds_its_value_and_a_chosen_value_links_to_its_removal()
    {
        var document = await Html.GetAsync(_client, "/publications/?year=2021&type=journal-article");
        var links = document.QuerySelectorAll(".facet a").ToDictionary(a => a.TextContent.Replace("Remove filter: ", "", StringComparison.Ordinal).Trim(), a => a.GetAttribute("href"));

        Assert.Equal("/publications/?type=journal-article", links["2021"]);
        Assert.Equal("/publications/?year=2020&type=journal-article", links["2020"]);
        Assert.Equal("/publications/?year=2021", links["Journal article"]);
        Assert.Equal("/publications/?year=2021&type=journal-article&label=Funder%3A%20VR", links["VR"]);
        Assert.Equal("true", document.QuerySelector(".facet a[href='/publications/?type=journal-article']")!.GetAttribute("aria-current"));
    }

    [Theory]
    [InlineData("/publications/?year=twenty", "The year must be a number like 2021, not “twenty”.")]
    [InlineData("/publications/?type=book", "There is no publication type “book”; choose one from the list.")]
    [InlineData("/publications/?label=Genomics", "A label is written as Group: Value, such as Category: Health, not “Genomics”.")]
    [InlineData("/publications/?label=Category%3A+Astrology", "No publication has the label “Category: Astrology”.")]
    [InlineData("/publications/?data=maybe", "“Has linked data” is data=yes, not “maybe”.")]
    [InlineData("/publications/?sort=random", "Sort by relevance, newest, oldest or title, not “random”.")]
    [InlineData("/sv/publications/?type=book", "Det finns ingen publikationstyp ”book”; välj en i listan.")]
    public async Task Unknown_or_malformed_values_get_a_clear_message(string url, string message)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, (await Html.ParseAsync(response)).QuerySelector(".error-summary li")!.TextContent);
    }

    [Theory]
    [InlineData("/publications/?page=2", HttpStatusCode.NotFound)]
    [InlineData("/publications/?page=x", HttpStatusCode.BadRequest)]
    [InlineData("/publications/no-such-record/", HttpStatusCode.NotFound)]
    [InlineData("/publications/export.xls", HttpStatusCode.NotFound)]
    [InlineData("/publications/export.csv?year=abc", HttpStatusCode.BadRequest)]
    [InlineData("/publications/?q=%00%FF", HttpStatusCode.OK)]
    public async Task Odd_requests_get_exact_answers(string url, HttpStatusCode expected)
    {
        Assert.Equal(expected, (await _client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task The_list_charts_publications_per_year_by_type_with_the_numbers_as_a_table()
    {
        var document = await Html.GetAsync(_client, "/publications/");
        var chart = document.QuerySelector("#chart-years")!;
        var svg = chart.QuerySelector("svg")!;

        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("Publications per year", svg.QuerySelector("title")!.TextContent);
        Assert.Equal("4 publications from 2019 to 2021; the most, 2, in 2021.", svg.QuerySelector("desc")!.TextContent);
        Assert.Equal(["2019, Other: 1", "2020, Journal article: 1", "2021, Journal article: 1", "2021, Preprint: 1"],
            svg.QuerySelectorAll("rect > title").Select(t => t.TextContent).Order(StringComparer.Ordinal));
        var rows = chart.QuerySelectorAll("table tbody tr").Select(r => string.Join("|", r.Children.Select(c => c.TextContent))).ToList();
        Assert.Equal(["2019|0|0|1|1", "2020|1|0|0|1", "2021|1|1|0|2"], rows);
        Assert.Equal(["Year", "Journal article", "Preprint", "Other", "Total"], chart.QuerySelectorAll("table thead th").Select(th => th.TextContent));
        Assert.Equal("Most common: Category", document.QuerySelector("#chart-labels figcaption")!.TextContent);
    }

    [Fact]
    public async Task A_record_page_has_everything_and_what_reference_managers_read()
    {
        var document = await Html.GetAsync(_client, "/publications/aaa111/");
        string Meta(string name) => document.QuerySelector($"meta[name='{name}']")!.GetAttribute("content")!;

        Assert.Equal("Genomes of the winter flounder", document.QuerySelector("h1")!.TextContent);
        Assert.Equal("Genomes of the winter flounder", Meta("citation_title"));
        Assert.Equal(["Öberg, Åsa", "Smith, John"], document.QuerySelectorAll("meta[name='citation_author']").Select(m => m.GetAttribute("content")));
        Assert.Equal(("2021/12", "10.1000/abc.123", "Nat Genet", "1700", "34000001"),
            (Meta("citation_publication_date"), Meta("citation_doi"), Meta("citation_journal_title"), Meta("citation_firstpage"), Meta("citation_pmid")));
        Assert.Equal("https://doi.org/10.1000/abc.123", document.QuerySelector("a[href^='https://doi.org/']")!.GetAttribute("href"));
        Assert.NotNull(document.QuerySelector("a[href='https://pubmed.ncbi.nlm.nih.gov/34000001/']"));
        Assert.NotNull(document.QuerySelector("a[href='https://www.ncbi.nlm.nih.gov/pmc/articles/PMC100001/']"));
        Assert.NotNull(document.QuerySelector("a[href='https://orcid.org/0000-0002-1825-0097']"));
        Assert.Equal("December 2021", document.QuerySelector("time")!.TextContent);
        Assert.Equal(["/publications/?label=Category%3A%20Genomics", "/publications/?label=Funder%3A%20VR", "/publications/?label=Funder%3A%20Wallenberg"],
            document.QuerySelectorAll(".chips a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["https://www.ebi.ac.uk/ena/browser/view/PRJEB1234", "https://www.ebi.ac.uk/ena/browser/view/ERR000001", "https://www.rcsb.org/structure/1ABC"],
            document.QuerySelectorAll(".data-links a").Select(a => a.GetAttribute("href")));
        using var jsonLd = JsonDocument.Parse(document.QuerySelector("script[type='application/ld+json']")!.TextContent);
        Assert.Equal(("ScholarlyArticle", "https://doi.org/10.1000/abc.123", "2021-12"),
            (jsonLd.RootElement.GetProperty("@type").GetString(), jsonLd.RootElement.GetProperty("@id").GetString(), jsonLd.RootElement.GetProperty("datePublished").GetString()));
        Assert.Equal("Åsa Öberg", jsonLd.RootElement.GetProperty("author")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_record_in_swedish_keeps_the_english_text_marked_as_english()
    {
        var document = await Html.GetAsync(_client, "/sv/publications/aaa111/");

        Assert.Equal("sv", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("en", document.QuerySelector("article")!.GetAttribute("lang"));
        Assert.Equal("december 2021", document.QuerySelector("time")!.TextContent);
        Assert.Equal("Tidskriftsartikel", document.QuerySelector(".facts dd a")!.TextContent);
    }

    [Fact]
    public async Task The_csv_export_holds_exactly_the_filtered_records_formula_safe_with_a_dated_name()
    {
        var response = await _client.GetAsync("/publications/export.csv?year=2021");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);
        var lines = text.TrimStart('\uFEFF').TrimEnd().Split("\r\n");

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"publications-2021-{DataPlatform.Content.Stockholm.ToLocal(DateTimeOffset.UtcNow):yyyy-MM-dd}.csv", response.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("id,title,authors,type,published,journal,volume,issue,pages,doi,pmid,pmc,labels,has_data,url", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("aaa111,Genomes of the winter flounder,Öberg Å; Smith J,journal-article,2021-12,Nat Genet,53,12,1700-1710,10.1000/abc.123,34000001,PMC100001,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("bbb222,\"'=HYPERLINK(\"\"http://evil.example\"\") a preprint on proteins\",", lines[2].Replace("\t", "'", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_json_bibtex_and_ris_exports_hold_the_same_records()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/publications/export.json?label=Category%3A+Genomics"));
        var bib = await _client.GetStringAsync("/publications/export.bib?label=Category%3A+Genomics");
        var ris = await _client.GetStringAsync("/publications/export.ris?label=Category%3A+Genomics");

        Assert.Equal(["aaa111", "ccc333"], json.RootElement.EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.Equal("2021-12", json.RootElement[0].GetProperty("published").GetString());
        Assert.Equal(2, bib.Split("\n@", StringSplitOptions.None).Length);
        Assert.Contains("@article{oberg2021-aaa111,\n  title = {Genomes of the winter flounder},\n  author = {Öberg, Åsa and Smith, John},\n  journal = {Nat Genet},\n  issn = {1061-4036},\n  year = {2021},\n  month = {dec},", bib, StringComparison.Ordinal);
        Assert.Contains("  doi = {10.1000/abc.123},\n", bib, StringComparison.Ordinal);
        Assert.Equal(2, ris.Split("ER  - \r\n").Length - 1);
        Assert.Contains("TY  - JOUR\r\nTI  - Genomes of the winter flounder\r\nAU  - Öberg, Åsa\r\nAU  - Smith, John\r\nT2  - Nat Genet\r\nPY  - 2021\r\nDA  - 2021/12//\r\n", ris, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_export_links_on_the_page_carry_the_filter()
    {
        var document = await Html.GetAsync(_client, "/sv/publications/?year=2021&type=preprint");

        Assert.Equal(["/sv/publications/export.csv?year=2021&type=preprint", "/sv/publications/export.json?year=2021&type=preprint",
            "/sv/publications/export.bib?year=2021&type=preprint", "/sv/publications/export.ris?year=2021&type=preprint", "/sv/publications/export.csl.json?year=2021&type=preprint"],
            document.QuerySelectorAll(".active-filters a[download]").Select(a => a.GetAttribute("href")));
        Assert.Equal(["CSV", "JSON", "BIB", "RIS", "CSL-JSON"], document.QuerySelectorAll(".active-filters a[download]").Select(a => a.TextContent));
    }

    [Fact]
    public async Task The_publications_charts_offer_their_numbers_for_exactly_the_filtered_list()
    {
        var document = await Html.GetAsync(_client, "/sv/publications/?year=2021");
        var links = document.QuerySelectorAll(".chart-figure .downloads a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Equal("/sv/publications/chart-years.csv?year=2021", links[0]);
        var csv = await _client.GetAsync(links[0]);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').TrimEnd().Split("\r\n");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("chart-years-2021-", csv.Content.Headers.ContentDisposition!.FileNameStar, StringComparison.Ordinal);
        Assert.Equal("År", lines[0].Split(',')[0]);
        Assert.Equal(["2021"], lines[1..].Select(l => l.Split(',')[0]));
        // The row's counts add up to the list's count.
        var count = int.Parse(document.QuerySelector(".result-count")!.TextContent.Split(' ')[0], CultureInfo.InvariantCulture);
        Assert.Equal(count, lines[1].Split(',')[1..].Sum(v => v.Length == 0 ? 0 : int.Parse(v, CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync("/publications/chart-years.csv?year=abc")).StatusCode);
    }

    [Fact]
    public async Task The_feed_lists_the_newest_publications()
    {
        var feed = XDocument.Parse(await _client.GetStringAsync("/sv/publications/feed.xml"));
        XNamespace atom = "http://www.w3.org/2005/Atom";

        Assert.Equal("sv", feed.Root!.Attribute(XNamespace.Xml + "lang")!.Value);
        Assert.Equal(["Genomes of the winter flounder", "=HYPERLINK(\"http://evil.example\") a preprint on proteins", "A review of everything", "Case report", "An editorial with a bad DOI and a bad date"],
            feed.Root.Elements(atom + "entry").Select(e => e.Element(atom + "title")!.Value));
        Assert.Equal("http://localhost/sv/publications/aaa111/", feed.Root.Elements(atom + "entry").First().Element(atom + "id")!.Value);
    }

    [Fact]
    public async Task Datasets_list_links_each_item_to_its_entry_and_its_paper()
    {
        var document = await Html.GetAsync(_client, "/datasets/");

        Assert.Equal(4, document.QuerySelectorAll(".publication").Length);
        Assert.Equal("https://www.ebi.ac.uk/ena/browser/view/ERR000001", document.QuerySelector(".publication-title a")!.GetAttribute("href"));
        Assert.Equal(2, document.QuerySelectorAll(".publication-authors a[href='/publications/aaa111/']").Length);
        Assert.Equal(2, document.QuerySelectorAll(".publication-authors a[href='https://doi.org/10.1000/elsewhere.5']").Length);
        Assert.Null(document.QuerySelector("a[href^='javascript:']"));
        var repositories = document.QuerySelectorAll(".facet")[0].QuerySelectorAll("li").Select(li => li.TextContent.Trim().Replace("\n", " ", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, repositories.Count);
        Assert.Equal(1, (await Html.GetAsync(_client, "/datasets/?repository=zenodo")).QuerySelectorAll(".publication").Length);
        Assert.Equal(2, (await Html.GetAsync(_client, "/sv/datasets/?year=2021")).QuerySelectorAll(".publication").Length);
    }

    [Fact]
    public async Task Datasets_export_exactly_the_filtered_items_and_an_item_without_repository_is_named_by_what_it_has()
    {
        var document = await Html.GetAsync(_client, "/sv/datasets/?year=2020");

        Assert.Equal(["/sv/datasets/export.csv?year=2020", "/sv/datasets/export.json?year=2020"], document.QuerySelectorAll(".active-filters a[download]").Select(a => a.GetAttribute("href")));
        Assert.Equal(["Zenodo", "Supplement"], document.QuerySelectorAll(".publication-title").Select(h => h.TextContent.Trim()));
        Assert.Contains(document.QuerySelectorAll(".facet li a"), a => a.TextContent == "Inget arkiv" && a.GetAttribute("href") == "/sv/datasets/?repository=%E2%80%93&year=2020");

        var csv = await _client.GetAsync("/sv/datasets/export.csv?year=2020");
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').TrimEnd().Split("\r\n");
        Assert.Equal("title,repository,accession,url,kind,data_types,description,paper_doi,paper_title,published,paper_page", lines[0]);
        Assert.Equal(["Zenodo", "Supplement"], lines[1..].Select(l => l.Split(',')[0]));
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/datasets/export.json?repository=European+Nucleotide+Archive"));
        var item = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(("European Nucleotide Archive: ERR000001", "http://localhost/publications/aaa111/"), (item.GetProperty("title").GetString(), item.GetProperty("paper_page").GetString()));
        Assert.Contains(_factory.Content.Current.Diagnostics, d => d is { Code: "dataset-repository" } && d.Message == "Paper 2 (10.1000/elsewhere.5): an item names no repository; it is listed as 'Supplement'.");
    }

    [Fact]
    public async Task A_list_the_portal_draws_exists_in_both_languages_introduced_by_its_section_in_whichever_language_it_has()
    {
        // The publications section is written in English only; the Swedish list is the portal's, with that introduction marked as English.
        var swedish = await Html.GetAsync(_client, "/sv/publications/");

        Assert.Equal(("Publikationer", "en", "What the research produced."),
            (swedish.QuerySelector("h1")!.TextContent, swedish.QuerySelector(".prose")!.GetAttribute("lang"), swedish.QuerySelector(".prose")!.TextContent.Trim()));

        var root = Fixtures.Copy("outputs");
        File.Delete(Path.Combine(root, "data", "datasets.json"));
        Directory.CreateDirectory(Path.Combine(root, "datasets"));
        File.WriteAllText(Path.Combine(root, "datasets", "_index.md"), "---\ntitle: Our datasets\n---\nThe data we share.\n");
        await using var factory = await PortalFactory.CreateAsync(root);
        var client = factory.CreatePlainClient();
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), ((await client.GetAsync("/datasets/")).StatusCode, (await client.GetAsync("/sv/datasets/")).StatusCode));
        var datasets = await Html.GetAsync(client, "/sv/datasets/");
        Assert.Equal(("Tillgängliga dataset", "en"), (datasets.QuerySelector("h1")!.TextContent, datasets.QuerySelector(".prose")!.GetAttribute("lang")));
    }

    [Fact]
    public async Task The_home_page_shows_the_research_outputs_with_counts_and_the_newest_publications()
    {
        var home = await Html.GetAsync(_client, "/sv/");
        var teaser = home.QuerySelector(".home-outputs")!;

        Assert.Equal("Forskningsresultat", teaser.QuerySelector("h2")!.TextContent);
        Assert.Equal([("5 publikationer", "/sv/publications/"), ("4 dataset", "/sv/datasets/")],
            teaser.QuerySelectorAll(".outputs-counts a").Select(a => (a.TextContent, a.GetAttribute("href"))));
        Assert.Equal(["Genomes of the winter flounder", "=HYPERLINK(\"http://evil.example\") a preprint on proteins", "A review of everything"],
            teaser.QuerySelectorAll(".page-card-title a").Select(a => a.TextContent));
        Assert.Equal("/sv/publications/aaa111/", teaser.QuerySelector(".page-card-title a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Publications_are_in_the_main_menu_in_both_languages()
    {
        Assert.Contains("/publications/", (await Html.GetAsync(_client, "/")).QuerySelectorAll(".main-nav a").Select(a => a.GetAttribute("href")));
        Assert.Contains("/sv/publications/", (await Html.GetAsync(_client, "/sv/")).QuerySelectorAll(".main-nav a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Publications_are_in_site_search_with_their_own_section()
    {
        var document = await Html.GetAsync(_client, "/sv/search/?q=flounder&section=publications");

        Assert.Equal(["/sv/publications/aaa111/"], document.QuerySelectorAll(".search-result-title a").Select(a => a.GetAttribute("href")));
        Assert.Contains(document.QuerySelectorAll("select[name=section] option"), o => o.GetAttribute("value") == "publications" && o.TextContent == "Publikationer");
    }

    [Fact]
    public async Task Record_pages_are_in_their_own_sitemap_which_robots_txt_names()
    {
        var sitemap = XDocument.Parse(await _client.GetStringAsync("/publications/sitemap.xml"));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

        Assert.Equal(5, sitemap.Root!.Elements(ns + "url").Count());
        Assert.Equal("http://localhost/publications/aaa111/", sitemap.Root.Elements(ns + "url").First().Element(ns + "loc")!.Value);
        Assert.Contains("Sitemap: http://localhost/publications/sitemap.xml", await _client.GetStringAsync("/robots.txt"), StringComparison.Ordinal);
    }
}

using Microsoft.Extensions.Time.Testing;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using DataPlatform.Content;
using DataPlatform.Tests.Infrastructure;

namespace DataPlatform.Tests.Content;

/// <summary>Data files read as tables: the file formats, the query (facets, search, sort, status) and the rows' values.</summary>
public class DataTableUnitTests
{
    private static DataTable Table(string json, string args)
    {
        var named = Shortcode(args);
        var warnings = new List<string>();
        return DataTableBuilder.Build(new EmbedRequest("datatable", named, 0, 0), named.GetValueOrDefault("id", "t"), "test.json", DataFiles.ParseJson(json), SiteLanguage.English, warnings.Add)!;
    }

    private static Dictionary<string, string> Shortcode(string args) =>
        args.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(a => a.Split('=', 2)).ToDictionary(a => a[0].Trim(), a => a[1].Trim(), StringComparer.OrdinalIgnoreCase);

    private const string Projects = """
        [
          {"t": "A", "topic": ["x", "y"], "funder": "F1", "s": "2026-01-01", "e": "2026-01-31"},
          {"t": "B", "topic": ["y"], "funder": "F2", "s": "2026-02-01", "e": "2026-12-31"},
          {"t": "C", "topic": ["x", "x"], "funder": "F1", "s": "2025-01-01", "e": "2025-12-31"},
          {"t": "D", "topic": [], "funder": "F2"}
        ]
        """;

    [Fact]
    public void Array_values_count_once_per_element_and_each_facet_is_counted_under_the_others()
    {
        var table = Table(Projects, "columns=t;filters=topic, funder");
        var query = new DataTableQuery(new Dictionary<string, IReadOnlyList<string>> { ["funder"] = ["F1"] }, null, null, null);

        var result = table.Query(query, new DateOnly(2026, 1, 15));

        Assert.Equal(["A", "C"], result.Rows.Select(r => r.Cells[0].Text));
        // Topics among F1's rows; C's two "x" count once.
        Assert.Equal(new Dictionary<string, int> { ["x"] = 2, ["y"] = 1 }, result.FacetCounts[0]);
        // Funders as if no funder were chosen: what choosing another would give.
        Assert.Equal(new Dictionary<string, int> { ["F1"] = 2, ["F2"] = 2 }, result.FacetCounts[1]);
    }

    [Theory]
    [InlineData("2025-12-31", "Upcoming,Upcoming,Ongoing,Undated")]
    [InlineData("2026-01-01", "Ongoing,Upcoming,Ended,Undated")]
    [InlineData("2026-01-31", "Ongoing,Upcoming,Ended,Undated")]
    [InlineData("2026-02-01", "Ended,Ongoing,Ended,Undated")]
    public void The_status_follows_the_day_start_and_end_days_included(string today, string expected)
    {
        var table = Table(Projects, "columns=t;status=s..e");

        var statuses = table.Rows.Select(r => table.StatusOf(r, DateOnly.ParseExact(today, "yyyy-MM-dd", CultureInfo.InvariantCulture)));

        Assert.Equal(expected, string.Join(",", statuses));
    }

    [Fact]
    public void Dates_sort_as_dates_and_empty_cells_go_last_in_both_directions()
    {
        var table = Table(Projects, "columns=t, s");

        var ascending = table.Query(DataTableQuery.None with { Sort = new DataSort(1, false) }, new DateOnly(2026, 1, 1));
        var descending = table.Query(DataTableQuery.None with { Sort = new DataSort(1, true) }, new DateOnly(2026, 1, 1));

        Assert.Equal("C,A,B,D", string.Join(",", ascending.Rows.Select(r => r.Cells[0].Text)));
        Assert.Equal("B,A,C,D", string.Join(",", descending.Rows.Select(r => r.Cells[0].Text)));
    }

    [Fact]
    public void Search_needs_every_word_in_the_searched_keys()
    {
        var table = Table("""[{"name": "Anna Berg", "org": "KI"}, {"name": "Erik Ström", "org": "Berg University"}]""", "columns=name, org;search=name");

        Assert.Equal(["Anna Berg"], table.Query(DataTableQuery.None with { Text = "berg" }, default).Rows.Select(r => r.Cells[0].Text));
        Assert.Equal(["Erik Ström"], table.Query(DataTableQuery.None with { Text = "STRÖM erik" }, default).Rows.Select(r => r.Cells[0].Text));
        Assert.Empty(table.Query(DataTableQuery.None with { Text = "anna ström" }, default).Rows);
    }

    [Fact]
    public void Csv_keeps_quoted_delimiters_quotes_and_line_breaks_and_yaml_nests()
    {
        var csv = DataFiles.ParseCsv("name;note\n\"Berg; Anna\";\"said \"\"hi\"\"\nand left\"\nLind;\n");
        var (rows, error) = csv.Rows(null);

        Assert.Null(error);
        Assert.Equal("Berg; Anna", rows[0]["name"]);
        Assert.Equal("said \"hi\"\nand left", rows[0]["note"]);
        Assert.Null(rows[1]["note"]);

        var yaml = DataFiles.ParseYaml("items:\n  - journal:\n      title: Nature\n");
        Assert.Equal("Nature", DataDocument.Lookup(yaml.Rows(null).Rows[0], "journal.title"));
    }

    [Theory]
    [InlineData("[{\"a\": 1},\n{\"a\": 2,,}]", "it is not valid JSON (line 2, position 9)")]
    [InlineData("{\"a\": [{\"x\": 1}], \"b\": [{\"x\": 2}]}", "it holds several lists (a, b): name one with rows=\"…\"")]
    [InlineData("[1, 2]", "row 1 is not an object with named values")]
    [InlineData("\"text\"", "it holds no list of rows (an array of objects, or an object holding one)")]
    public void Unreadable_json_says_why(string json, string expected)
    {
        var document = DataFiles.ParseJson(json);

        Assert.Equal(expected, document.Error ?? document.Rows(null).Error);
    }
}

/// <summary>Data tables on pages of the tables fixture, on a fixed day (22 November 2026, Stockholm).</summary>
public sealed class DataTablePageTests(DataTablePageTests.TablesPortal portal) : IClassFixture<DataTablePageTests.TablesPortal>
{
    public sealed class TablesPortal : PortalFixture
    {
        public static readonly DateTimeOffset Today = new(2026, 11, 22, 12, 0, 0, TimeSpan.FromHours(1));

        protected override Task<PortalFactory> CreateAsync() => PortalFactory.CreateAsync(Fixtures.Path("tables"), clock: new FakeTimeProvider(Today));
    }

    private readonly HttpClient _client = portal.Client;

    private static List<string> Column(IDocument document, string table, int column) =>
        document.QuerySelectorAll($"#{table} tbody tr").Select(tr => tr.QuerySelectorAll("td")[column].TextContent.Trim()).ToList();

    private static Dictionary<string, string> Facet(IDocument document, string table, string title) =>
        document.QuerySelectorAll($"#{table} .facet").Single(f => f.QuerySelector("summary")!.TextContent == title)
            .QuerySelectorAll("li").ToDictionary(li => li.QuerySelector("a")!.TextContent.Replace("Remove filter: ", "", StringComparison.Ordinal).Trim(), li => li.QuerySelector(".count")!.TextContent);

    [Fact]
    public async Task The_language_switch_keeps_the_tables_filters_and_a_search_folds_accents()
    {
        var english = await Html.GetAsync(_client, "/research/projects/?projects-q=STROM&projects-sort=-enddate");
        var swedish = await Html.GetAsync(_client, "/sv/research/projects/?projects-q=%C3%A5sa+lind");

        Assert.Equal("/sv/research/projects/?projects-q=STROM&projects-sort=-enddate", english.QuerySelector("a[hreflang='sv']")!.GetAttribute("href"));
        Assert.Equal(["Soil microbiomes"], Column(english, "projects", 0));
        Assert.Equal(["Ancient DNA of Baltic herring"], Column(swedish, "projects", 0));
        Assert.Equal(["Ancient DNA of Baltic herring"], Column(await Html.GetAsync(_client, "/research/projects/?projects-q=asa+li"), "projects", 0));
    }

    [Fact]
    public async Task A_table_shows_its_rows_sorted_with_statuses_dates_links_and_counts()
    {
        var response = await _client.GetAsync("/research/projects/");
        var document = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Research projects", document.QuerySelector("#projects caption")!.TextContent);
        Assert.Equal(["Project", "Principal investigator", "Funder", "Topic", "Start", "End", "Link", "Status"],
            document.QuerySelectorAll("#projects thead th").Select(th => (th.QuerySelector("a")?.FirstChild?.TextContent ?? th.TextContent).Trim()));
        Assert.Equal(["col"], document.QuerySelectorAll("#projects thead th").Select(th => th.GetAttribute("scope")).Distinct());
        // sort="startdate desc"
        Assert.Equal(["Ancient DNA of Baltic herring", "Protein structures at scale", "Cell atlas of the lung", "Imaging zebrafish development", "Soil microbiomes"],
            Column(document, "projects", 0));
        Assert.Equal("descending", document.QuerySelectorAll("#projects thead th")[4].GetAttribute("aria-sort"));
        Assert.Equal(["Upcoming", "Ongoing", "Ongoing", "Ended", "Ended"], Column(document, "projects", 7));
        Assert.Equal(["1 January 2027", "1 June 2025", "1 January 2024", "1 September 2023", "1 March 2022"], Column(document, "projects", 4));
        Assert.Equal("2027-01-01", document.QuerySelector("#projects tbody td:nth-child(5) time")!.GetAttribute("datetime"));
        Assert.Equal("Genomics, Evolution", Column(document, "projects", 3)[0]);
        Assert.Equal("https://example.org/herring", document.QuerySelector("#projects tbody td:nth-child(7) a")!.GetAttribute("href"));
        Assert.Equal("5 of 5 rows", document.QuerySelector("#projects .result-count")!.TextContent);
        Assert.Equal(new Dictionary<string, string> { ["Ongoing"] = "2", ["Upcoming"] = "1", ["Ended"] = "2" }, Facet(document, "projects", "Status"));
        Assert.Equal(new Dictionary<string, string> { ["Cell biology"] = "1", ["Developmental biology"] = "1", ["Evolution"] = "1", ["Genomics"] = "1", ["Imaging"] = "2", ["Metagenomics"] = "1", ["Structural biology"] = "1" },
            Facet(document, "projects", "Topic"));
        // The scrolling region (a labelled section is a region landmark) is labelled by the caption and reachable by keyboard.
        var region = document.QuerySelector("#projects .table-scroll")!;
        Assert.Equal(("SECTION", "0", "projects-caption"), (region.TagName, region.GetAttribute("tabindex"), region.GetAttribute("aria-labelledby")));
    }

    [Fact]
    public async Task Filters_search_status_and_sort_combine_in_the_url_and_leave_the_other_table_alone()
    {
        var document = await Html.GetAsync(_client, "/research/projects/?projects-funder=Formas&projects-status=ongoing&committee-q=berg&projects-sort=enddate");

        Assert.Equal(["Cell atlas of the lung"], Column(document, "projects", 0));
        Assert.Equal("1 of 5 rows", document.QuerySelector("#projects .result-count")!.TextContent);
        Assert.Equal(["Berg, Anna"], Column(document, "committee", 0));
        Assert.Equal("ascending", document.QuerySelectorAll("#projects thead th")[5].GetAttribute("aria-sort"));
        // Status counts under the funder filter: what choosing another status would give.
        Assert.Equal(new Dictionary<string, string> { ["Ongoing"] = "1", ["Upcoming"] = "1", ["Ended"] = "0" }, Facet(document, "projects", "Status"));
        // Links keep the other table's search and this table's choices.
        var formas = document.QuerySelectorAll("#projects .facet a").Single(a => a.TextContent.Contains("Formas", StringComparison.Ordinal)).GetAttribute("href");
        Assert.Equal("/research/projects/?committee-q=berg&projects-status=ongoing&projects-sort=enddate#projects", formas);
        var committeeSort = document.QuerySelectorAll("#committee thead th a")[0].GetAttribute("href");
        Assert.Equal("/research/projects/?projects-funder=Formas&projects-status=ongoing&projects-sort=enddate&committee-q=berg&committee-sort=name#committee", committeeSort);

        var searched = await Html.GetAsync(_client, "/research/projects/?projects-q=ANNA+lung");
        Assert.Equal(["Cell atlas of the lung"], Column(searched, "projects", 0));
        var byTopic = await Html.GetAsync(_client, "/research/projects/?projects-topic=Imaging&projects-pi_affiliation=Karolinska+Institutet");
        Assert.Equal(["Cell atlas of the lung", "Imaging zebrafish development"], Column(byTopic, "projects", 0));
    }

    [Fact]
    public async Task Downloads_hold_every_filtered_row_not_one_page()
    {
        var csv = await _client.GetAsync("/research/projects/?projects-funder=Formas&projects-format=csv");
        Assert.Equal("text/csv; charset=utf-8", csv.Content.Headers.ContentType!.ToString());
        Assert.Equal("projects.csv", csv.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal(
            "\uFEFFProject,Principal investigator,Funder,Topic,Start,End,Link,Status\r\n" +
            "Ancient DNA of Baltic herring,Åsa Lind,Formas,Genomics; Evolution,2027-01-01,2029-12-31,https://example.org/herring,Upcoming\r\n" +
            "Cell atlas of the lung,Anna Berg,Formas,Cell biology; Imaging,2024-01-01,2026-12-31,https://example.org/lung,Ongoing\r\n",
            Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()));

        var json = await _client.GetAsync("/research/yaml/?calls-format=json");
        Assert.Equal("""[{"title":"Training networks","funder.name":"Formas","deadline":"2026-02-01","amount":500000},{"title":"Data infrastructure grants","funder.name":"Vetenskapsrådet","deadline":"2026-03-15","amount":2000000}]""",
            await json.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_swedish_page_has_its_own_headings_dates_and_messages()
    {
        var response = await _client.GetAsync("/sv/research/projects/?projects-sort=nope");
        var document = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Projekt", "Projektledare", "Finansiär", "Start", "Slut", "Status"], document.QuerySelectorAll("#projects thead th").Select(th => (th.QuerySelector("a")?.FirstChild?.TextContent ?? th.TextContent).Trim()));
        Assert.Equal("1 januari 2024", Column(document, "projects", 3)[2]);
        Assert.Equal("Pågående", Column(document, "projects", 5)[2]);
        Assert.Equal("Tabellen kan inte sorteras efter ”nope”.", document.QuerySelector("#projects .error-summary li")!.TextContent);
    }

    [Theory]
    [InlineData("/research/projects/?projects-sort=budget", HttpStatusCode.BadRequest, "This table cannot be sorted by “budget”.")]
    [InlineData("/research/projects/?projects-status=maybe", HttpStatusCode.BadRequest, "“maybe” is not a status: choose upcoming, ongoing or ended.")]
    [InlineData("/research/projects/?projects-status=1", HttpStatusCode.BadRequest, "“1” is not a status: choose upcoming, ongoing or ended.")]
    [InlineData("/research/projects/?projects-colour=red", HttpStatusCode.BadRequest, "This table has no filter “colour”.")]
    [InlineData("/research/projects/?projects-funder=Nobody", HttpStatusCode.BadRequest, "No row has “Nobody” as Funder.")]
    [InlineData("/research/projects/?projects-page=abc", HttpStatusCode.BadRequest, "“abc” is not a page number.")]
    [InlineData("/research/projects/?projects-format=xlsx", HttpStatusCode.BadRequest, "“xlsx” is not a download format: choose csv or json.")]
    [InlineData("/research/projects/?projects-page=2", HttpStatusCode.NotFound, "There is no page 2 of this table.")]
    public async Task Bad_query_values_get_a_message_on_a_readable_page(string url, HttpStatusCode status, string message)
    {
        var response = await _client.GetAsync(url);
        var document = await Html.ParseAsync(response);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(message, document.QuerySelector("#projects .error-summary li")!.TextContent);
        Assert.Equal(5, document.QuerySelectorAll("#projects tbody tr").Length);
    }

    [Fact]
    public async Task Bad_data_leaves_a_readable_page_with_notices_and_the_good_rows()
    {
        var response = await _client.GetAsync("/research/bad/");
        var document = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["missing", "invalid", "ragged", "escape"], document.QuerySelectorAll(".embed-unavailable").Select(e => e.Id));
        Assert.Equal("The data for this is not available at the moment.", document.QuerySelector("#invalid p:nth-child(2)")!.TextContent.Trim());
        Assert.Equal(["Alpha", "Beta", "", "42"], Column(document, "mixed", 0));
        Assert.Equal(["3", "large", "7", "1"], Column(document, "mixed", 1));
        Assert.Contains("Text after the tables.", document.QuerySelector(".prose")!.TextContent, StringComparison.Ordinal);

        var warnings = portal.Factory.Content.Current.Diagnostics.Where(d => d.File == "research/bad/index.md" && d.Code == "datatable").Select(d => $"{d.Line}: {d.Message}").ToList();
        Assert.Equal(
        [
            "4: datatable 'missing': the data file 'nowhere.json' is not in the page's folder, content/data/ or content/static/.",
            "6: datatable 'invalid': research/bad/invalid.json cannot be shown: it is not valid JSON (line 3, position 16).",
            "8: datatable 'ragged': research/bad/ragged.csv cannot be shown: line 3 has 2 cells where the header has 3.",
            "10: datatable 'mixed': no row of research/bad/mixed.json has 'fundr'; it stays empty.",
            "10: datatable 'mixed': 'name' in research/bad/mixed.json holds text (2 rows) and numbers (1 row); the first of the numbers is in row 4. All are shown as text.",
            "10: datatable 'mixed': 'name' is missing or empty in 1 of 4 rows of research/bad/mixed.json (first: row 3).",
            "10: datatable 'mixed': 'size' in research/bad/mixed.json holds numbers (3 rows) and text (1 row); the first of the text is in row 2. All are shown as text.",
            "10: datatable 'mixed': 'colour' is missing or empty in 1 of 4 rows of research/bad/mixed.json (first: row 3).",
            "12: datatable 'escape': the data file '../../../../etc/passwd' is not in the page's folder, content/data/ or content/static/.",
        ], warnings);
    }
}

/// <summary>A data file reloads like content: an edit shows on the next request after the reload.</summary>
public sealed class DataTableReloadTests
{
    [Fact]
    public async Task An_edited_data_file_is_shown_after_the_reload()
    {
        var root = Fixtures.Copy("tables");
        await using var factory = await PortalFactory.CreateAsync(root);
        var client = factory.CreatePlainClient();
        Assert.Equal(3, (await Html.GetAsync(client, "/research/projects/")).QuerySelectorAll("#committee tbody tr").Length);

        await File.AppendAllTextAsync(Path.Combine(root, "research", "projects", "committee.csv"), "Omar Haddad,Member,KTH\n");

        await Eventually.TrueAsync(async () => (await Html.GetAsync(client, "/research/projects/")).QuerySelectorAll("#committee tbody tr").Length == 4, "the edited data file showing");
    }
}

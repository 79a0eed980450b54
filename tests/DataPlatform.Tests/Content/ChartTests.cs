using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using DataPlatform.Content;
using DataPlatform.Content.Charts;
using DataPlatform.Tests.Infrastructure;
using DataPlatform.Web.Charts;
using Microsoft.Extensions.DependencyInjection;

namespace DataPlatform.Tests.Content;

/// <summary>Scales, ticks and sources of the chart component, without a page.</summary>
public class ChartUnitTests
{
    [Theory]
    [InlineData(0, 532, "0 200 400 600")]
    [InlineData(-3.2, 7.9, "-5 -2.5 0 2.5 5 7.5 10")]
    [InlineData(0.1, 0.3, "0.1 0.15 0.2 0.25 0.3")]
    [InlineData(7, 7, "0 2 4 6 8")]
    [InlineData(0, 0, "0 0.2 0.4 0.6 0.8 1")]
    public void Number_ticks_are_nice_and_the_scale_ends_on_them(double low, double high, string expected)
    {
        var scale = ChartScale.Numbers(low, high);

        Assert.Equal(expected, string.Join(" ", scale.Ticks.Select(t => t.ToString(CultureInfo.InvariantCulture))));
        Assert.Equal((scale.Ticks[0], scale.Ticks[^1]), (scale.Min, scale.Max));
    }

    [Theory]
    [InlineData("2019-03-10", "2026-08-01", "yyyy", "2020,2022,2024,2026")]
    [InlineData("2026-01-05", "2026-02-09", "d MMM", "2026-01-05,2026-01-12,2026-01-19,2026-01-26,2026-02-02,2026-02-09")]
    [InlineData("2025-01-15", "2025-12-20", "MMM yyyy", "2025-03-01,2025-05-01,2025-07-01,2025-09-01,2025-11-01")]
    public void Date_ticks_fall_on_whole_years_months_or_mondays(string low, string high, string format, string expected)
    {
        var (scale, tickFormat) = ChartScale.Dates(DateTime.Parse(low, CultureInfo.InvariantCulture), DateTime.Parse(high, CultureInfo.InvariantCulture));

        Assert.Equal(format, tickFormat);
        Assert.Equal(expected, string.Join(",", scale.Ticks.Select(t => new DateTime((long)t).ToString(format == "yyyy" ? "yyyy" : "yyyy-MM-dd", CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void A_plotly_figure_gives_its_traces_modes_titles_and_barmode()
    {
        var figure = DataFiles.ParseJson("""
            {"data": [
              {"type": "bar", "orientation": "h", "name": "A", "x": [3, 1], "y": ["p", "q"]},
              {"type": "bar", "orientation": "h", "name": "B", "x": [1, "n/a"], "y": ["p", "q"]},
              {"type": "heatmap", "z": [[1, 2], [3, 4]]}
            ], "layout": {"title": {"text": "T"}, "xaxis": {"title": "Count"}, "yaxis": {"title": {"text": "Group"}}, "barmode": "stack"}}
            """).Root;

        var reading = ChartSources.FromPlotly(figure, new ChartSources.Options(null, null, null, null, null, null, null));

        var chart = reading.Chart!;
        Assert.Equal(("T", "Group", "Count", true, true), (chart.Title, chart.XTitle, chart.YTitle, chart.Stacked, chart.Horizontal));
        Assert.Equal(["p", "q"], chart.Series[0].X);
        Assert.Equal([1.0, null], chart.Series[1].Y);
        Assert.Equal(["'B' has 1 value that is not a number (first: 'n/a', value 2); left as gaps"], reading.Warnings);
        Assert.Equal("Series 3 (heatmap)", reading.Undrawn.Single().Title);
        Assert.Equal(["1 2", "3 4"], reading.Undrawn.Single().Rows.Select(r => r[0]));
    }

    [Fact]
    public async Task Counts_get_whole_ticks_and_a_data_key_becomes_a_readable_axis_title()
    {
        var chart = new Chart("Papers", "", "", [new ChartSeries("papers", ChartKind.Bar, ["2019", "2020", "2021"], [1, 2, 3])]);

        var svg = await Html.ParseTextAsync(ChartSvg.Render(chart, "c", CultureInfo.InvariantCulture));

        Assert.Equal(["0", "1", "2", "3"], svg.QuerySelectorAll("text.tick").Select(t => t.TextContent));
        Assert.Equal(("Year", "Sample count", "Project title", "Samples (n)"),
            (ChartSources.Humanise("year"), ChartSources.Humanise("sample_count"), ChartSources.Humanise("project-title"), ChartSources.Humanise("Samples (n)")));
    }

    [Fact]
    public void A_million_points_are_thinned_for_drawing_but_kept_for_the_table_and_peaks_survive()
    {
        var x = Enumerable.Range(0, 1_000_000).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
        var y = Enumerable.Range(0, 1_000_000).Select(i => (double?)(i == 654_321 ? 5000 : i % 100)).ToList();
        var chart = new Chart("Big", "i", "v", [new ChartSeries("v", ChartKind.Line, x, y)]);

        var svg = ChartSvg.Render(chart, "big", CultureInfo.InvariantCulture);

        var path = svg[(svg.IndexOf(" d=\"M", StringComparison.Ordinal) + 4)..];
        path = path[..path.IndexOf('"', StringComparison.Ordinal)];
        Assert.True(path.Count(c => c is 'M' or 'L') <= ChartSvg.MaxDrawnPoints, $"{path.Count(c => c is 'M' or 'L')} points drawn");
        Assert.Contains("5,000", svg, StringComparison.Ordinal); // the spike sets the scale's top tick
        Assert.Equal(1_000_000, chart.TableRows().Count());
    }
}

/// <summary>Charts on the pages of the data fixture: every chart type, parsed as SVG and checked against the numbers.</summary>
public sealed class ChartPageTests(DataTablePageTests.TablesPortal portal) : IClassFixture<DataTablePageTests.TablesPortal>
{
    private readonly HttpClient _client = portal.Client;

    private static IElement Figure(IDocument document, string id) => document.QuerySelector($"figure#{id}")!;

    private static List<string> Tooltips(IElement figure, string selector = ".mark") =>
        figure.QuerySelectorAll($"svg.chart-wide {selector}").Select(m => m.QuerySelector("title")?.TextContent ?? "").ToList();

    private static double Attr(IElement element, string name) => double.Parse(element.GetAttribute(name)!, CultureInfo.InvariantCulture);

    [Fact]
    public async Task Every_chart_is_an_accessible_image_with_its_numbers_as_a_table_and_a_csv()
    {
        var document = await Html.GetAsync(_client, "/charts/");
        var figures = document.QuerySelectorAll("figure.chart-figure").ToList();

        Assert.Equal(["grouped", "stacked", "yearly", "horizontal", "lines", "markers", "linesmarkers", "area", "chart9", "chart10", "longnames", "longunder"], figures.Select(f => f.Id));
        foreach (var svg in document.QuerySelectorAll("figure svg.chart"))
        {
            Assert.Equal("img", svg.GetAttribute("role"));
            Assert.False(string.IsNullOrWhiteSpace(svg.QuerySelector("title")!.TextContent));
            Assert.False(string.IsNullOrWhiteSpace(svg.QuerySelector("desc")!.TextContent));
        }
        var grouped = Figure(document, "grouped");
        Assert.Equal("Bar chart of 2 series (Human, Mouse), 4 x values from 2021 to 2024; values range from 40 to 210. The numbers are in the table below the chart.",
            grouped.QuerySelector("desc")!.TextContent);
        Assert.Equal(["Year", "Human", "Mouse"], grouped.QuerySelectorAll("thead th").Select(th => th.TextContent));
        Assert.Equal(["2021|120|80", "2022|150|95.5", "2023|180|60", "2024|210|40"],
            grouped.QuerySelectorAll("tbody tr").Select(tr => string.Join("|", tr.Children.Select(c => c.TextContent))));
        Assert.Equal(["Human", "Mouse"], grouped.QuerySelectorAll(".chart-legend li").Select(li => li.TextContent.Trim()));
        Assert.Equal("/charts/?grouped-format=csv", grouped.QuerySelector(".downloads a")!.GetAttribute("href"));

        var csv = await _client.GetAsync("/charts/?grouped-format=csv");
        Assert.Equal("\uFEFFYear,Human,Mouse\r\n2021,120,80\r\n2022,150,95.5\r\n2023,180,60\r\n2024,210,40\r\n", Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync("/charts/?grouped-format=xlsx")).StatusCode);
    }

    [Fact]
    public async Task Grouped_stacked_and_horizontal_bars_are_sized_by_their_values()
    {
        var document = await Html.GetAsync(_client, "/charts/");

        var grouped = Figure(document, "grouped").QuerySelectorAll("svg.chart-wide rect.bar").ToList();
        Assert.Equal(["2021, Human: 120", "2022, Human: 150", "2023, Human: 180", "2024, Human: 210", "2021, Mouse: 80", "2022, Mouse: 95.5", "2023, Mouse: 60", "2024, Mouse: 40"],
            grouped.Select(r => r.QuerySelector("title")!.TextContent));
        Assert.Equal(210 / 120.0, Attr(grouped[3], "height") / Attr(grouped[0], "height"), 2);
        // Side by side: the Mouse bar of a year starts where its Human bar ends.
        Assert.Equal(Attr(grouped[0], "x") + Attr(grouped[0], "width"), Attr(grouped[4], "x"), 1);
        // Told apart without colour: a pattern per series.
        Assert.NotEqual(grouped[0].GetAttribute("fill"), grouped[4].GetAttribute("fill"));

        var stacked = Figure(document, "stacked").QuerySelectorAll("svg.chart-wide rect.bar").ToList();
        Assert.Equal(Attr(stacked[0], "y"), Attr(stacked[4], "y") + Attr(stacked[4], "height"), 1);
        Assert.Equal(Attr(stacked[0], "x"), Attr(stacked[4], "x"));

        var horizontal = Figure(document, "horizontal").QuerySelectorAll("svg.chart-wide rect.bar").ToList();
        Assert.Equal(["Uppsala: 340", "Stockholm: 520", "Lund: 210", "Umeå: 95"], horizontal.Select(r => r.QuerySelector("title")!.TextContent));
        // Widths are written to a tenth of a unit, so the ratio of a long bar to a short one is exact to about 0.01.
        Assert.Equal(520 / 95.0, Attr(horizontal[1], "width") / Attr(horizontal[3], "width"), 0.01);
        Assert.Equal(["Uppsala", "Stockholm", "Lund", "Umeå"], Figure(document, "horizontal").QuerySelectorAll("svg.chart-wide text.category").Select(t => t.TextContent));
    }

    [Fact]
    public async Task Lines_markers_and_areas_follow_the_data_on_a_date_axis()
    {
        var document = await Html.GetAsync(_client, "/charts/");

        var lines = Figure(document, "lines").QuerySelectorAll("svg.chart-wide path.line").ToList();
        Assert.Equal(2, lines.Count);
        Assert.Equal([6, 6], lines.Select(l => l.GetAttribute("d")!.Count(c => c is 'M' or 'L')));
        Assert.Equal([null, "7 4"], lines.Select(l => l.GetAttribute("stroke-dasharray")));
        Assert.Equal("Contact: 6 × (5 Jan 2026 … 9 Feb 2026), 9 – 27", lines[0].QuerySelector("title")!.TextContent);
        Assert.Equal(["5 Jan", "12 Jan", "19 Jan", "26 Jan", "2 Feb", "9 Feb"], Figure(document, "lines").QuerySelectorAll("svg.chart-wide text.tick").Select(t => t.TextContent).Where(t => t.Contains(' ', StringComparison.Ordinal)));
        // The highest point is drawn highest (smallest y).
        var points = lines[0].GetAttribute("d")!.Split(['M', 'L'], StringSplitOptions.RemoveEmptyEntries).Select(p => double.Parse(p.Split(',')[1], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(5, points.IndexOf(points.Min()));

        var markers = Figure(document, "markers");
        Assert.Empty(markers.QuerySelectorAll("svg.chart-wide path.line"));
        Assert.Equal(6, markers.QuerySelectorAll("svg.chart-wide circle.point").Length);
        Assert.Equal(6, markers.QuerySelectorAll("svg.chart-wide rect.point").Length);
        Assert.Equal("5 Jan 2026, Contact: 12", markers.QuerySelector("svg.chart-wide circle.point title")!.TextContent);

        var both = Figure(document, "linesmarkers");
        Assert.Equal((2, 12), (both.QuerySelectorAll("svg.chart-wide path.line").Length, both.QuerySelectorAll("svg.chart-wide .point").Length));

        Assert.Equal(2, Figure(document, "area").QuerySelectorAll("svg.chart-wide path.area").Length);
    }

    [Fact]
    public async Task Plotly_figures_draw_bars_and_lines_and_table_what_they_cannot_draw()
    {
        var document = await Html.GetAsync(_client, "/charts/");

        var figure = Figure(document, "chart9");
        Assert.Equal("Datasets and users", figure.QuerySelector("figcaption")!.TextContent);
        Assert.Equal(["2022, Datasets: 14", "2023, Datasets: 22", "2024, Datasets: 31"], Tooltips(figure, "rect.bar"));
        Assert.Equal(1, figure.QuerySelectorAll("svg.chart-wide path.line").Length);
        Assert.Equal(["Year", "Count"], figure.QuerySelectorAll("svg.chart-wide text.axis-title").Select(t => t.TextContent));

        var pie = Figure(document, "chart10");
        Assert.Equal("“Funding (pie)” is a kind of chart this site does not draw; its data is in the table below.", pie.QuerySelector(".notice")!.TextContent);
        Assert.Equal(["Formas|40", "VR|35", "Wallenberg|25"], pie.QuerySelectorAll("tbody tr").Select(tr => string.Join("|", tr.Children.Select(c => c.TextContent))));
    }

    [Fact]
    public async Task A_swedish_page_describes_its_chart_in_swedish()
    {
        var figure = Figure(await Html.GetAsync(_client, "/sv/charts/"), "grouped");

        Assert.Equal("Stapeldiagram med 2 serier (Human, Mouse), 4 värden på x-axeln från 2021 till 2024; värdena går från 40 till 210. Siffrorna finns i tabellen under diagrammet.",
            figure.QuerySelector("desc")!.TextContent);
        Assert.Equal("2022|150|95,5", string.Join("|", figure.QuerySelectorAll("tbody tr")[1].Children.Select(c => c.TextContent)));
        Assert.Equal("Visa siffrorna som tabell", figure.QuerySelector("summary")!.TextContent);
    }

    [Fact]
    public async Task Bad_chart_data_leaves_a_readable_page_and_tells_the_editor()
    {
        var response = await _client.GetAsync("/charts/bad/");
        var document = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["ragged", "far"], document.QuerySelectorAll(".embed-unavailable").Select(e => e.Id));
        Assert.Equal("https://charts.example.org/figure.json", document.QuerySelector("#far a")!.GetAttribute("href"));
        Assert.Equal(["2021|10", "2022|", "2023|30"], Figure(document, "text").QuerySelectorAll("tbody tr").Select(tr => string.Join("|", tr.Children.Select(c => c.TextContent))));
        Assert.Equal(["a: 1", "b: 2"], Tooltips(Figure(document, "chart3"), "rect.bar"));
        Assert.Contains("Text after the charts.", document.QuerySelector(".prose")!.TextContent, StringComparison.Ordinal);

        var warnings = portal.Factory.Content.Current.Diagnostics.Where(d => d.File == "charts/bad/index.md").Select(d => $"{d.Line}: {d.Message}").ToList();
        Assert.Equal(
        [
            "4: chart 'text' (charts/bad/text.csv): 'value' has 1 value that is not a number (first: 'n/a', value 2); left as gaps.",
            "6: chart 'ragged': charts/bad/ragged.csv cannot be shown: line 3 has 1 cell where the header has 2.",
            "8: plotly 'chart3' (charts/bad/mismatch.json): trace 1 ('Short') has 3 x values and 2 y values; the 1 without a partner are left out.",
            "10: chart 'empty' (charts/bad/empty.csv): 'nothing' has no numbers; it is left out.",
            "12: chart 'kind': type=\"donut\" is not a chart type (bar, line, markers, lines+markers, area); the default is used.",
            "12: chart 'kind' (charts/bad/text.csv): 'value' has 1 value that is not a number (first: 'n/a', value 2); left as gaps.",
            "14: chart 'far': https://charts.example.org/figure.json is not fetched: its host is not in Charts:AllowedHosts.",
        ], warnings.Where(w => !w.Contains("missing-translation", StringComparison.Ordinal)));
    }
}

/// <summary>Chart data fetched from a web address (a real HTTP server on loopback, allowed by configuration).</summary>
public sealed class ChartFetchTests : IDisposable
{
    private readonly LocalHttpServer _server = new()
    {
        Body = Encoding.UTF8.GetBytes("""{"data": [{"type": "bar", "name": "Remote", "x": ["a", "b"], "y": [4, 6]}], "layout": {"title": "From afar"}}"""),
    };
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "portal-charts-" + Guid.NewGuid().ToString("N")[..8]);

    private string Url => _server.Url("/figure.json");

    public void Dispose() => _server.Dispose();

    private async Task<PortalFactory> Portal(string allowedHost)
    {
        var root = Fixtures.Copy("tables");
        File.WriteAllText(Path.Combine(root, "charts", "remote.md"), $"---\ntitle: Remote chart\n---\n{{{{< plotly json=\"{Url}\" >}}}}\n");
        return await PortalFactory.CreateAsync(root, new Dictionary<string, string?>
        {
            ["Charts:AllowedHosts:0"] = allowedHost,
            ["Charts:CacheDirectory"] = _cache,
            ["Charts:RefreshMinutes"] = "600",
            ["Charts:TimeoutSeconds"] = "2",
        });
    }

    private static async Task<IDocument> Page(HttpClient client) => await Html.GetAsync(client, "/charts/remote/");

    private static List<string> Problems(PortalFactory factory) =>
        factory.Content.Current.Diagnostics.Where(d => d.File == "charts/remote.md").Select(d => d.Message).ToList();

    [Fact]
    public async Task Fetched_data_is_drawn_and_a_failed_fetch_keeps_the_last_good_copy_and_says_why()
    {
        await using var factory = await Portal("127.0.0.1");
        var client = factory.CreatePlainClient();
        var fetcher = factory.Services.GetRequiredService<ChartsFetcher>();

        await fetcher.FetchNowAsync(CancellationToken.None);
        Assert.Equal(["a: 4", "b: 6"], (await Page(client)).QuerySelectorAll("#chart1 svg.chart-wide rect.bar title").Select(t => t.TextContent));

        _server.Body = Encoding.UTF8.GetBytes("<html>not a figure</html>");
        await fetcher.FetchNowAsync(CancellationToken.None);
        Assert.Equal(["a: 4", "b: 6"], (await Page(client)).QuerySelectorAll("#chart1 svg.chart-wide rect.bar title").Select(t => t.TextContent));
        Assert.Equal([$"plotly 'chart1': fetching {Url} failed: what came back cannot be used: it is not valid JSON (line 1, position 1). The last good copy is shown."], Problems(factory));

        _server.Stop();
        await fetcher.FetchNowAsync(CancellationToken.None);
        Assert.Equal(["a: 4", "b: 6"], (await Page(client)).QuerySelectorAll("#chart1 svg.chart-wide rect.bar title").Select(t => t.TextContent));
        Assert.StartsWith($"plotly 'chart1': fetching {Url} failed: Connection refused", Problems(factory).Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Until_data_arrives_the_page_shows_the_title_a_notice_and_the_source()
    {
        _server.Status = 500;
        await using var factory = await Portal("127.0.0.1");
        var client = factory.CreatePlainClient();

        var before = await Page(client);
        Assert.Equal("The data for this is not available at the moment. Source", before.QuerySelector("#chart1 p:nth-child(2)")!.TextContent.Trim());
        Assert.Equal(Url, before.QuerySelector("#chart1 a")!.GetAttribute("href"));

        await factory.Services.GetRequiredService<ChartsFetcher>().FetchNowAsync(CancellationToken.None);
        Assert.Equal([$"plotly 'chart1': fetching {Url} failed: the server answered 500 Internal Server Error."], Problems(factory));
        Assert.Equal(1, (await Page(client)).QuerySelectorAll("#chart1.embed-unavailable").Length);
    }

    [Fact]
    public async Task A_loopback_address_is_refused_unless_its_host_is_listed_by_name()
    {
        await using var factory = await Portal("*");

        await factory.Services.GetRequiredService<ChartsFetcher>().FetchNowAsync(CancellationToken.None);

        Assert.Equal([$"plotly 'chart1': fetching {Url} failed: 127.0.0.1 is on a loopback or private network; list it in Charts:AllowedHosts by name to allow it."], Problems(factory));
    }
}

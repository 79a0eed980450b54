using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DataPlatform.Content;
using DataPlatform.Content.Charts;

namespace DataPlatform.Bench;

/// <summary>
/// Data pages: a table over a generated 10,000-row file (load time; the latency of uncached filtered, searched and
/// sorted pages from outside the portal) and a page with 10 charts of 1,000 points each (the time to build them at
/// load, and the size of their SVG).
/// </summary>
public static class DataBenchmark
{
    private static readonly string[] Funders = ["Formas", "Vetenskapsrådet", "Wallenberg", "Cancerfonden", "Horizon Europe", "NIH"];
    private static readonly string[] Topics = ["Genomics", "Imaging", "Proteomics", "Metagenomics", "Epidemiology", "Structural biology", "Ecology", "Bioinformatics"];
    private static readonly string[] Names = ["Anna", "Erik", "Åsa", "Omar", "Li", "Maria", "Johan", "Sara", "Karin", "Ahmed"];
    private static readonly string[] Surnames = ["Berg", "Lind", "Ström", "Haddad", "Wang", "Nilsson", "Öberg", "Karlsson", "Ek", "Sundberg"];

    public static async Task RunAsync(string[] args)
    {
        var web = Path.GetFullPath(args.Arg("--web"));
        var db = args.Arg("--db");
        var rowCount = int.Parse(args.Arg("--rows", "10000"), CultureInfo.InvariantCulture);
        var outDir = Path.GetFullPath(args.Arg("--out", Path.Combine("bench", "out")));
        var root = Directory.CreateTempSubdirectory("portal-bench-data-").FullName;
        Generate(root, rowCount);

        // The charts: built when content loads. Timed as a whole load of the page's site, and as the drawing alone.
        var loadWatch = Stopwatch.StartNew();
        var snapshot = new ContentLoader(new ContentOptions { Root = root }).Load();
        var loadMs = loadWatch.Elapsed.TotalMilliseconds;
        var chartsPage = snapshot.Find("/charts/")!;
        var charts = chartsPage.Embeds.OfType<ChartEmbed>().ToList();
        var svgBytes = charts.Sum(c => Encoding.UTF8.GetByteCount(c.Svg));
        var drawTimes = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var watch = Stopwatch.StartNew();
            foreach (var chart in charts)
            {
                ChartEmbed.Create(chart.Chart, chart.Id, chart.Index, SiteLanguage.English);
            }
            drawTimes.Add(watch.Elapsed.TotalMilliseconds);
        }
        drawTimes.Sort();
        var table = snapshot.Find("/projects/")!.Embeds.OfType<DataTable>().Single();
        if (charts.Count != 10 || charts.Any(c => c.Chart.Series.Sum(s => s.Y.Count) != 1000) || table.Rows.Count != rowCount)
        {
            throw new InvalidOperationException($"The content is not what was generated: {charts.Count} charts, {table.Rows.Count} rows.");
        }

        using var portal = HttpBenchmark.StartPortal(web, db, root, 5097, pin: false);
        using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:5097"), Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = HttpBenchmark.Uncached;
        await HttpBenchmark.WaitForAsync(http, "/readyz");

        // Filters, words, status and sort together; none comes from the page cache (HttpBenchmark.Uncached).
        string[] queries =
        [
            "?p-funder=Formas&p-topic=Genomics&p-sort=-start",
            "?p-status=ongoing&p-q=berg&p-sort=title&p-page=2",
            "?p-topic=Imaging&p-topic=Ecology&p-sort=end",
            "?p-funder=NIH&p-status=ended&p-q=study+of&p-sort=-end",
            "?p-q=ström&p-sort=pi",
        ];
        var latencies = new List<double>();
        var statuses = new HashSet<int>();
        for (var i = 0; i < 540; i++)
        {
            var url = "/projects/" + queries[i % queries.Length];
            var watch = Stopwatch.StartNew();
            var response = await http.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            statuses.Add((int)response.StatusCode);
            if (!body.Contains(" rows</p>", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{url} did not show the table.");
            }
            if (i >= 40)
            {
                latencies.Add(watch.Elapsed.TotalMilliseconds);
            }
        }
        latencies.Sort();
        double Percentile(List<double> values, double p) => values[Math.Min(values.Count - 1, (int)(p * values.Count))];
        var chartsPageResponse = await http.GetAsync("/charts/");
        var chartsPageBytes = (await chartsPageResponse.Content.ReadAsByteArrayAsync()).Length;
        var csvWatch = Stopwatch.StartNew();
        var csv = await http.GetStringAsync("/projects/?p-format=csv");
        var csvMs = csvWatch.Elapsed.TotalMilliseconds;
        if (statuses.Count != 1 || !statuses.Contains(200) || chartsPageResponse.StatusCode != System.Net.HttpStatusCode.OK || csv.Count(c => c == '\n') != rowCount + 1)
        {
            throw new InvalidOperationException($"The portal did not do the work: statuses {string.Join(",", statuses)}, charts page {(int)chartsPageResponse.StatusCode}, CSV lines {csv.Count(c => c == '\n')}.");
        }
        portal.Kill(entireProcessTree: true);
        Directory.Delete(root, recursive: true);

        var result = new Dictionary<string, object>
        {
            ["table_rows"] = rowCount,
            ["table_page_p50_ms"] = Math.Round(Percentile(latencies, 0.5), 1),
            ["table_page_p99_ms"] = Math.Round(Percentile(latencies, 0.99), 1),
            ["table_csv_all_rows_ms"] = Math.Round(csvMs, 1),
            ["site_load_ms"] = Math.Round(loadMs, 1),
            ["ten_charts_draw_median_ms"] = Math.Round(Percentile(drawTimes, 0.5), 1),
            ["ten_charts_svg_kb"] = Math.Round(svgBytes / 1024.0, 1),
            ["charts_page_kb"] = Math.Round(chartsPageBytes / 1024.0, 1),
        };
        Console.WriteLine($"Data table, {rowCount:N0} rows: uncached filtered/sorted pages p50 {result["table_page_p50_ms"]} ms, p99 {result["table_page_p99_ms"]} ms ({latencies.Count} requests); CSV of every row {result["table_csv_all_rows_ms"]} ms");
        Console.WriteLine($"10 charts × 1,000 points: drawn in {result["ten_charts_draw_median_ms"]} ms (median of 20), SVG {result["ten_charts_svg_kb"]} KB, whole page {result["charts_page_kb"]} KB; the site's cold load {result["site_load_ms"]} ms");
        Directory.CreateDirectory(outDir);
        await File.WriteAllTextAsync(Path.Combine(outDir, "data.json"), JsonSerializer.Serialize(result, Report.Indented));
    }

    private static void Generate(string root, int rows)
    {
        var random = new Random(42);
        Directory.CreateDirectory(Path.Combine(root, "projects"));
        Directory.CreateDirectory(Path.Combine(root, "charts"));
        File.WriteAllText(Path.Combine(root, "_index.md"), "---\ntitle: Bench\n---\nData pages.\n");
        File.WriteAllText(Path.Combine(root, "projects", "index.md"), """
            ---
            title: Projects
            ---
            {{< datatable id="p" src="projects.json" columns="title=Project, pi=PI, funder=Funder, topic=Topic, start=Start, end=End, url=Link"
              filters="funder, topic" search="title, pi" sort="start desc" status="start..end" >}}
            """);
        var items = new List<object>(rows);
        for (var i = 0; i < rows; i++)
        {
            var start = new DateOnly(2015, 1, 1).AddDays(random.Next(0, 365 * 14));
            items.Add(new Dictionary<string, object>
            {
                ["title"] = $"A study of {Topics[random.Next(Topics.Length)].ToLowerInvariant()} number {i}",
                ["pi"] = $"{Names[random.Next(Names.Length)]} {Surnames[random.Next(Surnames.Length)]}",
                ["funder"] = Funders[random.Next(Funders.Length)],
                ["topic"] = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Topics[random.Next(Topics.Length)]).Distinct().ToArray(),
                ["start"] = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["end"] = start.AddDays(random.Next(180, 365 * 5)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["url"] = $"https://example.org/projects/{i}",
            });
        }
        File.WriteAllText(Path.Combine(root, "projects", "projects.json"), JsonSerializer.Serialize(items));

        var page = new StringBuilder("---\ntitle: Charts\n---\n");
        string[] types = ["line", "bar", "area", "markers", "lines+markers"];
        for (var c = 0; c < 10; c++)
        {
            var csv = new StringBuilder("day,value\n");
            var day = new DateOnly(2023, 1, 1);
            var value = 100.0;
            for (var p = 0; p < 1000; p++)
            {
                value += random.NextDouble() * 10 - 5;
                csv.Append(day.AddDays(p).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',').Append(value.ToString("0.##", CultureInfo.InvariantCulture)).Append('\n');
            }
            File.WriteAllText(Path.Combine(root, "charts", $"series{c}.csv"), csv.ToString());
            page.Append(CultureInfo.InvariantCulture, $"{{{{< chart id=\"c{c}\" src=\"series{c}.csv\" type=\"{types[c % types.Length]}\" title=\"Series {c}\" >}}}}\n\n");
        }
        File.WriteAllText(Path.Combine(root, "charts", "_index.md"), page.ToString());
    }
}

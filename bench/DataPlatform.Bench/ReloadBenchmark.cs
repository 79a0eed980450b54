using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace DataPlatform.Bench;

/// <summary>
/// Hot reload as an editor feels it, from outside the portal: a page's file is written, and the time runs until the
/// portal serves the new text over HTTP (file watcher, debounce, rebuild, swap and page cache included). Measured
/// while the search index is still being built after the start, and once it is; also the cold start to ready and
/// the memory, on a generated tree.
/// </summary>
public static class ReloadBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var web = Path.GetFullPath(args.Arg("--web"));
        var db = args.Arg("--db");
        var root = Path.GetFullPath(args.Arg("--content"));
        var pages = int.Parse(args.Arg("--pages", "10000"), System.Globalization.CultureInfo.InvariantCulture);
        var outDir = Path.GetFullPath(args.Arg("--out", Path.Combine("bench", "out")));
        const int port = 5099;

        var start = Stopwatch.StartNew();
        using var portal = HttpBenchmark.StartPortal(web, db, root, port, pin: false);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        await HttpBenchmark.WaitForAsync(http, "/readyz", TimeSpan.FromMinutes(3));
        var readyMs = start.Elapsed.TotalMilliseconds;

        var edit = 0;
        // An edit of the text (the common case: the page's front matter stays), or of the title in the front matter.
        async Task<double> EditAsync(bool title = false)
        {
            var index = 7 + (edit % 50) * 3;
            var path = SyntheticContent.PagePath(root, index);
            var url = SyntheticContent.PageUrl(index);
            var marker = $"Edited {edit++} {Guid.NewGuid():N}";
            var text = await File.ReadAllTextAsync(path);
            var titleLine = text.Split('\n')[1];
            var watch = Stopwatch.StartNew();
            await File.WriteAllTextAsync(path, title ? text.Replace(titleLine, "title: " + marker, StringComparison.Ordinal) : text + "\n" + marker + "\n");
            while (true)
            {
                var response = await http.GetAsync(url);
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.OK && body.Contains(marker, StringComparison.Ordinal))
                {
                    return watch.Elapsed.TotalMilliseconds;
                }
                if (watch.Elapsed > TimeSpan.FromSeconds(20))
                {
                    throw new TimeoutException($"{url} did not show the edit within 20 s");
                }
                await Task.Delay(2);
            }
        }

        // While the search index is being built (the portal indexes every page in the background after the start).
        var whileIndexing = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            whileIndexing.Add(await EditAsync());
            await Task.Delay(200);
        }
        var indexed = Stopwatch.StartNew();
        while (indexed.Elapsed < TimeSpan.FromMinutes(5) &&
               (await http.GetStringAsync("/search/?q=data&format=json")).Contains("\"total\":0", StringComparison.Ordinal))
        {
            await Task.Delay(500);
        }
        await Task.Delay(TimeSpan.FromSeconds(Math.Min(60, pages / 500.0)));
        var settled = new List<double>();
        for (var i = 0; i < 21; i++)
        {
            settled.Add(await EditAsync());
            await Task.Delay(300);
        }
        var titles = new List<double>();
        for (var i = 0; i < 11; i++)
        {
            titles.Add(await EditAsync(title: true));
            await Task.Delay(300);
        }
        // Serving at this size, 32 connections for 10 s each: one page again and again (from the page cache); pages
        // picked at random from the whole tree (the cache keeps 5,000, so how many are rendered depends on the size
        // of the site); and random pages each rendered, which compares what one page costs at each size.
        var script = Path.Combine(Path.GetTempPath(), "portal-bench-random-pages.lua");
        await File.WriteAllTextAsync(script, SyntheticContent.RandomPageScript(pages));
        var renderedScript = Path.Combine(Path.GetTempPath(), "portal-bench-rendered-pages.lua");
        await File.WriteAllTextAsync(renderedScript, SyntheticContent.RandomPageScript(pages, rendered: true));
        var samePage = HttpBenchmark.Wrk($"http://127.0.0.1:{port}{SyntheticContent.PageUrl(7)}", 10, 32, pin: false, requireSuccess: true);
        var randomPages = HttpBenchmark.Wrk($"http://127.0.0.1:{port}/", 10, 32, pin: false, script, requireSuccess: true);
        var renderedPages = HttpBenchmark.Wrk($"http://127.0.0.1:{port}/", 10, 32, pin: false, renderedScript, requireSuccess: true);
        portal.Refresh();
        var rssMb = HttpBenchmark.RssMb(portal.Id);
        portal.Kill(entireProcessTree: true);

        static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
        var result = new Dictionary<string, object>
        {
            ["pages"] = pages,
            ["start_to_ready_ms"] = Math.Round(readyMs),
            ["rss_mb"] = Math.Round(rssMb),
            ["reload_while_indexing_median_ms"] = Math.Round(Median(whileIndexing)),
            ["reload_median_ms"] = Math.Round(Median(settled)),
            ["reload_min_ms"] = Math.Round(settled.Min()),
            ["reload_max_ms"] = Math.Round(settled.Max()),
            ["title_edit_median_ms"] = Math.Round(Median(titles)),
            ["title_edit_max_ms"] = Math.Round(titles.Max()),
            ["same_page_rps"] = Math.Round(samePage.Rps),
            ["same_page_p99_ms"] = samePage.P99,
            ["random_pages_rps"] = Math.Round(randomPages.Rps),
            ["random_pages_p99_ms"] = randomPages.P99,
            ["rendered_pages_rps"] = Math.Round(renderedPages.Rps),
            ["rendered_pages_p99_ms"] = renderedPages.P99,
        };
        Console.WriteLine($"{pages:N0} pages: start to ready {result["start_to_ready_ms"]} ms, RSS {result["rss_mb"]} MB; an edit served over HTTP after median {result["reload_median_ms"]} ms " +
            $"({result["reload_min_ms"]}–{result["reload_max_ms"]}, 21 text edits; {result["reload_while_indexing_median_ms"]} ms while the search index was being built; a title edit {result["title_edit_median_ms"]} ms, " +
            $"max {result["title_edit_max_ms"]}); serving one page {result["same_page_rps"]} req/s (p99 {result["same_page_p99_ms"]} ms), " +
            $"random pages {result["random_pages_rps"]} req/s (p99 {result["random_pages_p99_ms"]} ms), " +
            $"random pages each rendered {result["rendered_pages_rps"]} req/s (p99 {result["rendered_pages_p99_ms"]} ms)");
        Directory.CreateDirectory(outDir);
        await File.WriteAllTextAsync(Path.Combine(outDir, $"reload-{pages}.json"), JsonSerializer.Serialize(result, Report.Indented));
    }
}

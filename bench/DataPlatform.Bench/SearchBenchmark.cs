using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DataPlatform.Content;
using DataPlatform.Web.Data;
using DataPlatform.Web.Search;
using Npgsql;

namespace DataPlatform.Bench;

/// <summary>
/// Search on the 10,000-page synthetic tree: full index build, re-index after one page changes, and the
/// latency of a mix of one-, two- and three-word queries in both languages through the portal's own code.
/// </summary>
public static class SearchBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        string Arg(string name, string fallback) => args.Arg(name, fallback);
        var db = Arg("--db", "");
        var pages = int.Parse(Arg("--pages", "10000"), CultureInfo.InvariantCulture);
        var queries = int.Parse(Arg("--queries", "1000"), CultureInfo.InvariantCulture);
        var outDir = Arg("--out", Path.Combine("bench", "out"));

        var root = Path.Combine(Path.GetTempPath(), $"portal-bench-search-{pages}");
        SyntheticContent.Generate(root, pages);
        var loader = new ContentLoader(new ContentOptions { Root = root });
        var snapshot = loader.Load();

        await using var dataSource = NpgsqlDataSource.Create(db);
        await DatabaseMigrator.MigrateAsync(dataSource);
        await using (var truncate = dataSource.CreateCommand("truncate search_documents"))
        {
            await truncate.ExecuteNonQueryAsync();
        }

        var build = await SearchIndex.SyncAsync(dataSource, snapshot, CancellationToken.None);

        // One page changes: reload (only that file is parsed) and sync (only that page is written).
        var reindexTimes = new List<double>();
        var syncTimes = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var path = SyntheticContent.PagePath(root, 11 + i * 2);
            File.AppendAllText(path, $"\nAn added sentence about axolotl number {i}.\n");
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(i + 1));
            var watch = Stopwatch.StartNew();
            snapshot = loader.Load();
            var reloaded = watch.Elapsed.TotalMilliseconds;
            var report = await SearchIndex.SyncAsync(dataSource, snapshot, CancellationToken.None);
            reindexTimes.Add(watch.Elapsed.TotalMilliseconds);
            syncTimes.Add(watch.Elapsed.TotalMilliseconds - reloaded);
            if (report.Upserted != 1)
            {
                throw new InvalidOperationException($"expected one page re-indexed, got {report.Upserted}");
            }
        }

        await using (var analyze = dataSource.CreateCommand("analyze search_documents"))
        {
            await analyze.ExecuteNonQueryAsync();
        }
        using var search = new SearchService(db);
        var random = new Random(7);
        var vocabularies = SiteLanguage.All.ToDictionary(l => l.Code, l => SyntheticContent.Vocabulary(l.Code));
        var latencies = new List<double>(queries);
        var hits = 0L;
        for (var i = 0; i < queries + 50; i++)
        {
            var language = i % 2 == 0 ? SiteLanguage.English : SiteLanguage.Swedish;
            // Words people would type: drawn evenly from the 1,000 most frequent of the corpus, the
            // most common ones (on most pages) included.
            var words = vocabularies[language.Code];
            var query = string.Join(' ', Enumerable.Range(0, 1 + i % 3).Select(_ => words[random.Next(1000)]));
            var watch = Stopwatch.StartNew();
            var results = await search.SearchAsync(language, query, null, 1, CancellationToken.None);
            if (i >= 50)
            {
                latencies.Add(watch.Elapsed.TotalMilliseconds); // the first 50 warm up connections and plans
                hits += results.Total;
            }
        }
        latencies.Sort();
        double Percentile(double p) => latencies[Math.Min(latencies.Count - 1, (int)(p * latencies.Count))];

        var result = new Dictionary<string, object>
        {
            ["pages_indexed"] = build.Pages,
            ["full_build_ms"] = Math.Round(build.Elapsed.TotalMilliseconds),
            ["reindex_one_page_ms_median"] = Math.Round(reindexTimes.Order().ElementAt(reindexTimes.Count / 2)),
            ["reindex_one_page_ms_max"] = Math.Round(reindexTimes.Max()),
            ["index_sync_one_page_ms_median"] = Math.Round(syncTimes.Order().ElementAt(syncTimes.Count / 2)),
            ["queries"] = latencies.Count,
            ["query_p50_ms"] = Math.Round(Percentile(0.50), 1),
            ["query_p99_ms"] = Math.Round(Percentile(0.99), 1),
            ["average_matches"] = hits / latencies.Count,
        };
        Console.WriteLine($"Search over {build.Pages} pages: full index build {result["full_build_ms"]} ms; re-index of one changed page " +
            $"(reload + sync) median {result["reindex_one_page_ms_median"]} ms, max {result["reindex_one_page_ms_max"]} ms, " +
            $"of which index sync {result["index_sync_one_page_ms_median"]} ms; " +
            $"{latencies.Count} queries (1–3 words, en/sv): p50 {result["query_p50_ms"]} ms, p99 {result["query_p99_ms"]} ms");
        Directory.CreateDirectory(outDir);
        await File.WriteAllTextAsync(Path.Combine(outDir, "search.json"), JsonSerializer.Serialize(result, Report.Indented));
        Directory.Delete(root, recursive: true);
    }
}

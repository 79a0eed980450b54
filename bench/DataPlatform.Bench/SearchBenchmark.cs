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

        // Hostile queries: as long as the form accepts (500 characters), cleaned as the search page cleans them —
        // one common word over and over, many distinct common words, and words with every operator.
        var hostile = new List<double>();
        var english = vocabularies["en"];
        string Fill(Func<int, string> word) => string.Join(' ', Enumerable.Range(0, 200).Select(word))[..SearchService.MaximumQueryLength];
        string[] attacks =
        [
            Fill(_ => english[0]),
            Fill(k => english[k % 100]),
            Fill(k => k % 3 == 0 ? $"\"{english[k % 50]} {english[(k + 1) % 50]}\"" : k % 3 == 1 ? $"-{english[k % 80]}" : $"{english[k % 60]} or"),
        ];
        for (var i = 0; i < 90; i++)
        {
            var watch = Stopwatch.StartNew();
            await search.SearchAsync(SiteLanguage.English, SearchService.Clean(attacks[i % attacks.Length]), null, 1, CancellationToken.None);
            if (i >= 9)
            {
                hostile.Add(watch.Elapsed.TotalMilliseconds);
            }
        }
        hostile.Sort();

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
            ["hostile_query_p99_ms"] = Math.Round(hostile[Math.Min(hostile.Count - 1, (int)(0.99 * hostile.Count))], 1),
            ["hostile_query_max_ms"] = Math.Round(hostile[^1], 1),
        };
        Console.WriteLine($"Search over {build.Pages} pages: full index build {result["full_build_ms"]} ms; re-index of one changed page " +
            $"(reload + sync) median {result["reindex_one_page_ms_median"]} ms, max {result["reindex_one_page_ms_max"]} ms, " +
            $"of which index sync {result["index_sync_one_page_ms_median"]} ms; " +
            $"{latencies.Count} queries (1–3 words, en/sv): p50 {result["query_p50_ms"]} ms, p99 {result["query_p99_ms"]} ms; " +
            $"{hostile.Count} hostile 500-character queries (repeated and many distinct words, operators): p99 {result["hostile_query_p99_ms"]} ms, max {result["hostile_query_max_ms"]} ms");
        Directory.CreateDirectory(outDir);
        await File.WriteAllTextAsync(Path.Combine(outDir, "search.json"), JsonSerializer.Serialize(result, Report.Indented));
        Directory.Delete(root, recursive: true);
    }
}

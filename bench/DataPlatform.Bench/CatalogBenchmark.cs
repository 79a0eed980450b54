using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DataPlatform.Content;

namespace DataPlatform.Bench;

/// <summary>
/// 5,000 synthetic data-source entries: the load of the catalogue, and the latency of filtered catalogue pages
/// rendered by the running portal (none comes from the page cache: <see cref="HttpBenchmark.Uncached"/>).
/// </summary>
public static class CatalogBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        string Arg(string name, string fallback) => args.Arg(name, fallback);
        var web = Path.GetFullPath(Arg("--web", ""));
        var db = Arg("--db", "");
        var count = int.Parse(Arg("--entries", "5000"), CultureInfo.InvariantCulture);
        var outDir = Path.GetFullPath(Arg("--out", Path.Combine("bench", "out")));

        var root = Directory.CreateTempSubdirectory("portal-bench-catalog-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "data"));
        File.WriteAllText(Path.Combine(root, "_index.md"), "---\ntitle: Catalogue benchmark\n---\nHome.\n");
        var words = SyntheticContent.Vocabulary("en");
        var random = new Random(5);
        var yaml = new StringBuilder();
        string[] categories = ["genomics", "proteomics", "imaging", "metabolomics", "clinical", "biodiversity", "structures", "expression"];
        for (var i = 0; i < count; i++)
        {
            string Words(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => words[random.Next(400)]));
            yaml.Append(CultureInfo.InvariantCulture, $"- id: source-{i:D5}\n  name:\n    en: \"{Words(3)} {i}\"\n    sv: \"{Words(3)} {i}\"\n");
            yaml.Append(CultureInfo.InvariantCulture, $"  description:\n    en: \"{Words(40)}\"\n  category: {categories[i % categories.Length]}\n");
            yaml.Append(CultureInfo.InvariantCulture, $"  audience: [{(i % 3 == 0 ? "facilities" : "researchers")}]\n  keywords: [{words[random.Next(60)]}, {words[random.Next(60)]}]\n");
            yaml.Append(CultureInfo.InvariantCulture, $"  access: {(i % 4 == 0 ? "restricted" : "open")}\n  links:\n    homepage: https://example.org/{i}\n");
        }
        File.WriteAllText(Path.Combine(root, "data", "data_sources.yaml"), yaml.ToString());

        var loadWatch = Stopwatch.StartNew();
        var snapshot = new ContentLoader(new ContentOptions { Root = root }).Load();
        var loadMs = loadWatch.Elapsed.TotalMilliseconds;
        var loaded = snapshot.Catalogs["data-sources"].Entries.Count;

        using var portal = HttpBenchmark.StartPortal(web, db, root, 5095, pin: false);
        using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:5095") };
        http.DefaultRequestHeaders.Authorization = HttpBenchmark.Uncached;
        await HttpBenchmark.WaitForAsync(http, "/readyz");
        string[] filters = ["", "?category=imaging", "?keyword=" + words[3], "?q=" + words[10], "?audience=facilities&access=open", "?category=genomics&q=" + words[20]];
        var latencies = new List<double>();
        for (var i = 0; i < 600; i++)
        {
            var filter = filters[i % filters.Length];
            var url = "/data-sources/" + filter;
            var watch = Stopwatch.StartNew();
            var response = await http.GetAsync(url);
            await response.Content.ReadAsByteArrayAsync();
            if (i >= 60)
            {
                latencies.Add(watch.Elapsed.TotalMilliseconds); // after warm-up
            }
        }
        latencies.Sort();
        double Percentile(double p) => latencies[Math.Min(latencies.Count - 1, (int)(p * latencies.Count))];
        portal.Kill(entireProcessTree: true);
        Directory.Delete(root, recursive: true);

        var result = new Dictionary<string, object>
        {
            ["entries"] = loaded,
            ["load_ms"] = Math.Round(loadMs),
            ["page_p50_ms"] = Math.Round(Percentile(0.5), 1),
            ["page_p99_ms"] = Math.Round(Percentile(0.99), 1),
        };
        Console.WriteLine($"Catalogue of {loaded} entries: load {result["load_ms"]} ms; filtered catalogue page (uncached, rendered) p50 {result["page_p50_ms"]} ms, p99 {result["page_p99_ms"]} ms");
        Directory.CreateDirectory(outDir);
        await File.WriteAllTextAsync(Path.Combine(outDir, "catalog.json"), JsonSerializer.Serialize(result, Report.Indented));
    }
}

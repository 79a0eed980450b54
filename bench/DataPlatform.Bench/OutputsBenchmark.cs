using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DataPlatform.Content;

namespace DataPlatform.Bench;

/// <summary>
/// A generated publications export of 50,000 records (and a datasets export of 5,000 papers): the time and memory
/// of loading it, the latency of uncached filtered list pages (three facets and words) from outside the portal,
/// and the time to download the CSV export of every record.
/// </summary>
public static class OutputsBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        string Arg(string name, string fallback) => args.Arg(name, fallback);
        var web = Path.GetFullPath(Arg("--web", ""));
        var db = Arg("--db", "");
        var count = int.Parse(Arg("--records", "50000"), CultureInfo.InvariantCulture);
        var outDir = Path.GetFullPath(Arg("--out", Path.Combine("bench", "out")));

        var root = Directory.CreateTempSubdirectory("portal-bench-outputs-").FullName;
        var words = Generate(root, count);
        var size = new FileInfo(Path.Combine(root, "data", "publications.json")).Length;

        // Load in this process: the time, and what the loaded outputs hold on the managed heap.
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var loadWatch = Stopwatch.StartNew();
        var snapshot = new ContentLoader(new ContentOptions { Root = root }).Load();
        var loadMs = loadWatch.Elapsed.TotalMilliseconds;
        var heldMb = (GC.GetTotalMemory(forceFullCollection: true) - before) / 1024.0 / 1024.0;
        var loaded = snapshot.Outputs.Publications.Count;
        GC.KeepAlive(snapshot);

        using var portal = HttpBenchmark.StartPortal(web, db, root, 5096, pin: false);
        using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:5096"), Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = HttpBenchmark.Uncached;
        await HttpBenchmark.WaitForAsync(http, "/readyz");
        // The search index takes in every publication in the background (100,000 documents); the list is measured on a
        // settled site, not against the indexer and PostgreSQL on the same two cores.
        var indexWatch = Stopwatch.StartNew();
        await HttpBenchmark.WaitForSearchIndexAsync(http, TimeSpan.FromMinutes(20));
        var indexMs = indexWatch.Elapsed.TotalMilliseconds;

        // Three facets and words; none comes from the page cache (HttpBenchmark.Uncached).
        string[] filters =
        [
            $"?year=2021&type=journal-article&label=Category%3A+Health&q={words[3]}",
            $"?year=2020&label=Funder%3A+VR&data=yes&q={words[10]}+{words[11]}",
            $"?type=review&label=Category%3A+Genomics&label=Research+Area%3A+Epidemiology&q={words[20]}",
            $"?year=2019&type=preprint&data=yes&q={words[30]}",
        ];
        var latencies = new List<double>();
        var statuses = new HashSet<int>();
        for (var i = 0; i < 440; i++)
        {
            var url = "/publications/" + filters[i % filters.Length];
            var watch = Stopwatch.StartNew();
            var response = await http.GetAsync(url);
            await response.Content.ReadAsByteArrayAsync();
            statuses.Add((int)response.StatusCode);
            if (i >= 40)
            {
                latencies.Add(watch.Elapsed.TotalMilliseconds); // after warm-up
            }
        }
        latencies.Sort();
        double Percentile(double p) => latencies[Math.Min(latencies.Count - 1, (int)(p * latencies.Count))];

        var exportWatch = Stopwatch.StartNew();
        var csv = await http.GetAsync("/publications/export.csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        var exportMs = exportWatch.Elapsed.TotalMilliseconds;
        var rows = Encoding.UTF8.GetString(bytes).Count(c => c == '\n') - 1;
        if (csv.StatusCode != System.Net.HttpStatusCode.OK || rows != loaded || statuses.Count != 1 || !statuses.Contains(200))
        {
            throw new InvalidOperationException($"The portal did not do the work: export {(int)csv.StatusCode} with {rows} rows of {loaded}; list statuses {string.Join(",", statuses)}.");
        }
        portal.Kill(entireProcessTree: true);
        Directory.Delete(root, recursive: true);

        var result = new Dictionary<string, object>
        {
            ["records"] = loaded,
            ["file_mb"] = Math.Round(size / 1024.0 / 1024.0, 1),
            ["load_ms"] = Math.Round(loadMs),
            ["held_mb"] = Math.Round(heldMb),
            ["list_p50_ms"] = Math.Round(Percentile(0.5), 1),
            ["list_p99_ms"] = Math.Round(Percentile(0.99), 1),
            ["csv_export_ms"] = Math.Round(exportMs),
            ["csv_export_mb"] = Math.Round(bytes.Length / 1024.0 / 1024.0, 1),
            ["search_index_wait_ms"] = Math.Round(indexMs),
        };
        Console.WriteLine($"Publications export of {loaded} records ({result["file_mb"]} MB): load {result["load_ms"]} ms, {result["held_mb"]} MB held; " +
            $"filtered list (3 facets + words, uncached) p50 {result["list_p50_ms"]} ms, p99 {result["list_p99_ms"]} ms; CSV of all {rows} records {result["csv_export_ms"]} ms ({result["csv_export_mb"]} MB); " +
            $"the search index caught up {result["search_index_wait_ms"]} ms after ready");
        Directory.CreateDirectory(outDir);
        await File.WriteAllTextAsync(Path.Combine(outDir, "outputs.json"), JsonSerializer.Serialize(result, Report.Indented));
    }

    /// <summary>Writes a publications export shaped like the real one (authors, journal, a 150-word abstract, labels, cross-references, 00 dates) and a datasets export.</summary>
    private static IReadOnlyList<string> Generate(string root, int count)
    {
        Directory.CreateDirectory(Path.Combine(root, "data"));
        File.WriteAllText(Path.Combine(root, "_index.md"), "---\ntitle: Outputs benchmark\n---\nHome.\n");
        File.WriteAllText(Path.Combine(root, "data", "repositories.yaml"),
            "- name: European Nucleotide Archive\n  aliases: [ENA]\n  accession_url: https://www.ebi.ac.uk/ena/browser/view/{accession}\n- name: Zenodo\n  home: https://zenodo.org/\n");
        var words = SyntheticContent.Vocabulary("en");
        var random = new Random(14);
        string Words(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => words[random.Next(words.Count)]));
        string[] types = ["journal article", "journal-article", "posted-content", "review", "letter", "editorial", "case reports"];
        string[] categories = ["Health", "Genomics", "Proteins", "Public Health", "Biochemistry", "Imaging", "Other"];
        string[] funders = ["VR", "Wallenberg", "EU", "NIH", "SSF"];
        string[] areas = ["Epidemiology", "Virology", "Immunology"];
        using (var writer = new Utf8JsonWriter(File.Create(Path.Combine(root, "data", "publications.json"))))
        {
            writer.WriteStartObject();
            writer.WriteString("entity", "publications");
            writer.WriteStartArray("publications");
            for (var i = 0; i < count; i++)
            {
                writer.WriteStartObject();
                writer.WriteString("iuid", $"{i:x8}{random.Next():x8}");
                writer.WriteString("title", $"{Words(10)} {i}");
                writer.WriteStartArray("authors");
                for (var a = random.Next(2, 12); a > 0; a--)
                {
                    writer.WriteStartObject();
                    writer.WriteString("family", Words(1));
                    writer.WriteString("given", Words(1));
                    writer.WriteString("initials", "A");
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
                writer.WriteString("type", types[i % types.Length]);
                writer.WriteString("published", $"{2015 + random.Next(8)}-{random.Next(0, 13):D2}-{(random.Next(3) == 0 ? 0 : random.Next(1, 29)):D2}");
                writer.WriteStartObject("journal");
                writer.WriteString("title", Words(2));
                writer.WriteString("volume", random.Next(1, 300).ToString(CultureInfo.InvariantCulture));
                writer.WriteString("pages", random.Next(1, 9000).ToString(CultureInfo.InvariantCulture));
                writer.WriteEndObject();
                writer.WriteString("abstract", Words(150));
                writer.WriteString("doi", (i % 3 == 0 ? "https://doi.org/" : "") + $"10.1000/BENCH.{i}");
                writer.WriteString("pmid", (30000000 + i).ToString(CultureInfo.InvariantCulture));
                writer.WriteStartObject("labels");
                writer.WriteNull("Category: " + categories[random.Next(categories.Length)]);
                if (i % 4 == 0)
                {
                    writer.WriteNull("Funder: " + funders[random.Next(funders.Length)]);
                }
                if (i % 9 == 0)
                {
                    writer.WriteNull("Research Area: " + areas[random.Next(areas.Length)]);
                }
                writer.WriteEndObject();
                writer.WriteStartArray("xrefs");
                writer.WriteStartObject();
                writer.WriteString("db", "pmc");
                writer.WriteString("key", $"PMC{7000000 + i}");
                writer.WriteEndObject();
                if (i % 5 == 0)
                {
                    writer.WriteStartObject();
                    writer.WriteString("db", "ENA");
                    writer.WriteString("key", $"PRJEB{i}");
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        var datasets = new StringBuilder("{\"datasets\": [\n");
        for (var i = 0; i < count / 10; i++)
        {
            datasets.Append(CultureInfo.InvariantCulture,
                $"{(i > 0 ? ",\n" : "")}{{\"doi\": \"10.1000/bench.{i * 7}\", \"title\": \"{Words(8)}\", \"published\": \"2021-0{1 + i % 9}-00\", \"author\": [], \"available_items\": [" +
                $"{{\"type\": \"data\", \"repo_name\": \"ena\", \"accession_number\": \"ERR{i}\", \"data_type\": [\"Genomics data\"], \"data_url\": \"\"}}, " +
                $"{{\"type\": \"code\", \"repo_name\": \"Zenodo\", \"accession_number\": \"\", \"data_type\": [\"Other data\"], \"data_url\": \"https://zenodo.org/records/{i}\"}}]}}");
        }
        File.WriteAllText(Path.Combine(root, "data", "datasets.json"), datasets.Append("\n]}\n").ToString());
        return words;
    }
}

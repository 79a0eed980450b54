using System.Diagnostics;
using System.Text.Json;
using DataPlatform.Content;

namespace DataPlatform.Bench;

/// <summary>Content load, memory and hot reload on a synthetic tree; prints a line per size and writes JSON.</summary>
public static class ContentBenchmark
{
    public static void Run(string[] args)
    {
        var sizes = args.Where(a => int.TryParse(a, out _)).Select(int.Parse).DefaultIfEmpty(1000).ToList();
        if (!args.Any(a => int.TryParse(a, out _)))
        {
            sizes = [1000, 10000];
        }
        var outDir = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault() ?? Path.Combine("bench", "out");
        Directory.CreateDirectory(outDir);
        var results = new List<Dictionary<string, object>>();

        foreach (var size in sizes)
        {
            var root = Path.Combine(Path.GetTempPath(), $"portal-bench-{size}");
            SyntheticContent.Generate(root, size);

            // Content load in a fresh process state: measured cold (first load) after a full GC.
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            var before = Process.GetCurrentProcess().WorkingSet64;
            var watch = Stopwatch.StartNew();
            using var store = new ContentStore(new ContentOptions { Root = root });
            var report = store.Start();
            var loadMs = watch.Elapsed.TotalMilliseconds;
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            var process = Process.GetCurrentProcess();
            process.Refresh();
            var workingSetMb = process.WorkingSet64 / 1024.0 / 1024.0;
            var managedMb = GC.GetTotalMemory(forceFullCollection: true) / 1024.0 / 1024.0;

            // Hot reload: write one page, wait until the store serves the new title (file watcher + debounce + rebuild).
            var reloads = new List<double>();
            for (var i = 0; i < 5; i++)
            {
                var index = 7 + i * 2;
                var path = SyntheticContent.PagePath(root, index);
                var marker = $"Edited title {i} {Guid.NewGuid():N}";
                var text = File.ReadAllText(path);
                var titleLine = text.Split('\n')[1];
                var reloadWatch = Stopwatch.StartNew();
                File.WriteAllText(path, text.Replace(titleLine, "title: " + marker, StringComparison.Ordinal));
                while (store.Current.Find(SyntheticContent.PageUrl(index))?.Title != marker)
                {
                    if (reloadWatch.Elapsed > TimeSpan.FromSeconds(10))
                    {
                        throw new TimeoutException("the edited page did not appear within 10 s");
                    }
                    Thread.Sleep(1);
                }
                reloads.Add(reloadWatch.Elapsed.TotalMilliseconds);
                Thread.Sleep(300);
            }

            // A reload with nothing changed: enumeration, cache lookups and re-assembly of the whole snapshot.
            var rebuilds = Enumerable.Range(0, 5).Select(_ => store.Reload().Elapsed.TotalMilliseconds).Order().ToList();

            // The editors' check as the command runs it: a fresh load of the folder, then every link resolved.
            var checkWatch = Stopwatch.StartNew();
            var checkedSnapshot = new ContentLoader(new ContentOptions { Root = root }).Load();
            var checkReport = ContentCheck.Run(checkedSnapshot, root, new CheckOptions(DataPlatform.Web.Site.AppRoutes.IsAppRoute, UseGit: false));
            var checkMs = checkWatch.Elapsed.TotalMilliseconds;

            var row = new Dictionary<string, object>
            {
                ["pages_generated"] = size + size / 2,
                ["pages_loaded"] = report.Snapshot.Pages.Count,
                ["load_ms"] = Math.Round(loadMs),
                ["working_set_mb"] = Math.Round(workingSetMb),
                ["managed_heap_mb"] = Math.Round(managedMb),
                ["working_set_before_mb"] = Math.Round(before / 1024.0 / 1024.0),
                ["hot_reload_ms_median"] = Math.Round(reloads.Order().ElementAt(reloads.Count / 2)),
                ["hot_reload_ms_max"] = Math.Round(reloads.Max()),
                ["reload_debounce_ms"] = 100,
                ["rebuild_unchanged_ms_median"] = Math.Round(rebuilds[rebuilds.Count / 2]),
                ["check_ms"] = Math.Round(checkMs),
                ["check_links"] = checkedSnapshot.Pages.Sum(p => p.Parsed.Links.Count),
                ["check_errors"] = checkReport.Errors,
            };
            results.Add(row);
            Console.WriteLine($"{size,6} source pages ({row["pages_loaded"]} pages with translations): load {row["load_ms"]} ms, " +
                $"working set {row["working_set_mb"]} MB (managed heap {row["managed_heap_mb"]} MB), hot reload median {row["hot_reload_ms_median"]} ms, max {row["hot_reload_ms_max"]} ms, " +
                $"rebuild with nothing changed {row["rebuild_unchanged_ms_median"]} ms; content check (load + {row["check_links"]} links) {row["check_ms"]} ms, {row["check_errors"]} errors");
            Directory.Delete(root, recursive: true);
        }

        var json = JsonSerializer.Serialize(new { machine = Environment.MachineName, cores = Environment.ProcessorCount, date = DateTimeOffset.UtcNow, results }, Report.Indented);
        File.WriteAllText(Path.Combine(outDir, "content.json"), json);
        Console.WriteLine($"Written to {Path.Combine(outDir, "content.json")}");
    }
}

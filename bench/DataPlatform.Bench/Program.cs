using DataPlatform.Bench;

// The benchmarks drive nginx, wrk and taskset: Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

// The portal's benchmark program.
//   dotnet run -c Release --project bench/DataPlatform.Bench -- content [pages...]     content load, memory, hot reload
//   dotnet run -c Release --project bench/DataPlatform.Bench -- search --db C         index build, re-index of one page, query latency
//   dotnet run -c Release --project bench/DataPlatform.Bench -- forms --url U --db C  form submissions under load
//   dotnet run -c Release --project bench/DataPlatform.Bench -- http --web DLL --db C  pages against nginx with wrk
//   … -- catalog --web DLL --db C                                                  5,000 catalogue entries: load, filtered pages
//   … -- outputs --web DLL --db C                                                  50,000 publications: load, memory, filtered pages, CSV export
//   … -- data --web DLL --db C                                                     a 10,000-row data table's pages; 10 charts of 1,000 points
//   … -- staff --web DLL --db C                                                    the staff list on 100,000 submissions (90% spam)
//   … -- generate DIR N; … -- memory --web DLL --db C --content DIR                 the portal's memory on a big tree
// scripts/bench runs all of them with a private PostgreSQL.
// Each prints a table and writes JSON under bench/out/ so runs can be compared.
var mode = args.FirstOrDefault() ?? "content";
var rest = args.Skip(1).ToArray();
switch (mode)
{
    case "content":
        ContentBenchmark.Run(rest);
        break;
    case "search":
        await SearchBenchmark.RunAsync(rest);
        break;
    case "http":
        await HttpBenchmark.RunAsync(rest);
        break;
    case "catalog":
        await CatalogBenchmark.RunAsync(rest);
        break;
    case "outputs":
        await OutputsBenchmark.RunAsync(rest);
        break;
    case "data":
        await DataBenchmark.RunAsync(rest);
        break;
    case "reload":
        await ReloadBenchmark.RunAsync(rest);
        break;
    case "floor":
        await HttpBenchmark.FloorAsync(rest);
        break;
    case "staff":
        await StaffBenchmark.RunAsync(rest);
        break;
    case "generate":
        SyntheticContent.Generate(rest[0], int.Parse(rest[1], System.Globalization.CultureInfo.InvariantCulture));
        break;
    case "memory":
        string Arg(string name) => rest.Arg(name);
        var rss = await HttpBenchmark.MemoryAsync(Path.GetFullPath(Arg("--web")), Arg("--db"), Path.GetFullPath(Arg("--content")), 5094);
        Console.WriteLine($"Portal memory (RSS) serving {Arg("--content")}, after one request of each measured page: {rss:0} MB");
        await File.WriteAllTextAsync(Path.Combine("bench", "out", "memory.json"), System.Text.Json.JsonSerializer.Serialize(new { content = Arg("--content"), rss_mb = Math.Round(rss) }, Report.Indented));
        break;
    case "forms":
        await FormsLoad.RunAsync(rest);
        break;
    default:
        Console.Error.WriteLine($"Unknown mode '{mode}'. Use 'content', 'search', 'http' or 'forms'.");
        return 2;
}
return 0;

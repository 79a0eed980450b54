using DataPlatform.Bench;

// The portal's benchmark program.
//   dotnet run -c Release --project bench/DataPlatform.Bench -- content [pages...]     content load, memory, hot reload
//   dotnet run -c Release --project bench/DataPlatform.Bench -- search --db C         index build, re-index of one page, query latency
//   dotnet run -c Release --project bench/DataPlatform.Bench -- forms --url U --db C  form submissions under load
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
    case "forms":
        await FormsLoad.RunAsync(rest);
        break;
    default:
        Console.Error.WriteLine($"Unknown mode '{mode}'. Use 'content', 'search' or 'forms'.");
        return 2;
}
return 0;

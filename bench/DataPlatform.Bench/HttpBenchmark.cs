using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DataPlatform.Bench;

/// <summary>
/// The portal against nginx in one run: the portal (Release, pinned to core 0) and nginx (one worker, core 0)
/// serve the same pages, wrk (core 1) loads each for a fixed time on loopback, and the portal's figures are
/// printed as a ratio of nginx's. Also cold start to the first page and the portal's memory.
/// </summary>
public static partial class HttpBenchmark
{
    private static readonly (string Name, string Path)[] Pages =
    [
        ("home", "/"),
        ("highlight", "/highlights/fair-principles/"),
        ("events, filtered", "/events/?type=course"),
        ("search", "/search/?q=data+management"),
        ("404", "/no-such-page/"),
        ("contact form (GET)", "/contact/"),
    ];

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline)]
    private static partial Regex LatencyLine();

    public static async Task RunAsync(string[] args)
    {
        string Arg(string name, string fallback) => args.Arg(name, fallback);
        var web = Path.GetFullPath(Arg("--web", ""));
        var db = Arg("--db", "");
        var content = Arg("--content", "content");
        var seconds = int.Parse(Arg("--seconds", "10"), CultureInfo.InvariantCulture);
        var connections = int.Parse(Arg("--connections", "32"), CultureInfo.InvariantCulture);
        var outDir = Path.GetFullPath(Arg("--out", Path.Combine("bench", "out")));
        var twoCores = Environment.ProcessorCount >= 2;
        const int portalPort = 5091, nginxPort = 5092;

        // Cold start: process start to the first page served.
        var startWatch = Stopwatch.StartNew();
        using var portal = StartPortal(web, db, Path.GetFullPath(content), portalPort, twoCores);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{portalPort}") };
        await WaitForAsync(http, "/");
        var coldStartMs = startWatch.Elapsed.TotalMilliseconds;

        // Save each page as the portal serves it; nginx serves those bytes.
        var root = Directory.CreateTempSubdirectory("portal-nginx-").FullName;
        for (var i = 0; i < Pages.Length; i++)
        {
            var response = await http.GetAsync(Pages[i].Path);
            await File.WriteAllBytesAsync(Path.Combine(root, $"page{i}.html"), await response.Content.ReadAsByteArrayAsync());
        }
        using var nginx = StartNginx(root, nginxPort, twoCores);
        await Task.Delay(500);

        // Warm-up: JIT tiers and connection pools settle before anything is measured.
        for (var i = 0; i < Pages.Length; i++)
        {
            Wrk($"http://127.0.0.1:{portalPort}{Pages[i].Path}", 2, connections, twoCores);
        }

        var rows = new List<Dictionary<string, object>>();
        Console.WriteLine($"{"page",-20} {"bytes",8} {"portal req/s",13} {"p50 ms",7} {"p99 ms",7} {"nginx req/s",12} {"p50 ms",7} {"p99 ms",7} {"ratio",6}");
        for (var i = 0; i < Pages.Length; i++)
        {
            var (name, path) = Pages[i];
            var bytes = new FileInfo(Path.Combine(root, $"page{i}.html")).Length;
            var ours = Wrk($"http://127.0.0.1:{portalPort}{path}", seconds, connections, twoCores);
            var theirs = Wrk($"http://127.0.0.1:{nginxPort}/page{i}.html", seconds, connections, twoCores);
            var ratio = ours.Rps / theirs.Rps;
            Console.WriteLine($"{name,-20} {bytes,8} {ours.Rps,13:0} {ours.P50,7:0.00} {ours.P99,7:0.00} {theirs.Rps,12:0} {theirs.P50,7:0.00} {theirs.P99,7:0.00} {ratio,6:0.00}");
            rows.Add(new Dictionary<string, object>
            {
                ["page"] = name, ["path"] = path, ["bytes"] = bytes,
                ["portal_rps"] = Math.Round(ours.Rps), ["portal_p50_ms"] = ours.P50, ["portal_p99_ms"] = ours.P99,
                ["nginx_rps"] = Math.Round(theirs.Rps), ["nginx_p50_ms"] = theirs.P50, ["nginx_p99_ms"] = theirs.P99,
                ["ratio"] = Math.Round(ratio, 2),
            });
        }
        portal.Refresh();
        var rssMb = Rss(portal.Id) / 1024.0;
        Console.WriteLine($"Cold start to the first page: {coldStartMs:0} ms; portal memory (RSS) after the run: {rssMb:0} MB; {connections} connections, {seconds} s per page, " +
            (twoCores ? "servers on core 0, wrk on core 1" : "one core: no pinning"));
        Directory.CreateDirectory(outDir);
        await File.WriteAllTextAsync(Path.Combine(outDir, "http.json"), JsonSerializer.Serialize(new
        {
            connections, seconds, pinned = twoCores, cold_start_ms = Math.Round(coldStartMs), portal_rss_mb = Math.Round(rssMb), pages = rows,
        }, Report.Indented));
        nginx.Kill(entireProcessTree: true);
        portal.Kill(entireProcessTree: true);
    }

    /// <summary>The portal's memory serving a content tree (the 10,000-page one), after every page kind was requested.</summary>
    public static async Task<double> MemoryAsync(string web, string db, string content, int port)
    {
        using var portal = StartPortal(web, db, content, port, pin: false);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await WaitForAsync(http, "/readyz");
        // Wait for the search index to hold the whole tree (the portal indexes in the background), then
        // request every page kind once, as a visitor would.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!(await http.GetStringAsync("/search/?q=data&format=json")).Contains("\"total\":", StringComparison.Ordinal) ||
               (await http.GetStringAsync("/search/?q=page&format=json")).Contains("\"total\":0", StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline)
            {
                break;
            }
            await Task.Delay(500);
        }
        await Task.Delay(5000);
        foreach (var (_, path) in Pages)
        {
            await http.GetAsync(path);
        }
        await Task.Delay(2000);
        var rss = Rss(portal.Id) / 1024.0;
        portal.Kill(entireProcessTree: true);
        return rss;
    }

    public static Process StartPortal(string web, string db, string content, int port, bool pin)
    {
        var info = pin ? new ProcessStartInfo("taskset") { ArgumentList = { "-c", "0", "dotnet", web } } : new ProcessStartInfo("dotnet") { ArgumentList = { web } };
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.WorkingDirectory = Path.GetDirectoryName(web)!;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.Environment["ConnectionStrings__Portal"] = db;
        info.Environment["Content__Root"] = content;
        // As in production: the public address is configured, so the page cache keys by path alone.
        info.Environment["Site__BaseUrl"] = $"http://127.0.0.1:{port}";
        info.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        info.Environment["Submissions__SpoolDirectory"] = Path.Combine(Path.GetTempPath(), "portal-bench-spool");
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static Process StartNginx(string root, int port, bool pin)
    {
        var config = Path.Combine(root, "nginx.conf");
        File.WriteAllText(config, $$"""
            worker_processes 1;
            {{(pin ? "worker_cpu_affinity 01;" : "")}}
            pid {{root}}/nginx.pid;
            error_log {{root}}/error.log;
            events { worker_connections 1024; }
            http {
                access_log off;
                sendfile on;
                tcp_nopush on;
                keepalive_requests 1000000;
                types { text/html html; }
                server {
                    listen 127.0.0.1:{{port}};
                    root {{root}};
                }
            }
            """);
        var process = Process.Start(new ProcessStartInfo("nginx") { ArgumentList = { "-c", config, "-g", "daemon off;" }, RedirectStandardError = true })!;
        return process;
    }

    private sealed record WrkResult(double Rps, double P50, double P99);

    private static WrkResult Wrk(string url, int seconds, int connections, bool pin)
    {
        var info = pin ? new ProcessStartInfo("taskset") { ArgumentList = { "-c", "1", "wrk" } } : new ProcessStartInfo("wrk");
        foreach (var arg in new[] { "-t1", $"-c{connections}", $"-d{seconds}s", "--latency", url })
        {
            info.ArgumentList.Add(arg);
        }
        info.RedirectStandardOutput = true;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var rps = double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var latencies = LatencyLine().Matches(output).ToDictionary(m => m.Groups[1].Value, m =>
            double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) * (m.Groups[3].Value switch { "us" => 0.001, "s" => 1000, _ => 1 }));
        return new WrkResult(rps, Math.Round(latencies["50"], 2), Math.Round(latencies["99"], 2));
    }

    public static async Task WaitForAsync(HttpClient http, string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                if ((await http.GetAsync(path)).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{path} did not answer within 60 s");
            }
            await Task.Delay(20);
        }
    }

    private static long Rss(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            }
        }
        return 0;
    }
}

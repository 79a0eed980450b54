using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
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
    /// <summary>
    /// Sent with a request that must be rendered, not answered from the page cache: the cache neither answers nor keeps a
    /// request with an Authorization header, and the portal reads the header for nothing else (staff sign in with a
    /// cookie). A query key no page reads no longer does this: the cache learns what a page reads and leaves the rest out.
    /// </summary>
    public static readonly System.Net.Http.Headers.AuthenticationHeaderValue Uncached = new("Bearer", "bench");

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

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline)]
    private static partial Regex LatencyLine();

    /// <summary>One server under test: where it answers a page, and whether it writes a line per request.</summary>
    private sealed record Server(string Name, Func<int, string> Url, bool Logs);

    public static async Task RunAsync(string[] args)
    {
        string Arg(string name, string fallback) => args.Arg(name, fallback);
        var web = Path.GetFullPath(Arg("--web", ""));
        var db = Arg("--db", "");
        var content = Arg("--content", "content");
        var seconds = int.Parse(Arg("--seconds", "5"), CultureInfo.InvariantCulture);
        var rounds = int.Parse(Arg("--rounds", "2"), CultureInfo.InvariantCulture);
        var connections = int.Parse(Arg("--connections", "32"), CultureInfo.InvariantCulture);
        var outDir = Path.GetFullPath(Arg("--out", Path.Combine("bench", "out")));
        var twoCores = Environment.ProcessorCount >= 2;
        const int loggingPort = 5091, quietPort = 5093, nginxLoggingPort = 5092, nginxQuietPort = 5094, floorPort = 5096;
        // Written by nginx's worker (user nobody) and read by it: the folder must be open to everyone (a temporary
        // folder is created 0700, and nginx then answers 403 to every request).
        var root = Directory.CreateTempSubdirectory("portal-nginx-").FullName;
        File.SetUnixFileMode(root, (UnixFileMode)0b111_101_101 | UnixFileMode.OtherWrite | UnixFileMode.GroupWrite);

        // Cold start: process start to the first page served (the portal that logs, as deployed).
        var startWatch = Stopwatch.StartNew();
        using var logging = StartPortal(web, db, Path.GetFullPath(content), loggingPort, twoCores, logFile: Path.Combine(root, "portal.log"));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{loggingPort}") };
        await WaitForAsync(http, "/");
        var coldStartMs = startWatch.Elapsed.TotalMilliseconds;
        using var quiet = StartPortal(web, db, Path.GetFullPath(content), quietPort, twoCores);
        using var quietHttp = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{quietPort}") };
        await WaitForAsync(quietHttp, "/readyz");

        // Save each page as the portal serves it; the baselines serve those bytes.
        var saved = new List<(byte[] Body, int Status)>();
        for (var i = 0; i < Pages.Length; i++)
        {
            var response = await http.GetAsync(Pages[i].Path);
            var body = await response.Content.ReadAsByteArrayAsync();
            var file = Path.Combine(root, $"page{i}.html");
            await File.WriteAllBytesAsync(file, body);
            File.SetUnixFileMode(file, (UnixFileMode)0b110_100_100);
            saved.Add((body, (int)response.StatusCode));
        }
        using var nginx = StartNginx(root, nginxLoggingPort, nginxQuietPort, twoCores);
        using var floor = StartFloor(root, floorPort, twoCores);
        Server[] servers =
        [
            new("portal, logging", i => $"http://127.0.0.1:{loggingPort}{Pages[i].Path}", true),
            new("nginx, logging", i => $"http://127.0.0.1:{nginxLoggingPort}/page{i}.html", true),
            new("portal", i => $"http://127.0.0.1:{quietPort}{Pages[i].Path}", false),
            new("nginx", i => $"http://127.0.0.1:{nginxQuietPort}/page{i}.html", false),
            new("Kestrel floor", i => $"http://127.0.0.1:{floorPort}/page{i}.html", false),
        ];
        await CheckBaselinesAsync(servers, saved);

        // Warm-up: JIT tiers and connection pools settle before anything is measured.
        for (var i = 0; i < Pages.Length; i++)
        {
            foreach (var server in servers)
            {
                Wrk(server.Url(i), 2, connections, twoCores);
            }
        }

        // Alternating, round after round, so drift (thermal, other load) hits every server alike.
        var results = new Dictionary<(int Page, string Server), List<WrkResult>>();
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < Pages.Length; i++)
            {
                foreach (var server in servers)
                {
                    var result = Wrk(server.Url(i), seconds, connections, twoCores);
                    (results.TryGetValue((i, server.Name), out var list) ? list : results[(i, server.Name)] = []).Add(result);
                }
            }
        }
        await CheckBaselinesAsync(servers, saved);

        var rows = new List<Dictionary<string, object>>();
        Console.WriteLine($"{"page",-20} {"bytes",7} | {"portal+log",10} {"nginx+log",10} {"ratio",5} | {"portal",7} {"nginx",7} {"ratio",5} | {"floor",7} {"÷floor",6} | p99 ms: portal+log, nginx+log, portal, nginx, floor");
        for (var i = 0; i < Pages.Length; i++)
        {
            WrkResult Mean(string server) => new(results[(i, server)].Average(r => r.Rps), results[(i, server)].Average(r => r.P50), results[(i, server)].Max(r => r.P99));
            var (pl, nl, p, n, f) = (Mean(servers[0].Name), Mean(servers[1].Name), Mean(servers[2].Name), Mean(servers[3].Name), Mean(servers[4].Name));
            Console.WriteLine($"{Pages[i].Name,-20} {saved[i].Body.Length,7} | {pl.Rps,10:0} {nl.Rps,10:0} {pl.Rps / nl.Rps,5:0.00} | {p.Rps,7:0} {n.Rps,7:0} {p.Rps / n.Rps,5:0.00} | {f.Rps,7:0} {p.Rps / f.Rps,6:0.00} | {pl.P99:0.00}, {nl.P99:0.00}, {p.P99:0.00}, {n.P99:0.00}, {f.P99:0.00}");
            rows.Add(new Dictionary<string, object>
            {
                ["page"] = Pages[i].Name, ["path"] = Pages[i].Path, ["bytes"] = saved[i].Body.Length, ["status"] = saved[i].Status,
                ["portal_logging_rps"] = Math.Round(pl.Rps), ["portal_logging_p99_ms"] = pl.P99,
                ["nginx_logging_rps"] = Math.Round(nl.Rps), ["nginx_logging_p99_ms"] = nl.P99,
                ["ratio_logging"] = Math.Round(pl.Rps / nl.Rps, 2),
                ["portal_rps"] = Math.Round(p.Rps), ["portal_p99_ms"] = p.P99,
                ["nginx_rps"] = Math.Round(n.Rps), ["nginx_p99_ms"] = n.P99,
                ["ratio"] = Math.Round(p.Rps / n.Rps, 2),
                ["floor_rps"] = Math.Round(f.Rps), ["floor_p99_ms"] = f.P99,
                ["ratio_floor"] = Math.Round(p.Rps / f.Rps, 2), ["ratio_logging_floor"] = Math.Round(pl.Rps / f.Rps, 2),
            });
        }
        logging.Refresh();
        var rssMb = Rss(logging.Id) / 1024.0;
        var logLines = File.ReadLines(Path.Combine(root, "portal.log")).Count(l => l.Contains("HTTP GET", StringComparison.Ordinal));
        var accessLines = File.ReadLines(Path.Combine(root, "access.log")).Count();
        Console.WriteLine($"Cold start to the first page: {coldStartMs:0} ms; portal memory (RSS) after the run: {rssMb:0} MB; {connections} connections, {rounds} rounds of {seconds} s per page and server, " +
            (twoCores ? "servers on core 0, wrk on core 1" : "one core: no pinning") + $"; request lines logged: portal {logLines:N0}, nginx {accessLines:N0}");
        Directory.CreateDirectory(outDir);
        await File.WriteAllTextAsync(Path.Combine(outDir, "http.json"), JsonSerializer.Serialize(new
        {
            connections, seconds, rounds, pinned = twoCores, cold_start_ms = Math.Round(coldStartMs), portal_rss_mb = Math.Round(rssMb),
            portal_request_lines = logLines, nginx_access_lines = accessLines, pages = rows,
        }, Report.Indented));
        foreach (var process in new[] { nginx, floor, logging, quiet })
        {
            process.Kill(entireProcessTree: true);
        }
        Directory.Delete(root, recursive: true);
    }

    /// <summary>
    /// A comparison counts only if the baselines do the same work: every baseline URL must answer 200 with exactly the
    /// bytes the portal served for that page. Otherwise the benchmark stops here, saying which.
    /// </summary>
    private static async Task CheckBaselinesAsync(Server[] servers, List<(byte[] Body, int Status)> saved)
    {
        using var client = new HttpClient();
        for (var i = 0; i < Pages.Length; i++)
        {
            foreach (var server in servers.Where(s => !s.Name.StartsWith("portal", StringComparison.Ordinal)))
            {
                var response = await client.GetAsync(server.Url(i));
                var body = await response.Content.ReadAsByteArrayAsync();
                if (response.StatusCode != HttpStatusCode.OK || !body.AsSpan().SequenceEqual(saved[i].Body))
                {
                    throw new InvalidOperationException($"Baseline {server.Name} does not do the portal's work for {Pages[i].Path}: it answered {(int)response.StatusCode} with {body.Length} bytes " +
                        $"where the portal served {saved[i].Body.Length}. No figures are taken.");
                }
            }
            foreach (var server in servers.Where(s => s.Name.StartsWith("portal", StringComparison.Ordinal)))
            {
                var response = await client.GetAsync(server.Url(i));
                if ((int)response.StatusCode != saved[i].Status)
                {
                    throw new InvalidOperationException($"{server.Name} answered {(int)response.StatusCode} for {Pages[i].Path}, not {saved[i].Status}.");
                }
            }
        }
    }

    /// <summary>The minimal Kestrel app of this project (<c>floor</c> mode), serving the saved pages from memory.</summary>
    private static Process StartFloor(string root, int port, bool pin)
    {
        var self = typeof(HttpBenchmark).Assembly.Location;
        var info = pin ? new ProcessStartInfo("taskset") { ArgumentList = { "-c", "0", "dotnet", self } } : new ProcessStartInfo("dotnet") { ArgumentList = { self } };
        foreach (var arg in new[] { "floor", "--root", root, "--port", port.ToString(CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(arg);
        }
        info.RedirectStandardOutput = true;
        var process = Process.Start(info)!;
        using var client = new HttpClient();
        for (var i = 0; i < 200; i++)
        {
            try
            {
                if (client.GetAsync($"http://127.0.0.1:{port}/page0.html").Result.IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (AggregateException)
            {
                Thread.Sleep(50);
            }
        }
        return process;
    }

    /// <summary>
    /// The floor: the least a Kestrel app can do to serve these pages (bytes from memory, no logging, no routing), so the
    /// portal's figures can be read against what ASP.NET itself costs on this machine.
    /// </summary>
    public static async Task FloorAsync(string[] args)
    {
        var root = args.Arg("--root");
        var port = int.Parse(args.Arg("--port", "5096"), CultureInfo.InvariantCulture);
        var pages = Directory.GetFiles(root, "*.html").ToDictionary(f => "/" + Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.Run(async context =>
        {
            if (pages.TryGetValue(context.Request.Path.Value ?? "", out var body))
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                context.Response.ContentLength = body.Length;
                await context.Response.Body.WriteAsync(body);
            }
            else
            {
                context.Response.StatusCode = 404;
            }
        });
        await app.RunAsync();
    }

    /// <summary>The portal's memory serving a content tree (the 10,000-page one), after every page kind was requested.</summary>
    public static async Task<double> MemoryAsync(string web, string db, string content, int port)
    {
        using var portal = StartPortal(web, db, content, port, pin: false);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await WaitForAsync(http, "/readyz");
        // Wait for the search index to hold the whole tree (the portal indexes in the background), then
        // request every page kind once, as a visitor would.
        await WaitForSearchIndexAsync(http, TimeSpan.FromMinutes(2));
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

    /// <summary>
    /// Starts the portal. With <paramref name="logFile"/>, it logs every request (its default) into that file, as nginx
    /// writes its access log; without, it logs warnings only.
    /// </summary>
    public static Process StartPortal(string web, string db, string content, int port, bool pin, string? logFile = null)
    {
        var command = logFile is null ? new[] { "dotnet", web } : ["sh", "-c", $"exec dotnet \"$0\" \"$@\" >> '{logFile}' 2>&1", web];
        var info = new ProcessStartInfo(pin ? "taskset" : command[0]);
        foreach (var arg in pin ? ["-c", "0", .. command] : command[1..])
        {
            info.ArgumentList.Add(arg);
        }
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.WorkingDirectory = Path.GetDirectoryName(web)!;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.Environment["ConnectionStrings__Portal"] = db;
        info.Environment["Content__Root"] = content;
        // As in production: the public address is configured, so the page cache keys by path alone.
        info.Environment["Site__BaseUrl"] = $"http://127.0.0.1:{port}";
        if (logFile is null)
        {
            info.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        }
        info.Environment["Submissions__SpoolDirectory"] = Path.Combine(Path.GetTempPath(), "portal-bench-spool");
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>One nginx worker: on <paramref name="loggingPort"/> with an access log file, on <paramref name="quietPort"/> without.</summary>
    private static Process StartNginx(string root, int loggingPort, int quietPort, bool pin)
    {
        var config = Path.Combine(root, "nginx.conf");
        File.WriteAllText(config, $$"""
            worker_processes 1;
            {{(pin ? "worker_cpu_affinity 01;" : "")}}
            pid {{root}}/nginx.pid;
            error_log {{root}}/error.log;
            events { worker_connections 1024; }
            http {
                sendfile on;
                tcp_nopush on;
                keepalive_requests 1000000;
                types { text/html html; }
                server {
                    listen 127.0.0.1:{{loggingPort}};
                    root {{root}};
                    access_log {{root}}/access.log;
                }
                server {
                    listen 127.0.0.1:{{quietPort}};
                    root {{root}};
                    access_log off;
                }
            }
            """);
        var process = Process.Start(new ProcessStartInfo("nginx") { ArgumentList = { "-c", config, "-g", "daemon off;" }, RedirectStandardError = true })!;
        Thread.Sleep(500);
        return process;
    }

    public sealed record WrkResult(double Rps, double P50, double P99);

    /// <summary>
    /// wrk on one URL for a while (with <paramref name="script"/>: a Lua file choosing each request). With
    /// <paramref name="requireSuccess"/>, stops the benchmark if any answer was not 2xx or 3xx.
    /// </summary>
    public static WrkResult Wrk(string url, int seconds, int connections, bool pin, string? script = null, bool requireSuccess = false)
    {
        var info = pin ? new ProcessStartInfo("taskset") { ArgumentList = { "-c", "1", "wrk" } } : new ProcessStartInfo("wrk");
        foreach (var arg in new[] { "-t1", $"-c{connections}", $"-d{seconds}s", "--latency", url })
        {
            info.ArgumentList.Add(arg);
        }
        if (script is not null)
        {
            info.ArgumentList.Add("-s");
            info.ArgumentList.Add(script);
        }
        info.RedirectStandardOutput = true;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (requireSuccess && NonSuccess().Match(output) is { Success: true } failed)
        {
            throw new InvalidOperationException($"{url}: {failed.Groups[1].Value} answers were not 2xx or 3xx; no figure is taken.");
        }
        var rps = double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var latencies = LatencyLine().Matches(output).ToDictionary(m => m.Groups[1].Value, m =>
            double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) * (m.Groups[3].Value switch { "us" => 0.001, "s" => 1000, _ => 1 }));
        return new WrkResult(rps, Math.Round(latencies["50"], 2), Math.Round(latencies["99"], 2));
    }

    /// <summary>Waits until <c>/version</c> says the search index holds the content version being served.</summary>
    public static async Task WaitForSearchIndexAsync(HttpClient http, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            using var version = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/version"));
            if (version.RootElement.GetProperty("searchIndexed").GetString() == version.RootElement.GetProperty("content").GetString())
            {
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the search index did not catch up in time");
            }
            await Task.Delay(250);
        }
    }

    public static async Task WaitForAsync(HttpClient http, string path, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
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
                throw new TimeoutException($"{path} did not answer in time");
            }
            await Task.Delay(20);
        }
    }

    public static double RssMb(int pid) => Rss(pid) / 1024.0;

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

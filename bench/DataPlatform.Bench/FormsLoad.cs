using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;

namespace DataPlatform.Bench;

/// <summary>
/// Sustained valid contact-form submissions against a running portal, from this second process on loopback.
/// Each worker fetches the form once (cookie, antiforgery token with the form's stamp) and then posts it again and
/// again, each time with a fresh idempotency key, as many visitors would. Afterwards the rows added to the
/// database must equal the 303 responses, exactly.
/// </summary>
public static partial class FormsLoad
{
    [GeneratedRegex("name=\"(__RequestVerificationToken)\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex HiddenField();

    public static async Task RunAsync(string[] args)
    {
        string Arg(string name, string fallback) => args.Arg(name, fallback);
        var url = Arg("--url", "http://127.0.0.1:5090").TrimEnd('/');
        var db = Arg("--db", "");
        var seconds = int.Parse(Arg("--seconds", "60"), CultureInfo.InvariantCulture);
        var concurrency = int.Parse(Arg("--concurrency", "16"), CultureInfo.InvariantCulture);
        var outDir = Arg("--out", Path.Combine("bench", "out"));

        var before = await CountAsync(db);
        var latencies = new List<double>[concurrency];
        var seeOther = 0L;
        var other = 0L;
        var deadline = Stopwatch.StartNew();
        var duration = TimeSpan.FromSeconds(seconds);
        var workers = Enumerable.Range(0, concurrency).Select(async w =>
        {
            latencies[w] = new List<double>(seconds * 100);
            using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true };
            using var client = new HttpClient(handler) { BaseAddress = new Uri(url) };
            var page = await client.GetStringAsync("/contact/");
            var hidden = HiddenField().Matches(page).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
            var n = 0;
            while (deadline.Elapsed < duration)
            {
                var form = new Dictionary<string, string>(hidden)
                {
                    ["SubmissionKey"] = Guid.NewGuid().ToString(),
                    ["Name"] = $"Load tester {w}",
                    ["Email"] = $"load{w}@example.org",
                    ["Subject"] = "Load test",
                    ["Message"] = $"Message {n++} from worker {w}.",
                };
                var start = Stopwatch.GetTimestamp();
                using var response = await client.PostAsync("/contact/", new FormUrlEncodedContent(form));
                latencies[w].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (response.StatusCode == HttpStatusCode.SeeOther)
                {
                    Interlocked.Increment(ref seeOther);
                }
                else
                {
                    Interlocked.Increment(ref other);
                }
            }
        }).ToList();
        await Task.WhenAll(workers);
        var elapsed = deadline.Elapsed.TotalSeconds;
        await Task.Delay(500);
        var after = await CountAsync(db);

        var all = latencies.SelectMany(l => l).Order().ToList();
        double Percentile(double p) => all.Count == 0 ? 0 : all[Math.Min(all.Count - 1, (int)(p * all.Count))];
        var stored = after - before;
        var result = new Dictionary<string, object>
        {
            ["seconds"] = Math.Round(elapsed, 1),
            ["concurrency"] = concurrency,
            ["responses_303"] = seeOther,
            ["responses_other"] = other,
            ["rows_added"] = stored,
            ["rows_equal_303"] = stored == seeOther,
            ["stored_per_second"] = Math.Round(stored / elapsed),
            ["p50_ms"] = Math.Round(Percentile(0.50), 1),
            ["p99_ms"] = Math.Round(Percentile(0.99), 1),
            ["max_ms"] = Math.Round(all.LastOrDefault(), 1),
        };
        Console.WriteLine($"Form submissions for {result["seconds"]} s with {concurrency} clients: {seeOther} × 303, {other} other, " +
            $"{stored} rows added ({(stored == seeOther ? "equal" : "NOT EQUAL")}); {result["stored_per_second"]} stored/s, " +
            $"p50 {result["p50_ms"]} ms, p99 {result["p99_ms"]} ms, max {result["max_ms"]} ms");
        Directory.CreateDirectory(outDir);
        await File.WriteAllTextAsync(Path.Combine(outDir, "forms.json"), JsonSerializer.Serialize(result, Report.Indented));
        if (stored != seeOther)
        {
            Environment.ExitCode = 1;
        }
    }

    private static async Task<long> CountAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from submissions", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

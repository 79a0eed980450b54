using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;

namespace DataPlatform.Bench;

/// <summary>
/// The staff list on a database of 100,000 submissions, 90% of them spam (a form hit by a scanner): the inbox with
/// its status counts, and a deep page of the spam, measured from outside as a signed-in member of staff sees them.
/// </summary>
public static partial class StaffBenchmark
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    public static async Task RunAsync(string[] args)
    {
        var web = Path.GetFullPath(args.Arg("--web"));
        var db = args.Arg("--db");
        var count = int.Parse(args.Arg("--submissions", "100000"), System.Globalization.CultureInfo.InvariantCulture);
        var outDir = Path.GetFullPath(args.Arg("--out", Path.Combine("bench", "out")));
        const int port = 5098;

        using var portal = HttpBenchmark.StartPortal(web, db, Path.GetFullPath("content"), port, pin: false);
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await HttpBenchmark.WaitForAsync(http, "/readyz");

        var seedWatch = Stopwatch.StartNew();
        await using (var connection = new NpgsqlConnection(db))
        {
            await connection.OpenAsync();
            // 90% spam, the rest spread over the other statuses; one every 30 seconds back from now.
            await using var seed = new NpgsqlCommand($$"""
                insert into submissions (id, reference, idempotency_key, kind, status, language, name, email, title, message, fields, received_at, stored_at)
                select gen_random_uuid(), 'B-' || lpad(i::text, 8, '0'), gen_random_uuid(), 'contact',
                       case when i % 10 <> 0 then 'spam' else (array['new','in_review','accepted','rejected','done'])[1 + (i / 10) % 5] end,
                       case when i % 3 = 0 then 'sv' else 'en' end, 'Visitor ' || i, 'visitor' || i || '@example.org', 'Subject ' || i,
                       'A message about data number ' || i, '{}'::jsonb, now() - (i * interval '30 seconds'), now()
                from generate_series(1, {{count}}) as i
                """, connection) { CommandTimeout = 600 };
            await seed.ExecuteNonQueryAsync();
            // As autovacuum leaves a table after a burst of inserts: the visibility map lets the counts read the index alone.
            await using var analyze = new NpgsqlCommand("vacuum analyze submissions", connection);
            await analyze.ExecuteNonQueryAsync();
        }
        var seedMs = seedWatch.Elapsed.TotalMilliseconds;

        const string email = "bench-staff@example.org";
        const string password = "Bench-Staff-Passw0rd!";
        var add = Process.Start(new ProcessStartInfo("dotnet") { ArgumentList = { web, "staff", "add", email, "--role", "Staff", "--password-stdin" }, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            Environment = { ["ConnectionStrings__Portal"] = db }, WorkingDirectory = Path.GetDirectoryName(web)! })!;
        await add.StandardInput.WriteLineAsync(password);
        add.StandardInput.Close();
        await add.WaitForExitAsync();
        await using (var connection = new NpgsqlConnection(db))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("update \"AspNetUsers\" set must_change_password = false", connection);
            await command.ExecuteNonQueryAsync();
        }
        var signInPage = await http.GetStringAsync("/staff/signin");
        var signIn = await http.PostAsync("/staff/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = TokenRegex().Match(signInPage).Groups[1].Value, ["Email"] = email, ["Password"] = password,
        }));
        if (signIn.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in answered {(int)signIn.StatusCode}.");
        }

        async Task<(double P50, double P99)> Measure(string url, string mustContain)
        {
            var times = new List<double>();
            for (var i = 0; i < 330; i++)
            {
                var watch = Stopwatch.StartNew();
                var response = await http.GetAsync(url);
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.OK || !body.Contains(mustContain, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"{url} answered {(int)response.StatusCode} without '{mustContain}'.");
                }
                if (i >= 30)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }
            times.Sort();
            return (times[times.Count / 2], times[Math.Min(times.Count - 1, (int)(times.Count * 0.99))]);
        }
        var open = count / 10 * 2 / 5;
        var inbox = await Measure("/staff/", $"{open:N0} submissions".Replace(",", "", StringComparison.Ordinal));
        var spamPage = await Measure("/staff/?status=spam&page=1000", "newest first");
        var searched = await Measure("/staff/?status=all&q=data+number+4242", "1 submission, newest first");
        portal.Kill(entireProcessTree: true);

        var result = new Dictionary<string, object>
        {
            ["submissions"] = count,
            ["seed_ms"] = Math.Round(seedMs),
            ["inbox_with_counts_p50_ms"] = Math.Round(inbox.P50, 1),
            ["inbox_with_counts_p99_ms"] = Math.Round(inbox.P99, 1),
            ["spam_page_1000_p50_ms"] = Math.Round(spamPage.P50, 1),
            ["spam_page_1000_p99_ms"] = Math.Round(spamPage.P99, 1),
            ["search_all_p50_ms"] = Math.Round(searched.P50, 1),
            ["search_all_p99_ms"] = Math.Round(searched.P99, 1),
        };
        Console.WriteLine($"Staff list, {count:N0} submissions (90% spam): inbox with status counts p50 {result["inbox_with_counts_p50_ms"]} ms, p99 {result["inbox_with_counts_p99_ms"]} ms; " +
            $"spam page 1,000 p50 {result["spam_page_1000_p50_ms"]} ms, p99 {result["spam_page_1000_p99_ms"]} ms; full-text search over all p50 {result["search_all_p50_ms"]} ms, p99 {result["search_all_p99_ms"]} ms (300 requests each)");
        Directory.CreateDirectory(outDir);
        await File.WriteAllTextAsync(Path.Combine(outDir, "staff.json"), JsonSerializer.Serialize(result, Report.Indented));
    }
}

using System.Diagnostics;
using System.Net;
using System.Text;
using DataPlatform.Tests.Infrastructure;
using DataPlatform.Web.Content;
using DataPlatform.Web.Outputs;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace DataPlatform.Tests.Hardening;

/// <summary>
/// A bounded content fuzzer: random hostile mutations of front matter, data files and a fetched export (lone surrogates,
/// control characters, alias bombs, deep nesting, huge values, invalid UTF-8, truncation), each followed by a reload, a
/// fetch, the pages every visitor reaches and the editors' check. The portal never answers 5xx, never stops, serves the
/// pages nobody touched as before, and the check always ends with 0 or 1 within seconds. The seed is printed; set
/// <c>PORTAL_FUZZ_SEED</c> (and <c>PORTAL_FUZZ_ROUNDS</c>) to replay or extend a run.
/// </summary>
public sealed class ContentFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] Snippets =
    [
        "\\ud800", "\\udc00x", "\\u0000", "\u0001", "\u001b[31m", "\u0085", "\u2028", "\uFEFF", "\t", "\r", "\"", "'", "{", "}", "[", "]", ":", "- ", "&a ", "*a ",
        "\n" + DirtyDataTests.Laughs, new string('[', 3000), new string('{', 3000), new string('x', 1 << 20), "{{< chart src=\"/etc/passwd\" >}}",
        "{{< datatable src=\"../../../../etc/passwd\" >}}", "\n---\n", "+++", "!!binary AAAA", "? [a, b]\n: c", "<<: *a", "9999-99-99", "-1e308", "NaN",
    ];

    private static readonly string[] Urls =
    [
        "/", "/sv/", "/about/", "/highlights/", "/news/", "/events/", "/services/", "/data-sources/", "/resources/", "/publications/", "/sv/publications/",
        "/publications/?q=genome", "/publications/feed.xml", "/publications/export.bib", "/publications/export.ris", "/publications/export.csv",
        "/publications/export.json", "/datasets/", "/sitemap.xml", "/highlights/feed.xml", "/index.xml", "/search/?q=data", "/healthz",
    ];

    [Fact]
    public async Task Hostile_mutations_never_stop_the_portal_never_answer_5xx_and_keep_the_untouched_pages()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("PORTAL_FUZZ_SEED"), out var s) ? s : 20261207;
        var rounds = int.TryParse(Environment.GetEnvironmentVariable("PORTAL_FUZZ_ROUNDS"), out var r) ? r : 30;
        output.WriteLine($"seed {seed}, {rounds} rounds");
        var random = new Random(seed);
        var root = Fixtures.Copy("portal");
        var export = File.ReadAllBytes(Path.Combine(root, "data", "publications.json"));
        using var source = new LocalHttpServer { Body = export };
        await using var portal = await PortalFactory.CreateAsync(root, new Dictionary<string, string?>
        {
            ["Outputs:Publications:Url"] = source.Url("/publications.json"),
            ["Outputs:CacheDirectory"] = Path.Combine(Path.GetTempPath(), "portal-outputs-" + Guid.NewGuid().ToString("N")[..8]),
        });
        var client = portal.CreatePlainClient();
        var fetcher = portal.Services.GetRequiredService<OutputsFetcher>();
        var targets = Directory.GetFiles(root, "*.md", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("privacy.md", StringComparison.Ordinal) && !f.EndsWith("privacy.sv.md", StringComparison.Ordinal))
            .Concat(Directory.GetFiles(Path.Combine(root, "data"))).Order(StringComparer.Ordinal).ToList();
        var originals = targets.ToDictionary(f => f, File.ReadAllBytes);
        // privacy.md is never touched: it must read the same after every round.
        var privacy = await Article(client, "/privacy/");
        var pages = portal.Content.Current.Pages.Count;

        for (var round = 0; round < rounds; round++)
        {
            var file = targets[random.Next(targets.Count)];
            var mutated = Mutate(File.ReadAllBytes(file), random, out var how);
            File.WriteAllBytes(file, mutated);
            source.Body = Mutate(export, random, out var fetchedHow);
            var step = $"round {round}: {Path.GetRelativePath(root, file)} {how}; fetched export {fetchedHow}";
            output.WriteLine(step);

            var report = portal.Content.Reload();
            await fetcher.FetchAllAsync(CancellationToken.None);
            foreach (var url in Urls.Append(PageUrl(Path.GetRelativePath(root, file))))
            {
                var response = await client.GetAsync(url);
                await response.Content.ReadAsByteArrayAsync();
                Assert.True((int)response.StatusCode < 500, $"{step}: {url} answered {(int)response.StatusCode}");
            }
            Assert.Null(report.Error);
            Assert.Equal(privacy, await Article(client, "/privacy/"));

            var (exit, elapsed) = Check(root);
            Assert.True(exit is 0 or 1, $"{step}: the check exited {exit}");
            Assert.True(elapsed < TimeSpan.FromSeconds(10), $"{step}: the check took {elapsed}");

            if (random.Next(3) == 0)
            {
                File.WriteAllBytes(file, originals[file]);
            }
        }

        // Mended, the site is whole again.
        foreach (var (file, bytes) in originals)
        {
            File.WriteAllBytes(file, bytes);
        }
        portal.Content.Reload();
        Assert.Equal(pages, portal.Content.Current.Pages.Count);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
    }

    /// <summary>Where a page file is served when its front matter does not move it (<c>news/_index.sv.md</c>: <c>/news/</c>).</summary>
    private static string PageUrl(string relative)
    {
        relative = relative.Replace('\\', '/');
        if (!relative.EndsWith(".md", StringComparison.Ordinal))
        {
            return "/";
        }
        var path = relative[..^3].Replace(".sv", "", StringComparison.Ordinal).Replace("_index", "", StringComparison.Ordinal).Replace("/index", "", StringComparison.Ordinal).Trim('/');
        return path.Length == 0 ? "/" : "/" + path + "/";
    }

    /// <summary>The page's own text (menus and notices come from files the fuzzer changes).</summary>
    private static async Task<string> Article(HttpClient client, string url) => (await Html.GetAsync(client, url)).QuerySelector("article.page")!.InnerHtml;

    private static (int Exit, TimeSpan Elapsed) Check(string root)
    {
        var watch = Stopwatch.StartNew();
        var exit = CheckCommand.Run(["--content", root, "--no-git"], TextWriter.Null, TextWriter.Null);
        return (exit, watch.Elapsed);
    }

    /// <summary>One hostile change: a snippet put in, bytes flipped, the file cut short, or replaced by an alias bomb.</summary>
    private static byte[] Mutate(byte[] bytes, Random random, out string how)
    {
        var at = bytes.Length == 0 ? 0 : random.Next(bytes.Length);
        switch (random.Next(5))
        {
            case 0 or 1:
                var snippet = Snippets[random.Next(Snippets.Length)];
                how = $"snippet {Describe(snippet)} at {at}";
                return [.. bytes.AsSpan(0, at), .. Encoding.UTF8.GetBytes(snippet), .. bytes.AsSpan(at)];
            case 2:
                var flipped = bytes.ToArray();
                for (var i = 0; i < 8 && flipped.Length > 0; i++)
                {
                    flipped[random.Next(flipped.Length)] = (byte)random.Next(256);
                }
                how = "8 bytes flipped";
                return flipped;
            case 3:
                how = $"cut at {at}";
                return bytes[..at];
            default:
                how = "replaced by an alias bomb";
                return Encoding.UTF8.GetBytes(DirtyDataTests.Laughs);
        }
    }

    private static string Describe(string snippet) =>
        snippet.Length > 20 ? $"'{Escape(snippet[..10])}…' ({snippet.Length} chars)" : $"'{Escape(snippet)}'";

    private static string Escape(string text) => string.Concat(text.Select(c => char.IsControl(c) || char.IsSurrogate(c) || c > '\u007e' ? $"\\u{(int)c:x4}" : c.ToString()));
}

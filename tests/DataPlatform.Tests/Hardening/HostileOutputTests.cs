using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using DataPlatform.Tests.Infrastructure;
using DataPlatform.Web.Charts;
using DataPlatform.Web.Outputs;
using DataPlatform.Web.Site;
using Microsoft.Extensions.DependencyInjection;

namespace DataPlatform.Tests.Hardening;

/// <summary>
/// Hostile values in the data reach every output safely: BibTeX fields that cannot be forged, feeds that stay XML,
/// charts bounded however odd the dates, and pages whose size and cost do not grow with what a visitor adds to the URL.
/// </summary>
public sealed class HostileOutputTests
{
    /// <summary>The outputs fixture with record titles and dates changed by <paramref name="change"/> (by id).</summary>
    private static string Outputs(Action<Dictionary<string, JsonObject>> change)
    {
        var root = Fixtures.Copy("outputs");
        var file = Path.Combine(root, "data", "publications.json");
        var json = JsonNode.Parse(File.ReadAllText(file))!;
        var records = json["publications"]!.AsArray().OfType<JsonObject>().Where(r => r["iuid"] is not null).GroupBy(r => (string)r["iuid"]!).ToDictionary(g => g.Key, g => g.First());
        change(records);
        File.WriteAllText(file, json.ToJsonString());
        return root;
    }

    private static async Task<string> Python(string script, params string[] args)
    {
        var info = new ProcessStartInfo("/usr/bin/python3") { ArgumentList = { "-c", script }, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, error);
        return output;
    }

    [Fact]
    public async Task No_title_can_forge_a_bibtex_field_or_entry_in_either_common_parser()
    {
        const string forged = "Real title}, url = \"https://evil.example/\", author = \"Mallory, M\"";
        const string entry = "Escape \\}} @misc(pwn, title={owned}) {{ \\{ 100% & $5 #1 a_b";
        var root = Outputs(records =>
        {
            records["ccc333"]["title"] = forged;
            records["fff666"]["title"] = entry;
        });
        await using var portal = await PortalFactory.CreateAsync(root);
        var client = portal.CreatePlainClient();
        var file = Path.Combine(Directory.CreateTempSubdirectory("portal-bib-").FullName, "export.bib");
        await File.WriteAllTextAsync(file, await client.GetStringAsync("/publications/export.bib"));
        var count = (await Html.GetAsync(client, "/publications/")).QuerySelectorAll(".publication").Length;

        const string script = """
            import sys, json, bibtexparser
            from pybtex.database import parse_string
            text = open(sys.argv[1], encoding="utf-8").read()
            a = parse_string(text, "bibtex")
            b = bibtexparser.loads(text)
            out = {
                "pybtex": sorted([k, sorted(e.fields.keys()), [str(p) for p in e.persons.get("author", [])], e.fields.get("url", "")] for k, e in a.entries.items()),
                "bibtexparser": sorted([e["ID"], sorted(k for k in e if k not in ("ID", "ENTRYTYPE")), e.get("url", "")] for e in b.entries),
            }
            print(json.dumps(out))
            """;
        using var parsed = JsonDocument.Parse(await Python(script, file));

        var pybtex = parsed.RootElement.GetProperty("pybtex").EnumerateArray().ToList();
        var bibtexparser = parsed.RootElement.GetProperty("bibtexparser").EnumerateArray().ToList();
        Assert.Equal(count, pybtex.Count);
        Assert.Equal(count, bibtexparser.Count);
        Assert.All(pybtex, e => Assert.StartsWith("http://localhost/publications/", e[3].GetString(), StringComparison.Ordinal));
        Assert.All(bibtexparser, e => Assert.StartsWith("http://localhost/publications/", e[2].GetString(), StringComparison.Ordinal));
        Assert.DoesNotContain(pybtex, e => e[2].EnumerateArray().Any(p => p.GetString()!.Contains("Mallory", StringComparison.Ordinal)));
        Assert.DoesNotContain(pybtex, e => e[0].GetString() == "pwn");
        var bib = await File.ReadAllTextAsync(file);
        Assert.Contains("  title = {Real title\\textbraceright{}, url = \"https://evil.example/\", author = \"Mallory, M\"},\n", bib, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_publications_feed_stays_xml_when_the_newest_record_holds_a_control_character_or_a_lone_surrogate()
    {
        var root = Outputs(records =>
        {
            records["aaa111"]["title"] = "Genomes of the \u0001winter\u000b flounder";
            records["bbb222"]["title"] = "A preprint \ud800 on proteins";
        });
        await using var portal = await PortalFactory.CreateAsync(root);

        var response = await portal.CreatePlainClient().GetAsync("/publications/feed.xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal(["Genomes of the \uFFFDwinter\uFFFD flounder", "A preprint \uFFFD on proteins"],
            feed.Root!.Elements(atom + "entry").Take(2).Select(e => e.Element(atom + "title")!.Value));
    }

    [Fact]
    public void Xml_text_keeps_what_xml_allows_and_replaces_the_rest()
    {
        // Built from code points: a lone surrogate does not survive being an attribute argument.
        string[] texts = ["\u0001", "a" + (char)0xD800 + "b", "b" + (char)0xDC00, "pair \ud83d\ude00 kept", "tab\tnewline\n", "\ufffe"];

        Assert.Equal(["\uFFFD", "a\uFFFDb", "b\uFFFD", "pair \ud83d\ude00 kept", "tab\tnewline\n", "\uFFFD"], texts.Select(CleanXmlWriter.Clean));
    }

    [Fact]
    public async Task Two_stray_dates_do_not_make_a_chart_of_thousands_of_years()
    {
        var root = Outputs(records =>
        {
            records["ccc333"]["published"] = "1000-01-01";
            records["fff666"]["published"] = "9999-01-01";
        });
        await using var portal = await PortalFactory.CreateAsync(root);

        var page = await Html.GetAsync(portal.CreatePlainClient(), "/publications/");

        Assert.Equal(["2021"], page.QuerySelectorAll("#chart-years .chart-table tbody th").Select(th => th.TextContent));
        Assert.Contains(portal.Content.Current.Diagnostics, d => d.Code == "publication-date"
            && d.Message == "Record 8 (fff666): '9999-01-01' is not a date like 2021-05-14 or 2021-05-00 between 1600 and 2200; it is left out.");
    }

    [Fact]
    public async Task A_source_that_trickles_is_given_up_at_the_timeout_and_the_next_source_is_still_fetched()
    {
        using var trickle = new LocalHttpServer { Trickle = true, Body = File.ReadAllBytes(Path.Combine(Fixtures.Path("outputs"), "data", "publications.json")) };
        using var datasets = new LocalHttpServer { Body = File.ReadAllBytes(Path.Combine(Fixtures.Path("outputs"), "data", "datasets.json")) };
        var root = Fixtures.Copy("outputs");
        await using var portal = await PortalFactory.CreateAsync(root, new Dictionary<string, string?>
        {
            ["Outputs:Publications:Url"] = trickle.Url("/publications.json"),
            ["Outputs:Datasets:Url"] = datasets.Url("/datasets.json"),
            ["Outputs:TimeoutSeconds"] = "2",
            ["Outputs:CacheDirectory"] = Path.Combine(Path.GetTempPath(), "portal-outputs-" + Guid.NewGuid().ToString("N")[..8]),
        });
        var fetcher = portal.Services.GetRequiredService<OutputsFetcher>();

        await Eventually.TrueAsync(() => fetcher.Status[1].LastAttempt is not null, "both sources tried", seconds: 10);

        Assert.Equal("no complete answer within 2 s", fetcher.Status[0].Error);
        Assert.Equal((string?)null, fetcher.Status[1].Error);
        Assert.NotNull(fetcher.Status[1].LastSuccess);
    }

    [Fact]
    public void The_chart_fetcher_refuses_every_address_of_this_host()
    {
        var own = System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(i => i.GetIPProperties().UnicastAddresses).Select(a => a.Address).ToList();

        Assert.NotEmpty(own);
        Assert.All(own, address => Assert.True(ChartsHandler.IsInternal(address), $"{address} is this host's"));
        Assert.False(ChartsHandler.IsInternal(IPAddress.Parse("192.0.2.1")));
    }

    [Fact]
    public async Task Forty_hyphens_in_site_search_are_a_search_not_a_server_error()
    {
        await using var portal = await PortalFactory.CreateAsync(Fixtures.Path("search"));
        await portal.WaitForSearchIndexAsync();
        var client = portal.CreatePlainClient();

        var hyphens = await client.GetAsync("/search/?q=" + new string('-', 40));
        var spaced = await client.GetAsync("/search/?q=" + Uri.EscapeDataString(string.Concat(Enumerable.Repeat("- ", 40)) + "data"));

        Assert.Equal(HttpStatusCode.OK, hyphens.StatusCode);
        Assert.Equal(HttpStatusCode.OK, spaced.StatusCode);
        Assert.Equal("", DataPlatform.Web.Search.SearchService.Clean(new string('-', 40)));
        Assert.Equal("-data x", DataPlatform.Web.Search.SearchService.Clean("- - --data x"));
    }
}

/// <summary>Data tables and charts: what a visitor adds to the URL costs neither size nor a render per variant.</summary>
public sealed class HostileQueryTests
{
    private static string Site()
    {
        var root = Fixtures.Copy("tables");
        var csv = new System.Text.StringBuilder("x,value\n");
        for (var i = 0; i < 1_000_000; i++)
        {
            csv.Append(i).Append(',').Append((i * 7919) % 1000 - 500).Append('\n');
        }
        File.WriteAllText(Path.Combine(root, "charts", "million.csv"), csv.ToString());
        File.WriteAllText(Path.Combine(root, "charts", "big.md"), "---\ntitle: A million points\n---\n{{< chart id=\"big\" src=\"million.csv\" title=\"A million points\" >}}\n");
        File.WriteAllText(Path.Combine(root, "charts", "signed.csv"), "site,change\nUppsala,-821\nLund,+3.5e2\nUmeå,=1+1\n");
        File.WriteAllText(Path.Combine(root, "charts", "signed.md"), "---\ntitle: Signed\n---\n{{< datatable id=\"s\" src=\"signed.csv\" >}}\n");
        return root;
    }

    [Fact]
    public async Task Query_keys_a_page_does_not_read_share_one_cached_answer_and_are_not_echoed()
    {
        await using var portal = await PortalFactory.CreateAsync(Site());
        // The search index empties the page cache when it has caught up with the content: let it, first.
        await portal.WaitForSearchIndexAsync();
        var client = portal.CreatePlainClient();
        var cache = portal.Services.GetRequiredService<PageCache>();
        var embed = portal.Content.Current.Pages.Single(p => p.Url == "/charts/big/").Embeds.OfType<DataPlatform.Content.Charts.ChartEmbed>().Single();

        var first = await client.GetStringAsync("/charts/big/?utm_source=a");
        var second = await client.GetStringAsync("/charts/big/?utm_source=b");
        var third = await client.GetStringAsync("/charts/big/?utm_source=c");
        var entries = cache.Count;
        var fourth = await client.GetStringAsync("/charts/big/?utm_source=d&x=1");

        Assert.Equal((200, 1_000_000), (embed.TableHead.Count, embed.TableRowCount));
        Assert.DoesNotContain("utm_source", first + second, StringComparison.Ordinal);
        Assert.Equal(first, second);
        Assert.Equal(second, third);
        Assert.Equal(third, fourth);
        Assert.Equal(entries, cache.Count);
    }

    [Fact]
    public async Task A_data_table_copies_only_its_pages_tables_values_into_its_links()
    {
        await using var portal = await PortalFactory.CreateAsync(Site());
        var client = portal.CreatePlainClient();
        var junk = new string('j', 7000);

        var plain = await client.GetStringAsync("/charts/signed/");
        var page = await client.GetAsync($"/charts/signed/?junk={junk}&s-sort=-change");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain(junk, html, StringComparison.Ordinal);
        Assert.True(html.Length < plain.Length + 2000, $"{html.Length} against {plain.Length}");
    }

    [Fact]
    public async Task A_table_csv_keeps_signed_numbers_numbers_and_formulas_text()
    {
        await using var portal = await PortalFactory.CreateAsync(Site());

        var csv = await portal.CreatePlainClient().GetStringAsync("/charts/signed/?s-format=csv");

        Assert.Equal(["site,change", "Uppsala,-821", "Lund,+3.5e2", "Umeå,'=1+1"], csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }
}

using System.Diagnostics;
using System.Net;
using DataPlatform.Content;
using DataPlatform.Tests.Infrastructure;
using DataPlatform.Web.Content;
using DataPlatform.Web.Outputs;
using Microsoft.Extensions.DependencyInjection;

namespace DataPlatform.Tests.Hardening;

/// <summary>
/// Dirty data is the normal case: a lone surrogate, alias bombs, deep nesting and links out of the content folder are
/// each reported against their file or record, the rest keeps serving, and nothing ends the process.
/// </summary>
public sealed class DirtyDataTests
{
    /// <summary>One YAML "billion laughs": 469 bytes whose aliases expand to 9^9 values.</summary>
    public static string Laughs
    {
        get
        {
            var yaml = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
            var previous = 'a';
            foreach (var name in "bcdefghi")
            {
                yaml += $"{name}: &{name} [{string.Join(',', Enumerable.Repeat("*" + previous, 9))}]\n";
                previous = name;
            }
            return yaml;
        }
    }

    private static (int Exit, string Output, TimeSpan Elapsed) Check(string root)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var watch = Stopwatch.StartNew();
        var exit = CheckCommand.Run(["--content", root, "--no-git"], output, error);
        return (exit, output + error.ToString(), watch.Elapsed);
    }

    /// <summary>The outputs fixture with <c>\ud800</c> (valid JSON, no Unicode) put into record 3's title (ccc333).</summary>
    private static string OutputsWithSurrogate()
    {
        var root = Fixtures.Copy("outputs");
        var file = Path.Combine(root, "data", "publications.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"A review of everything\"", "\"A review \\ud800 of everything\"", StringComparison.Ordinal));
        return root;
    }

    [Fact]
    public async Task A_lone_surrogate_in_the_publications_file_costs_its_record_and_the_portal_serves_the_rest()
    {
        var root = OutputsWithSurrogate();
        await using var portal = await PortalFactory.CreateAsync(root);
        var client = portal.CreatePlainClient();

        var list = await Html.GetAsync(client, "/publications/");

        Assert.Equal(["Genomes of the winter flounder", "=HYPERLINK(\"http://evil.example\") a preprint on proteins", "Case report", "An editorial with a bad DOI and a bad date"],
            list.QuerySelectorAll(".publication-title a").Select(a => a.TextContent));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/publications/ccc333/")).StatusCode);
        Assert.Contains(portal.Content.Current.Diagnostics, d => d is { Code: "outputs-record", File: "data/publications.json", Line: 27 }
            && d.Message == "Record 3 cannot be read: it holds a text that is not valid Unicode (an unpaired surrogate escape such as \\ud800); it is left out.");
        var (exit, output, elapsed) = Check(root);
        Assert.Equal(0, exit);
        Assert.Contains("data/publications.json:27: warning outputs-record: Record 3 cannot be read", output, StringComparison.Ordinal);
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"the check took {elapsed}");
    }

    [Fact]
    public async Task A_fetched_export_with_a_lone_surrogate_is_used_without_that_record()
    {
        var body = File.ReadAllText(Path.Combine(Fixtures.Path("outputs"), "data", "publications.json"))
            .Replace("\"A review of everything\"", "\"A review \\ud800 of everything\"", StringComparison.Ordinal);
        using var server = new LocalHttpServer { Body = System.Text.Encoding.UTF8.GetBytes(body) };
        var root = Fixtures.Copy("outputs");
        File.Delete(Path.Combine(root, "data", "publications.json"));
        await using var portal = await PortalFactory.CreateAsync(root, new Dictionary<string, string?>
        {
            ["Outputs:Publications:Url"] = server.Url("/publications.json"),
            ["Outputs:CacheDirectory"] = Path.Combine(Path.GetTempPath(), "portal-outputs-" + Guid.NewGuid().ToString("N")[..8]),
        });
        var fetcher = portal.Services.GetRequiredService<OutputsFetcher>();

        await Eventually.TrueAsync(() => fetcher.Status[0].LastAttempt is not null, "the first fetch");

        Assert.Equal((6, (string?)null), (fetcher.Status[0].Records, fetcher.Status[0].Error));
        await Eventually.TrueAsync(async () => (await Html.GetAsync(portal.CreatePlainClient(), "/publications/")).QuerySelectorAll(".publication").Length == 4, "the fetched records served");
        Assert.Equal("ready\n", await portal.CreatePlainClient().GetStringAsync("/readyz"));
    }

    [Fact]
    public async Task Chart_and_table_data_with_a_lone_surrogate_leave_the_page_up_with_a_warning()
    {
        var root = Fixtures.Copy("tables");
        File.WriteAllText(Path.Combine(root, "charts", "broken.json"), "[{\"x\": \"a\\ud800\", \"y\": 1}, {\"x\": \"b\", \"y\": 2}]");
        File.WriteAllText(Path.Combine(root, "charts", "surrogate.md"),
            "---\ntitle: Surrogate\n---\n{{< chart id=\"s\" src=\"broken.json\" type=\"bar\" title=\"T\" >}}\n\n{{< datatable id=\"t\" src=\"broken.json\" >}}\n");
        await using var portal = await PortalFactory.CreateAsync(root);

        var response = await portal.CreatePlainClient().GetAsync("/charts/surrogate/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, portal.Content.Current.Diagnostics.Count(d => d.File == "charts/surrogate.md"
            && d.Message.EndsWith("broken.json cannot be shown: it holds a text that is not valid Unicode (an unpaired surrogate escape such as \\ud800).", StringComparison.Ordinal)));
    }

    [Fact]
    public void Alias_bombs_and_deep_nesting_are_refused_within_seconds_with_the_line_where_the_bound_is_crossed()
    {
        var root = Fixtures.Copy("site");
        File.WriteAllText(Path.Combine(root, "laughs.md"), "---\ntitle: Laughs\n" + Laughs + "---\nBody.\n");
        File.WriteAllText(Path.Combine(root, "deep.md"), "---\ntitle: Deep\nx: " + new string('[', 5000) + new string(']', 5000) + "\n---\nBody.\n");
        File.WriteAllText(Path.Combine(root, "data-laughs.md"), "---\ntitle: Table\n---\n{{< datatable id=\"t\" src=\"laughs.yaml\" >}}\n");
        File.WriteAllText(Path.Combine(root, "laughs.yaml"), Laughs);
        Directory.CreateDirectory(Path.Combine(root, "data"));
        File.WriteAllText(Path.Combine(root, "data", "services.yaml"), Laughs);

        var (exit, output, elapsed) = Check(root);

        Assert.Equal(1, exit);
        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"the check took {elapsed}");
        Assert.Contains("laughs.md:9: error front-matter-yaml: Front matter is not valid YAML: The YAML is refused: its aliases expand to more than 1,000,000 values.", output, StringComparison.Ordinal);
        Assert.Contains("deep.md:3: error front-matter-yaml: Front matter is not valid YAML: The YAML is refused: it nests more than 100 levels deep.", output, StringComparison.Ordinal);
        Assert.Contains("data/services.yaml:7: error catalog-syntax: The file is not valid YAML or JSON: The YAML is refused: its aliases expand to more than 1,000,000 values.", output, StringComparison.Ordinal);
        Assert.Contains("data-laughs.md:4: warning datatable: datatable 't': laughs.yaml cannot be shown: it is not valid YAML (line 7): The YAML is refused: its aliases expand to more than 1,000,000 values.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Yaml_that_only_uses_aliases_modestly_still_reads()
    {
        var stream = BoundedYaml.Load("base: &base {a: 1, b: [x, y]}\none: *base\ntwo: *base\n");

        var map = (YamlDotNet.RepresentationModel.YamlMappingNode)stream.Documents[0].RootNode;
        Assert.Equal(["base", "one", "two"], map.Children.Keys.Select(k => k.ToString()));
        Assert.Same(map.Children[new YamlDotNet.RepresentationModel.YamlScalarNode("base")], map.Children[new YamlDotNet.RepresentationModel.YamlScalarNode("two")]);
    }

    [Fact]
    public async Task Symbolic_links_out_of_the_content_folder_or_in_a_loop_are_not_followed()
    {
        var root = Fixtures.Copy("site");
        var baseline = Check(root).Output.Split('\n').Single(l => l.Contains(" pages checked ", StringComparison.Ordinal)).Split(' ')[0];
        File.CreateSymbolicLink(Path.Combine(root, "static", "sym-etc"), "/etc");
        File.CreateSymbolicLink(Path.Combine(root, "static", "passwd.txt"), "/etc/passwd");
        Directory.CreateDirectory(Path.Combine(root, "loopdir"));
        File.WriteAllText(Path.Combine(root, "loopdir", "page.md"), "---\ntitle: In the loop\n---\nBody.\n");
        File.CreateSymbolicLink(Path.Combine(root, "loopdir", "up"), "..");
        Directory.CreateDirectory(Path.Combine(root, "shared"));
        File.WriteAllText(Path.Combine(root, "shared", "note.md"), "---\ntitle: A shared note\n---\nBody.\n");
        File.CreateSymbolicLink(Path.Combine(root, "about", "note.md"), Path.Combine("..", "shared", "note.md"));
        File.WriteAllText(Path.Combine(root, "leak.md"), "---\ntitle: Leak\n---\n{{< datatable id=\"t\" src=\"/static/sym-etc/passwd\" >}}\n");

        var (_, output, elapsed) = Check(root);
        await using var portal = await PortalFactory.CreateAsync(root);
        var client = portal.CreatePlainClient();

        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"the check took {elapsed}");
        Assert.Contains("static/sym-etc:0: warning symlink: The symbolic link leads outside the content folder; it is not followed.", output, StringComparison.Ordinal);
        Assert.Contains("static/passwd.txt:0: warning symlink: The symbolic link leads outside the content folder; it is not followed.", output, StringComparison.Ordinal);
        Assert.Contains("loopdir/up:0: warning symlink: The symbolic link leads to a folder it is in (a loop); it is not followed.", output, StringComparison.Ordinal);
        Assert.Contains("leak.md:4: warning datatable: datatable 't': the data file '/static/sym-etc/passwd' is not in the page's folder, content/data/ or content/static/.", output, StringComparison.Ordinal);
        // The pages before, plus the page in the loop folder, the shared note and the link to it, the leak page, and the
        // section pages made for loopdir/ and shared/: each once, however often the loop leads back.
        Assert.Equal((int.Parse(baseline, System.Globalization.CultureInfo.InvariantCulture) + 6).ToString(System.Globalization.CultureInfo.InvariantCulture),
            output.Split('\n').Single(l => l.Contains(" pages checked ", StringComparison.Ordinal)).Split(' ')[0]);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/sym-etc/passwd")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/passwd.txt")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/loopdir/page/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/loopdir/up/loopdir/page/")).StatusCode);
        Assert.Equal("A shared note", (await Html.GetAsync(client, "/about/note/")).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public void The_check_never_crashes_on_a_folder_of_hostile_files()
    {
        var root = Fixtures.Copy("outputs");
        File.WriteAllText(Path.Combine(root, "data", "publications.json"), "{\"publications\": [" + new string('[', 100_000) + "]}");
        File.WriteAllText(Path.Combine(root, "data", "datasets.json"), "[{\"doi\": \"10.1/\\udc00\", \"available_items\": [{\"repo_name\": \"\\ud800\"}]}]");
        File.WriteAllText(Path.Combine(root, "data", "repositories.yaml"), Laughs);
        File.WriteAllBytes(Path.Combine(root, "binary.md"), [0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x00, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a]);

        var (exit, output, elapsed) = Check(root);

        Assert.Equal(1, exit);
        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"the check took {elapsed}");
        Assert.Contains("data/publications.json:1: error outputs-syntax: The file is not valid JSON", output, StringComparison.Ordinal);
        Assert.Contains("data/repositories.yaml:7: error repositories-syntax: The file is not valid YAML: The YAML is refused: its aliases expand to more than 1,000,000 values.", output, StringComparison.Ordinal);
        Assert.Contains("data/datasets.json:1: warning outputs-record: Record 1 cannot be read: it holds a text that is not valid Unicode", output, StringComparison.Ordinal);
        Assert.Contains("binary.md:2: error encoding: The file is not valid UTF-8", output, StringComparison.Ordinal);
    }
}

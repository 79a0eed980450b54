using System.Text.Json;
using DataPlatform.Content;
using DataPlatform.Tests.Infrastructure;
using DataPlatform.Web.Content;

namespace DataPlatform.Tests.Content;

/// <summary>The content check: every kind of error and warning with its file, line and code, the exit codes and the JSON format.</summary>
public class CheckTests
{
    private static (int Exit, string Output, string Error) Check(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CheckCommand.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static List<(string Severity, string Code, string File, int Line)> Diagnostics(string folder)
    {
        var (_, output, _) = Check("--content", folder, "--format", "json", "--no-git");
        using var json = JsonDocument.Parse(output);
        return json.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Select(d => (d.GetProperty("severity").GetString()!, d.GetProperty("code").GetString()!, d.GetProperty("file").GetString()!, d.GetProperty("line").GetInt32()))
            .ToList();
    }

    [Theory]
    [InlineData("error", "broken-link", "_index.md", 7)]
    [InlineData("error", "broken-image", "_index.md", 9)]
    [InlineData("warning", "image-alt", "_index.md", 9)]
    [InlineData("error", "broken-link", "_index.md", 11)]
    [InlineData("warning", "insecure-link", "_index.md", 13)]
    [InlineData("warning", "heading-skip", "about.md", 7)]
    [InlineData("warning", "missing-translation", "about.md", 1)]
    [InlineData("error", "front-matter-yaml", "bad-yaml.md", 2)]
    [InlineData("error", "front-matter-not-first-line", "late.md", 2)]
    [InlineData("error", "missing-title", "no-title.md", 1)]
    [InlineData("error", "duplicate-url", "dup-b.md", 3)]
    [InlineData("error", "alias-collision", "alias.md", 3)]
    [InlineData("error", "menu-parent", "menu.md", 5)]
    [InlineData("error", "event-end-before-start", "event.md", 4)]
    [InlineData("error", "unknown-shortcode", "shortcode.md", 7)]
    [InlineData("warning", "stale-translation", "stale.sv.md", 1)]
    public void Reports_each_problem_with_file_line_and_code(string severity, string code, string file, int line)
    {
        Assert.Contains((severity, code, file, line), Diagnostics(Fixtures.Path("check")));
    }

    [Fact]
    public void Links_that_work_are_not_reported()
    {
        var diagnostics = Diagnostics(Fixtures.Path("check"));

        Assert.Equal(2, diagnostics.Count(d => d.Code == "broken-link"));
        Assert.Single(diagnostics, d => d.Code == "broken-image");
        Assert.DoesNotContain(diagnostics, d => d.File == "_index.sv.md" && d.Code.StartsWith("broken", StringComparison.Ordinal));
    }

    /// <summary>The one test that reads the editors' <c>content/</c> folder: it loads and checks clean.</summary>
    [Fact]
    public void The_editors_content_loads_and_checks_clean()
    {
        var result = Check("--content", Fixtures.RepositoryContent);

        Assert.Equal("", result.Error);
        Assert.Equal(0, result.Exit);
    }

    [Fact]
    public void Exit_code_is_1_with_errors_0_without_and_2_when_the_folder_cannot_be_read()
    {
        Assert.Equal(1, Check("--content", Fixtures.Path("check"), "--no-git").Exit);
        Assert.Equal(0, Check("--content", Fixtures.Portal, "--no-git").Exit);
        var missing = Check("--content", "/no/such/folder");
        Assert.Equal(2, missing.Exit);
        Assert.Contains("cannot be read", missing.Error, StringComparison.Ordinal);
        Assert.Equal(2, Check("--format", "xml").Exit);
    }

    [Fact]
    public void Text_output_is_one_line_per_problem_that_ci_systems_can_annotate()
    {
        var (_, output, _) = Check("--content", Fixtures.Path("check"), "--no-git");

        Assert.Contains("menu.md:5: error menu-parent: ", output, StringComparison.Ordinal);
        Assert.Matches(@"\d+ pages checked in .*: \d+ errors, \d+ warnings\.", output.TrimEnd().Split('\n')[^1]);
    }

    [Fact]
    public void Json_output_has_a_version_and_a_summary()
    {
        var (_, output, _) = Check("--content", Fixtures.Path("check"), "--format", "json", "--no-git");
        using var json = JsonDocument.Parse(output);

        Assert.Equal(CheckCommand.JsonVersion, json.RootElement.GetProperty("version").GetInt32());
        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal(json.RootElement.GetProperty("diagnostics").EnumerateArray().Count(d => d.GetProperty("severity").GetString() == "error"), summary.GetProperty("errors").GetInt32());
    }

    [Fact]
    public void Translations_in_a_git_checkout_are_dated_by_their_last_commit()
    {
        var root = Fixtures.Copy("dirs");
        static void Git(string root, string date, params string[] args)
        {
            var info = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
            info.Environment["GIT_AUTHOR_DATE"] = date;
            info.Environment["GIT_COMMITTER_DATE"] = date;
            foreach (var arg in new[] { "-c", "user.email=t@example.org", "-c", "user.name=Test" }.Concat(args))
            {
                info.ArgumentList.Add(arg);
            }
            using var process = System.Diagnostics.Process.Start(info)!;
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
        }
        Git(root, "2024-01-01T00:00:00", "init", "-q");
        Git(root, "2024-01-01T00:00:00", "add", ".");
        Git(root, "2024-01-01T00:00:00", "commit", "-q", "-m", "first");
        File.AppendAllText(Path.Combine(root, "english", "guide", "install.md"), "\nA new paragraph.\n");
        Git(root, "2024-06-01T00:00:00", "commit", "-q", "-am", "update the English page");

        var (_, output, _) = Check("--content", root, "--layout", "Directories", "--en-dir", "english", "--sv-dir", "svenska");

        Assert.Contains("svenska/guide/install.md:1: warning stale-translation", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_migration_report_lists_what_a_hugo_site_would_lose_and_exits_1()
    {
        var root = Fixtures.Copy("hugo");
        File.WriteAllText(Path.Combine(root, "guide", "legacy.md"), """
            ---
            title: Legacy
            layout: wide
            type: docs
            hero_image: hero.png
            aliases: [/guide/visible/]
            menu:
              sidebar:
                weight: 1
            ---
            {{< tabs >}}Text{{< /tabs >}} and [an old link](/old/page/).
            """);

        var (exit, output, _) = Check("--content", root, "--migration", "--format", "json", "--no-git");

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        Assert.False(json.RootElement.GetProperty("lossless").GetBoolean());
        Assert.Equal(
            ["shortcode tabs 1 guide/legacy.md", "layout wide 1 guide/legacy.md", "type docs 1 guide/legacy.md",
             "hidden headless or _build render: never 2 guide/unrendered.md,shared-images/index.md", "unlisted _build list: never 1 guide/unlisted.md",
             "front-matter-key hero_image 1 guide/legacy.md", "menu sidebar 1 guide/legacy.md", "broken-link /old/page/ 1 guide/legacy.md:11",
             "alias-collision /guide/visible/ 1 guide/legacy.md:6"],
            json.RootElement.GetProperty("items").EnumerateArray().Select(i =>
                $"{i.GetProperty("kind").GetString()} {i.GetProperty("what").GetString()} {i.GetProperty("count").GetInt32()} {string.Join(',', i.GetProperty("files").EnumerateArray().Select(f => f.GetString()))}"));
    }

    [Fact]
    public void The_migration_report_names_a_section_that_takes_the_address_of_a_list_the_portal_draws()
    {
        var root = Fixtures.Copy("hugo");
        Directory.CreateDirectory(Path.Combine(root, "datasets"));
        File.WriteAllText(Path.Combine(root, "datasets", "_index.md"), "---\ntitle: Our datasets\n---\nThe data we share.\n");
        File.WriteAllText(Path.Combine(root, "datasets", "old-list.md"), "---\ntitle: The old list\n---\nA table kept by hand.\n");

        var (exit, output, _) = Check("--content", root, "--migration", "--format", "json", "--no-git");

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        var item = json.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("kind").GetString() == "portal-route");
        Assert.Equal("/datasets/: the portal's own list; the section's title and text introduce it (en only, shown in both languages); 1 page below it is not listed there",
            item.GetProperty("what").GetString());
        Assert.Equal(["datasets/_index.md", "datasets/old-list.md"], item.GetProperty("files").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public void The_migration_report_of_a_site_that_loses_nothing_exits_0()
    {
        var (exit, output, _) = Check("--content", Fixtures.Portal, "--migration", "--no-git");

        Assert.Equal(0, exit);
        Assert.EndsWith(": nothing is lost in the move.", output.TrimEnd(), StringComparison.Ordinal);
    }
}

/// <summary>What the running portal logs of a content check.</summary>
public class ContentProblemLogTests
{
    private sealed class ListLogger : Microsoft.Extensions.Logging.ILogger
    {
        public List<(Microsoft.Extensions.Logging.LogLevel Level, string Message)> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add((logLevel, formatter(state, exception)));
    }

    [Fact]
    public void A_site_with_thousands_of_problems_logs_the_first_hundred_errors_first_and_counts_the_rest()
    {
        var logger = new ListLogger();
        var problems = Enumerable.Range(0, 250).Select(i => new Diagnostic(Severity.Warning, "missing-translation", $"news/page-{i:D3}.md", 1, "There is no Swedish translation of this page."))
            .Concat(Enumerable.Range(0, 30).Select(i => new Diagnostic(Severity.Warning, "stale-translation", $"news/page-{i:D3}.sv.md", 1, "Older than its English page.")))
            .Append(new Diagnostic(Severity.Error, "broken-link", "news/page-249.md", 7, "/nowhere/ is not a page."));

        ContentStartup.LogNewProblems(logger, problems);

        Assert.Equal(101, logger.Lines.Count);
        Assert.Equal((Microsoft.Extensions.Logging.LogLevel.Error, "Content Error in news/page-249.md:7 broken-link: /nowhere/ is not a page."), logger.Lines[0]);
        Assert.Equal("Content Warning in news/page-098.md:1 missing-translation: There is no Swedish translation of this page.", logger.Lines[99].Message);
        Assert.Equal((Microsoft.Extensions.Logging.LogLevel.Warning,
            "Content: 181 more new problems, not logged one by one (warning missing-translation: 151, warning stale-translation: 30); /staff/content lists them all"),
            logger.Lines[100]);
    }
}

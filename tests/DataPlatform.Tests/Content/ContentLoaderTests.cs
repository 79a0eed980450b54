using Microsoft.Extensions.Time.Testing;
using DataPlatform.Content;
using DataPlatform.Tests.Infrastructure;

namespace DataPlatform.Tests.Content;

public class ContentLoaderTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 15, 12, 0, 0, TimeSpan.Zero);

    private static ContentSnapshot Load(string fixture = "site", ContentLayout layout = ContentLayout.Suffix, Dictionary<string, string>? directories = null)
    {
        var options = new ContentOptions { Root = Fixtures.Path(fixture), Layout = layout };
        if (directories is not null)
        {
            options.Directories = directories;
        }
        return new ContentLoader(options, new FakeTimeProvider(Now)).Load();
    }

    [Theory]
    [InlineData("/", "Fixture Home", "en", PageKind.Home)]
    [InlineData("/sv/", "Fixturens startsida", "sv", PageKind.Home)]
    [InlineData("/about/", "About us", "en", PageKind.Section)]
    [InlineData("/sv/about/", "Om oss", "sv", PageKind.Section)]
    [InlineData("/about/team/", "Our team", "en", PageKind.Page)]
    [InlineData("/sv/about/team/", "Vårt team", "sv", PageKind.Page)]
    [InlineData("/about/our-history/", "History", "en", PageKind.Page)]
    [InlineData("/news/first-story/", "First story", "en", PageKind.Page)]
    [InlineData("/sv/news/first-story/", "Första nyheten", "sv", PageKind.Page)]
    [InlineData("/special/place/", "Custom URL", "en", PageKind.Page)]
    [InlineData("/sv/svonly/", "Bara på svenska", "sv", PageKind.Page)]
    [InlineData("/toml/", "TOML page", "en", PageKind.Page)]
    [InlineData("/nosection/deep/page/", "Deep page", "en", PageKind.Page)]
    [InlineData("/nosection/", "Nosection", "en", PageKind.Section)]
    public void Maps_urls_to_pages_and_languages(string url, string title, string language, PageKind kind)
    {
        var page = Load().Find(url);

        Assert.NotNull(page);
        Assert.Equal((title, language, kind), (page.Title, page.Language.Code, page.Kind));
    }

    [Theory]
    [InlineData("/news/draft/")]
    [InlineData("/news/future/")]
    [InlineData("/news/expired/")]
    [InlineData("/about/history/")]
    [InlineData("/sv/about/our-history/")]
    public void Drafts_future_expired_and_overridden_paths_are_not_pages(string url)
    {
        Assert.Null(Load().Find(url));
    }

    [Fact]
    public void Future_publish_date_schedules_a_reload()
    {
        Assert.Equal(new DateTimeOffset(2999, 1, 1, 0, 0, 0, TimeSpan.FromHours(1)), Load().NextScheduledChange);
    }

    [Fact]
    public void Translations_are_paired_and_missing_ones_are_null()
    {
        var snapshot = Load();
        var team = snapshot.Find("/about/team/")!;
        var history = snapshot.Find("/about/our-history/")!;

        Assert.Equal("/sv/about/team/", snapshot.Translation(team, SiteLanguage.Swedish)?.Url);
        Assert.Null(snapshot.Translation(history, SiteLanguage.Swedish));
    }

    [Fact]
    public void Cascade_is_inherited_and_own_values_win()
    {
        var snapshot = Load();

        Assert.Equal("staff", snapshot.Find("/about/team/")!.Meta.GetString("audience"));
        Assert.Equal("researchers", snapshot.Find("/about/our-history/")!.Meta.GetString("audience"));
        Assert.Equal("Inherited alt text", snapshot.Find("/about/our-history/")!.Meta.BannerAlt);
        Assert.Null(snapshot.Find("/news/second/")!.Meta.GetString("audience"));
    }

    [Fact]
    public void Aliases_redirect_including_relative_ones()
    {
        var snapshot = Load();

        Assert.Equal("/about/team/", snapshot.Redirects["/team/"]);
        Assert.Equal("/about/team/", snapshot.Redirects["/about/old-team/"]);
    }

    [Fact]
    public void Section_children_follow_weight_then_date_then_title()
    {
        var snapshot = Load();
        var news = snapshot.Find("/news/")!;

        Assert.Equal(["Weighted story", "Second story", "First story"], snapshot.Children(news).Select(p => p.Title));
    }

    [Fact]
    public void Menus_nest_by_parent_and_order_by_weight()
    {
        var snapshot = Load();
        var main = snapshot.Menu(SiteLanguage.English, "main");

        Assert.Equal(["Home", "About us", "TOML page", "Orphan"], main.Select(m => m.Name));
        Assert.Equal(["History", "Our team"], main[1].Children.Select(c => c.Name));
        Assert.Equal("/about/our-history/", main[1].Children[0].Url);
        Assert.Equal("Our team", Assert.Single(snapshot.Menu(SiteLanguage.English, "footer")[0].Children).Name);
    }

    [Fact]
    public void Swedish_menu_borrows_untranslated_entries_pointing_at_the_swedish_fallback()
    {
        var about = Load().Menu(SiteLanguage.Swedish, "main").Single(m => m.Identifier == "about");

        Assert.Equal("Om oss", about.Name);
        Assert.Contains(about.Children, c => c is { Name: "Vårt team", Url: "/sv/about/team/" });
        Assert.Contains(about.Children, c => c is { Name: "History", Url: "/sv/about/our-history/" });
    }

    [Fact]
    public void Missing_menu_parent_is_an_error_with_file_and_line()
    {
        var diagnostic = Assert.Single(Load().Diagnostics, d => d.Code == "menu-parent");

        Assert.Equal(("about/orphan.md", 5, Severity.Error), (diagnostic.File, diagnostic.Line, diagnostic.Severity));
    }

    [Fact]
    public void Static_and_bundle_files_are_served_beside_their_pages_in_both_languages()
    {
        var files = Load().Files;

        Assert.True(files.ContainsKey("/files/doc.txt"));
        Assert.True(files.ContainsKey("/news/first-story/picture.svg"));
        Assert.True(files.ContainsKey("/sv/news/first-story/picture.svg"));
    }

    [Fact]
    public void Breadcrumb_ancestors_run_from_home_down()
    {
        var snapshot = Load();

        Assert.Equal(["/", "/about/"], snapshot.Ancestors(snapshot.Find("/about/team/")!).Select(p => p.Url));
        Assert.Equal(["/sv/", "/sv/about/"], snapshot.Ancestors(snapshot.Find("/sv/about/team/")!).Select(p => p.Url));
    }

    [Fact]
    public void Directories_layout_pairs_pages_by_relative_path()
    {
        var snapshot = Load("dirs", ContentLayout.Directories, new() { ["en"] = "english", ["sv"] = "svenska" });

        Assert.Equal("Installera", snapshot.Find("/sv/guide/install/")?.Title);
        Assert.Equal("/sv/guide/install/", snapshot.Translation(snapshot.Find("/guide/install/")!, SiteLanguage.Swedish)?.Url);
        Assert.Null(snapshot.Find("/sv/guide/english-only/"));
        Assert.Equal(["Guide på svenska"], snapshot.Menu(SiteLanguage.Swedish, "main").Select(m => m.Name));
        Assert.Empty(snapshot.Diagnostics);
    }

    [Fact]
    public void Directories_layout_with_a_missing_folder_reports_it()
    {
        var snapshot = Load("dirs", ContentLayout.Directories, new() { ["en"] = "english", ["sv"] = "nope" });

        Assert.Contains(snapshot.Diagnostics, d => d.Code == "language-folder" && d.File == "nope");
        Assert.NotNull(snapshot.Find("/guide/install/"));
    }

    [Fact]
    public void Duplicate_urls_keep_the_first_and_report_the_second()
    {
        var root = Fixtures.Copy("site");
        File.WriteAllText(Path.Combine(root, "zz-clash.md"), "---\ntitle: Clash\nurl: /special/place/\n---\nBody\n");

        var snapshot = new ContentLoader(new ContentOptions { Root = root }, new FakeTimeProvider(Now)).Load();

        Assert.Equal("Custom URL", snapshot.Find("/special/place/")!.Title);
        var error = Assert.Single(snapshot.Diagnostics, d => d.Code == "duplicate-url");
        Assert.Equal(("zz-clash.md", 3), (error.File, error.Line));
    }

    private static ContentSnapshot LoadHighlights(params (string Slug, string Date, string Tags)[] pages)
    {
        var root = Directory.CreateTempSubdirectory("portal-related-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "highlights"));
        File.WriteAllText(Path.Combine(root, "_index.md"), "---\ntitle: Home\n---\n");
        File.WriteAllText(Path.Combine(root, "highlights", "_index.md"), "---\ntitle: Highlights\n---\n");
        foreach (var (slug, date, tags) in pages)
        {
            File.WriteAllText(Path.Combine(root, "highlights", slug + ".md"), $"---\ntitle: {slug}\ndate: {date}\ntags: [{tags}]\n---\nText.\n");
        }
        return new ContentLoader(new ContentOptions { Root = root }, new FakeTimeProvider(Now)).Load();
    }

    [Fact]
    public void Related_pages_share_the_most_tags_then_are_the_newest_then_by_file()
    {
        var snapshot = LoadHighlights(("a", "2024-01-01", "x, y, z"), ("b", "2023-01-01", "x, y"), ("c", "2024-06-01", "x"),
            ("d", "2024-06-01", "z"), ("e", "2020-01-01", "x, y, z"), ("f", "2022-01-01", "y"), ("g", "2024-09-01", "w"));

        Assert.Equal(["e", "b", "c"], snapshot.Related(snapshot.Find("/highlights/a/")!, 3).Select(p => p.Title));
        Assert.Equal(["e", "b", "c", "d", "f"], snapshot.Related(snapshot.Find("/highlights/a/")!, 10).Select(p => p.Title));
        Assert.Equal(["a", "e", "c"], snapshot.Related(snapshot.Find("/highlights/b/")!, 3).Select(p => p.Title));
        Assert.Empty(snapshot.Related(snapshot.Find("/highlights/g/")!, 3));
    }

    [Fact]
    public void Related_pages_are_those_a_count_of_every_shared_tag_gives()
    {
        // Not every page counted: many pages on few dates and tags, so the shortcuts meet ties and long lists.
        var random = new Random(11);
        var tags = new[] { "common", "usual", "rare", "odd", "one" };
        var snapshot = LoadHighlights(Enumerable.Range(0, 120).Select(i => ($"p{i:D3}", $"2024-0{1 + random.Next(4)}-0{1 + random.Next(3)}",
            string.Join(", ", tags.Where((_, t) => random.NextDouble() < new[] { 0.8, 0.5, 0.15, 0.1, 0.02 }[t])))).ToArray());
        var pages = snapshot.PagesIn(SiteLanguage.English, "highlights");

        foreach (var page in pages)
        {
            foreach (var count in new[] { 1, 3, 10 })
            {
                var counted = pages.Where(other => other != page)
                    .Select(other => (Page: other, Shared: other.Meta.Tags.Intersect(page.Meta.Tags).Count()))
                    .Where(x => x.Shared > 0)
                    .OrderByDescending(x => x.Shared).ThenByDescending(x => x.Page.Date).ThenBy(x => x.Page.SourcePath, StringComparer.Ordinal)
                    .Take(count).Select(x => x.Page.Url);
                Assert.Equal(counted, snapshot.Related(page, count).Select(p => p.Url));
            }
        }
        Assert.Equal(120, pages.Count);
    }

    /// <summary>An editor's save: new text, and a modification time the parse cache cannot mistake for the old one.</summary>
    private static void WriteEdit(string file, string text)
    {
        File.WriteAllText(file, text);
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddSeconds(5));
    }

    [Fact]
    public void A_reload_after_one_edit_parses_one_file()
    {
        var root = Fixtures.Copy("site");
        var loader = new ContentLoader(new ContentOptions { Root = root }, new FakeTimeProvider(Now));
        loader.Load();
        var file = Path.Combine(root, "news", "second.md");
        WriteEdit(file, "---\ntitle: Second story, edited\ndate: 2024-04-01\n---\nEdited.\n");

        var snapshot = loader.Load();

        Assert.Equal(1, loader.LastParsedCount);
        Assert.Equal("Second story, edited", snapshot.Find("/news/second/")!.Title);
    }

    [Fact]
    public void A_file_that_cannot_be_read_after_an_edit_keeps_its_last_readable_version_and_says_why()
    {
        var root = Fixtures.Copy("site");
        var loader = new ContentLoader(new ContentOptions { Root = root }, new FakeTimeProvider(Now));
        loader.Load();
        var file = Path.Combine(root, "news", "second.md");
        WriteEdit(file, "---\ntitle: Second story, half wri"); // a save read before it was all written

        var broken = loader.Load();

        Assert.Equal("Second story", broken.Find("/news/second/")!.Title);
        var problem = Assert.Single(broken.Diagnostics, d => d.File == "news/second.md");
        Assert.Equal(("front-matter-unclosed", Severity.Error), (problem.Code, problem.Severity));
        Assert.Equal("Front matter opened with '---' on line 1 is never closed; add a '---' line after it. Until then, the version read before is served.", problem.Message);
        // A fresh start (and the content check) never read it cleanly: no page.
        Assert.Null(new ContentLoader(new ContentOptions { Root = root }, new FakeTimeProvider(Now)).Load().Find("/news/second/"));

        WriteEdit(file, "---\ntitle: Second story, mended\ndate: 2024-04-01\n---\nMended.\n");
        var mended = loader.Load();

        Assert.Equal("Second story, mended", mended.Find("/news/second/")!.Title);
        Assert.DoesNotContain(mended.Diagnostics, d => d.File == "news/second.md");
    }

    [Fact]
    public void A_text_edit_is_patched_into_the_snapshot_and_reads_as_a_full_load_would()
    {
        var root = Fixtures.Copy("site");
        var loader = new ContentLoader(new ContentOptions { Root = root }, new FakeTimeProvider(Now));
        var before = loader.Load();
        var file = Path.Combine(root, "news", "second.md");
        var text = File.ReadAllText(file);
        var frontMatterEnd = text.IndexOf("\n---\n", 4, StringComparison.Ordinal) + 5;
        WriteEdit(file, text[..frontMatterEnd] + "A new body with a {{< unknownthing >}} in it.\n");

        var patched = loader.Load([file]);
        var full = new ContentLoader(new ContentOptions { Root = root }, new FakeTimeProvider(Now)).Load();

        var page = patched.Find("/news/second/")!;
        Assert.Contains("A new body with a", page.Html, StringComparison.Ordinal);
        Assert.NotSame(before.Find("/news/second/"), page);
        // The same site as a load from scratch: pages, listings, translations and problems.
        Assert.Equal(full.Pages.Select(p => p.Url + "|" + p.Html), patched.Pages.Select(p => p.Url + "|" + p.Html));
        var news = patched.Section(SiteLanguage.English, "news")!;
        Assert.Equal(full.Children(full.Section(SiteLanguage.English, "news")!).Select(p => p.Url), patched.Children(news).Select(p => p.Url));
        Assert.Contains(page, patched.Children(news));
        Assert.Equal(full.Diagnostics.Select(d => d.ToString()).Order(StringComparer.Ordinal), patched.Diagnostics.Select(d => d.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(full.Version, patched.Version);
        Assert.NotEqual(before.Version, patched.Version);
    }

    [Fact]
    public void A_title_description_and_tags_edit_is_patched_and_reads_as_a_full_load_would()
    {
        var root = Fixtures.Copy("site");
        File.WriteAllText(Path.Combine(root, "news", "twin.md"), "---\ntitle: Twin story\ndate: 2024-04-01\n---\nSame day as the second story.\n");
        var loader = new ContentLoader(new ContentOptions { Root = root }, new FakeTimeProvider(Now));
        var before = loader.Load();
        var news = before.Section(SiteLanguage.English, "news")!;
        Assert.Equal(["/news/weighted/", "/news/second/", "/news/twin/", "/news/first-story/"], before.Children(news).Select(p => p.Url).Where(u => u != "/news/draft/"));
        var file = Path.Combine(root, "news", "second.md");
        WriteEdit(file, "---\ntitle: Zebra story\ndescription: Now about zebras.\ndate: 2024-04-01\ntags: [zebras]\n---\n\nSecond.\n");

        var patched = loader.Load([file]);
        var full = new ContentLoader(new ContentOptions { Root = root }, new FakeTimeProvider(Now)).Load();

        // Patched, not rebuilt: the pages that did not change are the same objects.
        Assert.Same(before.Find("/news/twin/"), patched.Find("/news/twin/"));
        var page = patched.Find("/news/second/")!;
        Assert.Equal(("Zebra story", "Now about zebras."), (page.Title, page.Meta.Description));
        var patchedNews = patched.Section(SiteLanguage.English, "news")!;
        Assert.Equal(full.Children(full.Section(SiteLanguage.English, "news")!).Select(p => p.Url), patched.Children(patchedNews).Select(p => p.Url));
        Assert.Equal(["/news/weighted/", "/news/twin/", "/news/second/", "/news/first-story/"], patched.Children(patchedNews).Select(p => p.Url).Where(u => u != "/news/draft/"));
        Assert.Equal(["/news/second/"], patched.Terms(SiteLanguage.English, "news", "tags")["zebras"].Pages.Select(p => p.Url));
        Assert.Equal(full.Pages.Select(p => p.Url + "|" + p.Title), patched.Pages.Select(p => p.Url + "|" + p.Title));
        Assert.Equal(full.Version, patched.Version);
        Assert.NotEqual(before.Version, patched.Version);
    }

    [Fact]
    public void A_title_edit_of_a_page_in_a_menu_rebuilds_the_menu()
    {
        var root = Fixtures.Copy("site");
        var loader = new ContentLoader(new ContentOptions { Root = root }, new FakeTimeProvider(Now));
        var before = loader.Load();
        var file = Path.Combine(root, "toml.md");
        WriteEdit(file, File.ReadAllText(file).Replace("title = \"TOML page\"", "title = \"Renamed TOML page\"", StringComparison.Ordinal));

        var snapshot = loader.Load([file]);

        Assert.NotSame(before.Find("/news/second/"), snapshot.Find("/news/second/"));
        Assert.Contains(snapshot.Menu(SiteLanguage.English, "main"), item => item.Name == "Renamed TOML page");
    }

    [Fact]
    public void A_front_matter_edit_given_as_a_written_file_still_rebuilds_what_depends_on_it()
    {
        var root = Fixtures.Copy("site");
        var loader = new ContentLoader(new ContentOptions { Root = root }, new FakeTimeProvider(Now));
        loader.Load();
        var file = Path.Combine(root, "news", "second.md");
        WriteEdit(file, "---\ntitle: Renamed story\ndate: 2024-04-01\nurl: /moved/story/\n---\nEdited.\n");

        var snapshot = loader.Load([file]);

        Assert.Null(snapshot.Find("/news/second/"));
        Assert.Equal("Renamed story", snapshot.Find("/moved/story/")!.Title);
    }
}

/// <summary>The store follows its folder: edits through the watcher, and a checkout swapped in behind a symbolic link (git-sync).</summary>
public class ContentStoreTests
{
    [Fact]
    public async Task A_content_folder_swapped_behind_a_symbolic_link_is_followed()
    {
        var root = Directory.CreateTempSubdirectory("portal-link-").FullName;
        var first = Fixtures.Copy("dirs");
        var second = Fixtures.Copy("dirs");
        File.WriteAllText(Path.Combine(second, "english", "guide", "new.md"), "---\ntitle: Only in the new checkout\n---\nNew.\n");
        var link = Path.Combine(root, "current");
        Directory.CreateSymbolicLink(link, first);
        using var store = new ContentStore(new ContentOptions
        {
            Root = Path.Combine(link, "english"),
        });
        store.Start();
        Assert.Null(store.Current.Find("/guide/new/"));

        // git-sync's way: a new link beside the old one, renamed over it in one step.
        var next = Path.Combine(root, "next");
        Directory.CreateSymbolicLink(next, second);
        using (var move = System.Diagnostics.Process.Start("mv", ["-Tf", next, link]))
        {
            move.WaitForExit();
            Assert.Equal(0, move.ExitCode);
        }

        await Eventually.TrueAsync(() => store.Current.Find("/guide/new/") is not null, "loading the swapped checkout");
        // And edits in the new checkout are followed too.
        File.WriteAllText(Path.Combine(second, "english", "guide", "newer.md"), "---\ntitle: Newer\n---\nNewer.\n");
        await Eventually.TrueAsync(() => store.Current.Find("/guide/newer/") is not null, "loading an edit in the new checkout");
    }

    [Fact]
    public void A_reload_that_changes_nothing_keeps_the_snapshot()
    {
        using var store = new ContentStore(new ContentOptions { Root = Fixtures.Path("site") });
        store.Start();
        var before = store.Current;

        store.Reload();

        Assert.Same(before, store.Current);
        store.Reload(force: true);
        Assert.NotSame(before, store.Current);
    }
}

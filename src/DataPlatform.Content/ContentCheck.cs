using System.Diagnostics;
using System.Globalization;

namespace DataPlatform.Content;

/// <summary>
/// What editors need to hear before they publish, beyond what loading already reports: broken internal
/// links and images, events that end before they start, missing and stale translations, skipped heading
/// levels, images without alt text, plain-http links. Unknown shortcodes become errors here: the site
/// renders nothing for them, and content silently missing from a page is what editors most need to know.
/// </summary>
public static class ContentCheck
{
    public static CheckReport Run(ContentSnapshot snapshot, string root, CheckOptions? options = null)
    {
        options ??= new CheckOptions();
        var diagnostics = snapshot.Diagnostics
            .Select(d => d.Code == "unknown-shortcode" ? d with { Severity = Severity.Error } : d)
            .ToList();
        foreach (var page in snapshot.Pages.Where(p => p.SourcePath.Length > 0))
        {
            CheckLinks(snapshot, page, options, diagnostics);
            CheckHeadings(page, diagnostics);
            if (page.Meta.Start is { } start && page.Meta.End is { } end && end < start)
            {
                diagnostics.Add(new Diagnostic(Severity.Error, "event-end-before-start", page.SourcePath, page.Parsed.LineOf("end"),
                    $"The event ends ({page.Meta.GetString("end")}) before it starts ({page.Meta.GetString("start")})."));
            }
        }
        var translations = Translations(snapshot, root, options, diagnostics);
        diagnostics.Sort((a, b) => string.CompareOrdinal(a.File, b.File) is var c && c != 0 ? c : a.Line != b.Line ? a.Line.CompareTo(b.Line) : string.CompareOrdinal(a.Code, b.Code));
        return new CheckReport(root, snapshot.Pages.Count, diagnostics.Distinct().ToList(), translations);
    }

    private static void CheckLinks(ContentSnapshot snapshot, Page page, CheckOptions options, List<Diagnostic> diagnostics)
    {
        foreach (var link in page.Parsed.Links)
        {
            var url = link.Url.Trim();
            if (link.IsImage && !link.HasAltText)
            {
                diagnostics.Add(new Diagnostic(Severity.Warning, "image-alt", page.SourcePath, link.Line, $"The image {url} has no alt text; describe it for people who cannot see it."));
            }
            if (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            {
                diagnostics.Add(new Diagnostic(Severity.Warning, "insecure-link", page.SourcePath, link.Line, $"{url} is not https; use https:// if the site supports it."));
                continue;
            }
            if (url.Length == 0 || url.StartsWith('#') || url.Contains("://", StringComparison.Ordinal) || url.StartsWith("//", StringComparison.Ordinal)
                || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("tel:", StringComparison.OrdinalIgnoreCase)
                || url.StartsWith("data:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var path = Resolve(page.Url, url);
            if (!Exists(snapshot, path, options))
            {
                diagnostics.Add(new Diagnostic(Severity.Error, link.IsImage ? "broken-image" : "broken-link", page.SourcePath, link.Line,
                    $"{(link.IsImage ? "The image" : "The link")} {url} points to {path}, where there is no page or file."));
            }
        }
    }

    /// <summary>A link as the browser would resolve it on the page: relative links are relative to the page's URL.</summary>
    public static string Resolve(string pageUrl, string link)
    {
        var cut = link.IndexOfAny(['?', '#']);
        var path = Uri.UnescapeDataString(cut >= 0 ? link[..cut] : link);
        if (path.Length == 0)
        {
            return pageUrl;
        }
        if (!path.StartsWith('/'))
        {
            path = new Uri(new Uri("http://site" + pageUrl), path).AbsolutePath;
            path = Uri.UnescapeDataString(path);
        }
        return path;
    }

    private static bool Exists(ContentSnapshot snapshot, string path, CheckOptions options)
    {
        if (snapshot.Files.ContainsKey(path) || snapshot.Find(path) is not null || snapshot.Redirects.ContainsKey(path))
        {
            return true;
        }
        var withSlash = path.EndsWith('/') ? path : path + "/";
        if (snapshot.Find(withSlash) is not null || snapshot.Redirects.ContainsKey(withSlash))
        {
            return true;
        }
        // A page not yet translated is served in the other language under this one's prefix.
        var language = SiteLanguage.FromPath(withSlash);
        if (snapshot.Find(language.Other.Localize(language.Neutral(withSlash))) is not null)
        {
            return true;
        }
        return options.IsAppRoute?.Invoke(withSlash, snapshot) == true || options.IsAppRoute?.Invoke(path, snapshot) == true;
    }

    private static void CheckHeadings(Page page, List<Diagnostic> diagnostics)
    {
        var previous = 1; // the page title is the h1
        foreach (var heading in page.Parsed.Headings)
        {
            if (heading.Level > previous + 1)
            {
                diagnostics.Add(new Diagnostic(Severity.Warning, "heading-skip", page.SourcePath, heading.Line,
                    $"Heading level {heading.Level} follows level {previous}: '{heading.Text}' skips a level, which confuses screen-reader navigation."));
            }
            previous = heading.Level;
        }
    }

    private static List<TranslationRow> Translations(ContentSnapshot snapshot, string root, CheckOptions options, List<Diagnostic> diagnostics)
    {
        var commitTimes = options.CommitTimes ?? (options.UseGit ? GitCommitTimes(root) : null);
        DateTimeOffset? Changed(Page page)
        {
            if (page.Meta.LastMod is { } lastmod)
            {
                return lastmod;
            }
            if (commitTimes is not null && commitTimes.TryGetValue(page.SourcePath, out var committed))
            {
                return committed;
            }
            return page.Date;
        }

        var rows = new List<TranslationRow>();
        foreach (var group in snapshot.Pages.Where(p => p.SourcePath.Length > 0).GroupBy(p => p.TranslationKey, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var english = group.FirstOrDefault(p => p.Language == SiteLanguage.English);
            var swedish = group.FirstOrDefault(p => p.Language == SiteLanguage.Swedish);
            var stale = false;
            if (english is null || swedish is null)
            {
                var only = english ?? swedish!;
                diagnostics.Add(new Diagnostic(Severity.Warning, "missing-translation", only.SourcePath, 1,
                    $"There is no {(english is null ? "English" : "Swedish")} translation of this page."));
            }
            else if (Changed(english) is { } source && Changed(swedish) is { } translated && translated < source)
            {
                stale = true;
                diagnostics.Add(new Diagnostic(Severity.Warning, "stale-translation", swedish.SourcePath, 1,
                    $"The translation was last changed {translated:yyyy-MM-dd}, before its English page {english.SourcePath} ({source:yyyy-MM-dd})."));
            }
            rows.Add(new TranslationRow(group.Key, (english ?? swedish)!.Title, english?.Url, swedish?.Url, english?.SourcePath, swedish?.SourcePath, stale));
        }
        return rows;
    }

    /// <summary>The commit the checkout at <paramref name="root"/> is on, or null when it is not a git checkout.</summary>
    public static string? GitHead(string root) => Git(root, ["rev-parse", "HEAD"])?.Trim();

    private static string? Git(string root, string[] args)
    {
        try
        {
            var info = new ProcessStartInfo("git") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in args)
            {
                info.ArgumentList.Add(arg);
            }
            using var process = Process.Start(info);
            if (process is null)
            {
                return null;
            }
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>The last commit time of every file under <paramref name="root"/>, or null when it is not in a git checkout.</summary>
    public static Dictionary<string, DateTimeOffset>? GitCommitTimes(string root)
    {
        var log = Git(root, ["log", "--format=@%ct", "--name-only", "--relative", "--", "."]);
        if (log is null)
        {
            return null;
        }
        var times = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        DateTimeOffset current = default;
        foreach (var line in log.Split('\n'))
        {
            if (line.StartsWith('@') && long.TryParse(line.AsSpan(1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
            {
                current = DateTimeOffset.FromUnixTimeSeconds(seconds);
            }
            else if (line.Length > 0)
            {
                times.TryAdd(line, current); // newest first: the first time a file appears is its last change
            }
        }
        return times.Count > 0 ? times : null;
    }
}

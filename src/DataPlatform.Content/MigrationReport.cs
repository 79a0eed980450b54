using System.Text.RegularExpressions;

namespace DataPlatform.Content;

/// <summary>
/// For someone moving a Hugo site: in one run, what the portal will not carry over — shortcodes it does not implement,
/// <c>layout</c>/<c>type</c> values it has no view for, pages hidden by <c>headless</c>/<c>_build</c>, front matter keys
/// it does not use, menus no <c>Site:*Menu</c> setting places, links that answer 404 and colliding aliases.
/// </summary>
public static partial class MigrationReport
{
    /// <summary>The front matter keys the portal reads (Hugo's and the portal's own); any other is kept but unused.</summary>
    public static readonly IReadOnlySet<string> KnownKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "title", "linkTitle", "description", "summary", "date", "publishDate", "expiryDate", "lastmod", "draft", "weight", "slug", "url",
        "aliases", "menu", "menus", "toc", "tags", "authors", "images", "banner", "banner_caption", "banner_alt", "layout", "type", "cascade",
        "translationKey", "start", "end", "location", "online", "organisers", "event_url", "registration_url", "registration_deadline",
        "event_type", "headless", "_build", "build",
    };

    public static IReadOnlyList<MigrationItem> Build(ContentSnapshot snapshot, CheckReport check, IReadOnlyCollection<string> placedMenus)
    {
        var items = new List<MigrationItem>();
        static List<string> Files(IEnumerable<string> files) => files.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        // The parser reports each unsupported shortcode once per file, with its number of uses.
        foreach (var group in check.Diagnostics.Where(d => d.Code == "unknown-shortcode")
                     .Select(d => (Match: UnknownShortcode().Match(d.Message), d.File)).Where(x => x.Match.Success)
                     .GroupBy(x => x.Match.Groups["name"].Value, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase))
        {
            items.Add(new MigrationItem("shortcode", group.Key,
                group.Sum(x => x.Match.Groups["uses"].Success ? int.Parse(x.Match.Groups["uses"].Value, System.Globalization.CultureInfo.InvariantCulture) : 1),
                Files(group.Select(x => x.File))));
        }
        // Pages from Markdown files; catalogue entries and made-up section pages are the portal's own.
        var pages = snapshot.Pages.Where(p => p.SourcePath.Length > 0 && p.Entry is null).ToList();
        foreach (var (kind, value) in new (string, Func<Page, string?>)[] { ("layout", p => p.Meta.Layout), ("type", p => p.Meta.Type) })
        {
            foreach (var group in pages.Where(p => value(p) is not null).GroupBy(p => value(p)!, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                items.Add(new MigrationItem(kind, group.Key, group.Count(), Files(group.Select(p => p.SourcePath))));
            }
        }
        // Content named like a list the portal draws from data: the portal's list wins, in both languages. Named when it
        // changes what the content meant: an introduction in one language only, or pages below that the list does not show.
        foreach (var name in SectionNames.PortalLists)
        {
            var named = pages.Where(p => p.Section == name).ToList();
            var languages = named.Where(p => p.Kind == PageKind.Section).Select(p => p.Language.Code).Distinct().Order(StringComparer.Ordinal).ToList();
            var below = named.Count(p => p.Kind != PageKind.Section);
            if (languages.Count == 1 || below > 0)
            {
                items.Add(new MigrationItem("portal-route",
                    $"/{name}/: the portal's own list; the section's title and text introduce it ({(languages.Count == 1 ? $"{languages[0]} only, shown in both languages" : "in each language")})"
                    + (below > 0 ? $"; {below} page{(below == 1 ? "" : "s")} below it {(below == 1 ? "is" : "are")} not listed there" : ""),
                    named.Count, Files(named.Select(p => p.SourcePath))));
            }
        }
        if (snapshot.HiddenPages.Count > 0)
        {
            items.Add(new MigrationItem("hidden", "headless or _build render: never", snapshot.HiddenPages.Count, Files(snapshot.HiddenPages)));
        }
        var unlisted = pages.Where(p => p.Meta.IsUnlisted).ToList();
        if (unlisted.Count > 0)
        {
            items.Add(new MigrationItem("unlisted", "_build list: never", unlisted.Count, Files(unlisted.Select(p => p.SourcePath))));
        }
        foreach (var group in pages.SelectMany(p => p.Meta.Values.Keys.Where(k => !KnownKeys.Contains(k)).Select(k => (Key: k, p.SourcePath)))
                     .GroupBy(x => x.Key, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase))
        {
            items.Add(new MigrationItem("front-matter-key", group.Key, group.Count(), Files(group.Select(x => x.SourcePath))));
        }
        foreach (var menu in snapshot.Menus.Values.SelectMany(m => m.Keys).Distinct(StringComparer.OrdinalIgnoreCase)
                     .Where(m => !placedMenus.Contains(m, StringComparer.OrdinalIgnoreCase)).Order(StringComparer.OrdinalIgnoreCase))
        {
            var declaring = pages.Where(p => p.Meta.Menus.Any(d => d.Menu.Equals(menu, StringComparison.OrdinalIgnoreCase))).ToList();
            items.Add(new MigrationItem("menu", menu, declaring.Count, Files(declaring.Select(p => p.SourcePath))));
        }
        foreach (var code in new[] { "broken-link", "broken-image", "alias-collision" })
        {
            foreach (var group in check.Diagnostics.Where(d => d.Code == code).GroupBy(d => LinkTarget().Match(d.Message) is { Success: true } m ? m.Groups[1].Value : d.Message)
                         .OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                items.Add(new MigrationItem(code, group.Key, group.Count(), Files(group.Select(d => $"{d.File}:{d.Line}"))));
            }
        }
        return items;
    }

    [GeneratedRegex(@"^Shortcode '(?<name>[^']+)' is not supported; it renders nothing(?: \((?<uses>\d+) uses\))?\.$")]
    private static partial Regex UnknownShortcode();

    /// <summary>The site path a broken link points to, or a colliding alias, to group the same target across files.</summary>
    [GeneratedRegex(@"(?:points to|alias) (/\S*?)[,\s]")]
    private static partial Regex LinkTarget();
}

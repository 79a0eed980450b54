namespace DataPlatform.Content;

/// <summary>What the site needs besides its pages: section pages Hugo would make, redirects from aliases, and the files it serves.</summary>
internal static class SiteAssembly
{
    /// <summary>Hugo makes a list page for every top-level folder even without an <c>_index.md</c>; so do we, and a home page.</summary>
    public static void AddMissingSections(List<Page> pages, Dictionary<string, Page> byUrl)
    {
        var sectionPages = pages.Where(p => p.IsListPage).ToDictionary(p => (p.Language.Code, p.Directory), p => p);
        var needed = pages.Where(p => p.Section.Length > 0).Select(p => (p.Language, Directory: p.Section)).Distinct()
            .Append((SiteLanguage.English, Directory: "")).ToList();
        if (pages.Any(p => p.Language == SiteLanguage.Swedish))
        {
            needed.Add((SiteLanguage.Swedish, ""));
        }
        foreach (var (language, directory) in needed)
        {
            if (sectionPages.ContainsKey((language.Code, directory)))
            {
                continue;
            }
            var other = sectionPages.GetValueOrDefault((language.Other.Code, directory));
            var url = language.Localize(directory.Length == 0 ? "/" : PageBuilder.Urlize("/" + directory + "/"));
            if (byUrl.ContainsKey(url))
            {
                continue;
            }
            var page = new Page
            {
                Language = language,
                Url = url,
                Kind = directory.Length == 0 ? PageKind.Home : PageKind.Section,
                Section = directory,
                ParentDirectory = "",
                Directory = directory,
                TranslationKey = other?.TranslationKey ?? (directory.Length == 0 ? "_index.md" : directory + "/_index.md"),
                SourcePath = "",
                Meta = other?.Meta ?? new FrontMatter(new Dictionary<string, object?>()),
                Parsed = new ParsedFile(null, [], [], "", [], []),
                Title = other?.Title ?? (directory.Length == 0 ? "Home" : PageBuilder.Humanize(directory)),
            };
            sectionPages[(language.Code, directory)] = page;
            byUrl[url] = page;
            pages.Add(page);
        }
    }

    public static Dictionary<string, string> Redirects(List<Page> pages, Dictionary<string, Page> byUrl, List<Diagnostic> diagnostics)
    {
        var redirects = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var page in pages)
        {
            foreach (var alias in page.Meta.Aliases)
            {
                var path = alias.StartsWith('/') || alias.Contains("://", StringComparison.Ordinal)
                    ? PageBuilder.NormalizePath(alias)
                    : PageBuilder.NormalizePath(page.Url[..(page.Url.TrimEnd('/').LastIndexOf('/') + 1)] + alias);
                if (SiteLanguage.FromPath(path) != page.Language && page.Language != SiteLanguage.Default)
                {
                    path = page.Language.Localize(path);
                }
                if (byUrl.TryGetValue(path, out var owner))
                {
                    diagnostics.Add(new Diagnostic(Severity.Error, "alias-collision", page.SourcePath, page.Parsed.LineOf("aliases"),
                        $"The alias {path} is the URL of {(owner.SourcePath.Length > 0 ? owner.SourcePath : owner.Url)}; the alias is ignored."));
                }
                else if (!redirects.TryAdd(path, page.Url) && redirects[path] != page.Url)
                {
                    diagnostics.Add(new Diagnostic(Severity.Error, "alias-collision", page.SourcePath, page.Parsed.LineOf("aliases"),
                        $"The alias {path} already redirects to {redirects[path]}; this one is ignored."));
                }
            }
        }
        return redirects;
    }

    public static Dictionary<string, string> Files(List<Page> pages, List<ResourceFile> resources, Dictionary<string, string> staticFiles)
    {
        var files = new Dictionary<string, string>(staticFiles, StringComparer.OrdinalIgnoreCase);
        if (resources.Count == 0)
        {
            return files;
        }
        var bundles = pages.Where(p => p.Kind != PageKind.Home && p.SourcePath.Length > 0)
            .GroupBy(p => p.Directory, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var resource in resources)
        {
            files.TryAdd("/" + resource.LogicalPath, resource.FullPath);
            // A bundle's images are also served beside the page, whatever its URL, so relative links work in every language.
            var folder = PageBuilder.DirectoryOf(resource.LogicalPath);
            for (var dir = folder; dir.Length > 0; dir = PageBuilder.Parent(dir))
            {
                if (bundles.TryGetValue(dir, out var owners))
                {
                    var inside = resource.LogicalPath[(dir.Length + 1)..];
                    foreach (var owner in owners)
                    {
                        files.TryAdd(owner.Url + inside, resource.FullPath);
                    }
                    break;
                }
            }
        }
        return files;
    }
}

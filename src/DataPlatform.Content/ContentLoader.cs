using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DataPlatform.Content;

/// <summary>
/// Reads a content folder into a <see cref="ContentSnapshot"/>. Parsed files are cached by path, size and
/// modification time, so a reload after one edit re-parses one file and only re-assembles the rest.
/// One loader per content folder; <see cref="Load"/> is not meant to run twice at once.
/// </summary>
public sealed class ContentLoader
{
    private static readonly string[] MarkdownExtensions = [".md", ".markdown"];

    private readonly ContentOptions _options;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, CachedFile> _cache = new(StringComparer.Ordinal);

    private sealed record CachedFile(DateTime Modified, long Length, ParsedFile Parsed);

    private sealed record Source(string FullPath, string RelativePath, SiteLanguage Language, string LogicalPath, DateTime Modified, long Length);

    private sealed record Resource(string FullPath, string LogicalPath, SiteLanguage Language);

    public ContentLoader(ContentOptions options, TimeProvider? clock = null)
    {
        _options = options;
        _clock = clock ?? TimeProvider.System;
        Root = Path.GetFullPath(options.Root);
    }

    /// <summary>The content folder, as a full path.</summary>
    public string Root { get; }

    /// <summary>How many files the last load had to parse (the rest came from the cache).</summary>
    public int LastParsedCount { get; private set; }

    /// <summary>Builds a snapshot of the folder as it is now. Throws <see cref="DirectoryNotFoundException"/> when the folder is missing.</summary>
    public ContentSnapshot Load()
    {
        if (!System.IO.Directory.Exists(Root))
        {
            throw new DirectoryNotFoundException($"The content folder '{Root}' does not exist.");
        }
        var now = _clock.GetUtcNow();
        var diagnostics = new List<Diagnostic>();
        var (sources, resources, staticFiles) = Enumerate(diagnostics);

        var parsed = new ParsedFile[sources.Count];
        var parsedCount = 0;
        Parallel.For(0, sources.Count, i =>
        {
            var source = sources[i];
            if (_cache.TryGetValue(source.FullPath, out var cached) && cached.Modified == source.Modified && cached.Length == source.Length)
            {
                parsed[i] = cached.Parsed;
                return;
            }
            ParsedFile result;
            try
            {
                result = PageParser.Parse(File.ReadAllBytes(source.FullPath), source.RelativePath, source.Language);
            }
            catch (IOException e)
            {
                result = new ParsedFile(null, [], [], "", [], [new Diagnostic(Severity.Error, "unreadable", source.RelativePath, 1, $"The file cannot be read: {e.Message}")]);
            }
            catch (UnauthorizedAccessException)
            {
                result = new ParsedFile(null, [], [], "", [], [new Diagnostic(Severity.Error, "unreadable", source.RelativePath, 1, "The file cannot be read: permission denied.")]);
            }
            _cache[source.FullPath] = new CachedFile(source.Modified, source.Length, result);
            parsed[i] = result;
            Interlocked.Increment(ref parsedCount);
        });
        LastParsedCount = parsedCount;
        var live = sources.Select(s => s.FullPath).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in _cache.Keys.Where(k => !live.Contains(k)).ToList())
        {
            _cache.TryRemove(stale, out _);
        }

        DateTimeOffset? nextChange = null;
        void Schedule(DateTimeOffset at)
        {
            if (at > now && (nextChange is null || at < nextChange))
            {
                nextChange = at;
            }
        }

        // Cascades come from section pages (_index) and apply below them, per language.
        var cascades = new Dictionary<(string, string), IReadOnlyDictionary<string, object?>>();
        for (var i = 0; i < sources.Count; i++)
        {
            if (parsed[i].FrontMatter is { } fm && FileName(sources[i].LogicalPath) == "_index" && fm.Cascade.Count > 0)
            {
                cascades[(sources[i].Language.Code, DirectoryOf(sources[i].LogicalPath))] = fm.Cascade;
            }
        }

        var candidates = new List<Page>();
        for (var i = 0; i < sources.Count; i++)
        {
            var source = sources[i];
            var file = parsed[i];
            diagnostics.AddRange(file.Diagnostics);
            if (file.FrontMatter is null)
            {
                continue;
            }
            var page = BuildPage(source, file, cascades, diagnostics);
            if (page.Meta.Draft)
            {
                continue;
            }
            if (page.Meta.PublishDate is { } publish && publish > now)
            {
                Schedule(publish);
                continue;
            }
            if (page.Meta.ExpiryDate is { } expiry)
            {
                if (expiry <= now)
                {
                    continue;
                }
                Schedule(expiry);
            }
            candidates.Add(page);
        }

        var catalogs = new Dictionary<string, Catalog>(StringComparer.OrdinalIgnoreCase);
        foreach (var (file, section) in Catalog.Known)
        {
            if (LoadCatalog(file, section) is { } loaded)
            {
                catalogs[section] = loaded.Catalog;
                candidates.AddRange(loaded.Pages);
                diagnostics.AddRange(loaded.Diagnostics);
            }
        }

        // Pages that change with the clock: an event moves from upcoming to past when it ends, and its
        // registration closes at the deadline. A reload at those moments refreshes lists and caches.
        foreach (var page in candidates)
        {
            if ((page.Meta.End ?? page.Meta.Start) is { } over)
            {
                Schedule(over);
            }
            if (page.Meta.RegistrationDeadline is { } deadline)
            {
                Schedule(deadline);
            }
        }

        var pages = new List<Page>();
        var byUrl = new Dictionary<string, Page>(StringComparer.OrdinalIgnoreCase);
        foreach (var page in candidates.OrderBy(p => p.SourcePath, StringComparer.Ordinal))
        {
            if (byUrl.TryGetValue(page.Url, out var first))
            {
                diagnostics.Add(new Diagnostic(Severity.Error, "duplicate-url", page.SourcePath, page.Parsed.LineOf("url"),
                    $"{page.Url} is already the URL of {first.SourcePath}; this page is left out."));
                continue;
            }
            byUrl[page.Url] = page;
            pages.Add(page);
        }
        AddMissingSections(pages, byUrl);

        var redirects = BuildRedirects(pages, byUrl, diagnostics);
        var menus = SiteLanguage.All.ToDictionary(l => l.Code, l => (IReadOnlyDictionary<string, IReadOnlyList<MenuItem>>)BuildMenus(l, pages, diagnostics));
        var files = BuildFiles(pages, resources, staticFiles);
        var notices = NoticeFile.Read(Root, diagnostics);
        foreach (var notice in notices)
        {
            Schedule(notice.Start);
            Schedule(notice.End);
        }
        diagnostics.Sort((a, b) => string.CompareOrdinal(a.File, b.File) is var c && c != 0 ? c : a.Line.CompareTo(b.Line));

        return new ContentSnapshot(pages, redirects, files, menus, diagnostics, now, nextChange, Version(sources, pages, notices)) { Notices = notices, Catalogs = catalogs };
    }

    private (List<Source> Sources, List<Resource> Resources, Dictionary<string, string> Static) Enumerate(List<Diagnostic> diagnostics)
    {
        var sources = new List<Source>();
        var resources = new List<Resource>();
        var staticFiles = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var staticRoot = Path.Combine(Root, "static");
        if (System.IO.Directory.Exists(staticRoot))
        {
            foreach (var file in Walk(staticRoot))
            {
                staticFiles.TryAdd("/" + Relative(staticRoot, file.FullName), file.FullName);
            }
        }

        var roots = _options.Layout == ContentLayout.Directories
            ? SiteLanguage.All.Select(l => (Language: (SiteLanguage?)l, Folder: Path.Combine(Root, _options.Directories.GetValueOrDefault(l.Code) ?? l.Code))).ToList()
            : [(Language: null, Folder: Root)];
        foreach (var (fixedLanguage, folder) in roots)
        {
            if (!System.IO.Directory.Exists(folder))
            {
                diagnostics.Add(new Diagnostic(Severity.Error, "language-folder", Relative(Root, folder), 0,
                    $"The folder for {fixedLanguage?.NativeName} ('{Relative(Root, folder)}') does not exist; check Content:Directories."));
                continue;
            }
            foreach (var file in Walk(folder))
            {
                var relativeToFolder = Relative(folder, file.FullName);
                // static/ is served from the root; data/ holds data files (notices), not pages or downloads.
                if (fixedLanguage is null && (relativeToFolder.StartsWith("static/", StringComparison.Ordinal) || relativeToFolder.StartsWith("data/", StringComparison.Ordinal)))
                {
                    continue;
                }
                var relativeToRoot = Relative(Root, file.FullName);
                var (language, logical) = fixedLanguage is null ? SplitLanguage(relativeToFolder) : (fixedLanguage, relativeToFolder);
                if (MarkdownExtensions.Contains(Path.GetExtension(file.Name), StringComparer.OrdinalIgnoreCase))
                {
                    sources.Add(new Source(file.FullName, relativeToRoot, language, logical, file.LastWriteTimeUtc, file.Length));
                }
                else
                {
                    resources.Add(new Resource(file.FullName, relativeToFolder, language));
                }
            }
        }
        sources.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return (sources, resources, staticFiles);
    }

    /// <summary>A file found by the walk: enough to decide whether to parse it again.</summary>
    private readonly record struct WalkedFile(string FullName, string Name, DateTime LastWriteTimeUtc, long Length);

    // FileSystemEnumerable with a transform: no FileInfo per file, which made the walk of 15,000 files
    // the largest part of a reload.
    private static System.IO.Enumeration.FileSystemEnumerable<WalkedFile> Walk(string folder) =>
        new System.IO.Enumeration.FileSystemEnumerable<WalkedFile>(folder,
            (ref System.IO.Enumeration.FileSystemEntry entry) => new WalkedFile(entry.ToFullPath(), entry.FileName.ToString(), entry.LastWriteTimeUtc.UtcDateTime, entry.Length),
            new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System })
        {
            ShouldIncludePredicate = (ref System.IO.Enumeration.FileSystemEntry entry) => !entry.IsDirectory,
        };

    private static string Relative(string from, string path) => Path.GetRelativePath(from, path).Replace('\\', '/');

    /// <summary><c>about/team.sv.md</c> → (Swedish, <c>about/team.md</c>); no language suffix means English.</summary>
    private static (SiteLanguage, string) SplitLanguage(string relative)
    {
        var extension = Path.GetExtension(relative);
        var withoutExtension = relative[..^extension.Length];
        var languageDot = withoutExtension.LastIndexOf('.');
        if (languageDot > withoutExtension.LastIndexOf('/') + 0 && SiteLanguage.Find(withoutExtension[(languageDot + 1)..]) is { } language)
        {
            return (language, withoutExtension[..languageDot] + extension);
        }
        return (SiteLanguage.Default, relative);
    }

    private static string FileName(string logicalPath) => Path.GetFileNameWithoutExtension(logicalPath);

    private static string DirectoryOf(string logicalPath)
    {
        var slash = logicalPath.LastIndexOf('/');
        return slash < 0 ? "" : logicalPath[..slash];
    }

    private static string Parent(string directory) => DirectoryOf(directory);

    private static string LastSegment(string directory) => directory[(directory.LastIndexOf('/') + 1)..];

    private static Page BuildPage(Source source, ParsedFile file, Dictionary<(string, string), IReadOnlyDictionary<string, object?>> cascades, List<Diagnostic> diagnostics)
    {
        var name = FileName(source.LogicalPath);
        var folder = DirectoryOf(source.LogicalPath);
        PageKind kind;
        string directory, parentDirectory, lastSegment;
        if (name == "_index" || (name == "index" && folder.Length == 0))
        {
            kind = folder.Length == 0 ? PageKind.Home : PageKind.Section;
            directory = folder;
            parentDirectory = Parent(folder);
            lastSegment = LastSegment(folder);
        }
        else if (name == "index")
        {
            kind = PageKind.Page;
            directory = folder;
            parentDirectory = Parent(folder);
            lastSegment = LastSegment(folder);
        }
        else
        {
            kind = PageKind.Page;
            directory = folder.Length == 0 ? name : folder + "/" + name;
            parentDirectory = folder;
            lastSegment = name;
        }

        var meta = file.FrontMatter!.WithInherited(Inherited(source.Language, parentDirectory, cascades));
        var title = meta.Title ?? meta.LinkTitle;
        if (title is null)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, "missing-title", source.RelativePath, 1, "The page has no 'title' in its front matter."));
            title = kind == PageKind.Home ? "Home" : Humanize(lastSegment);
        }

        string url;
        if (meta.Url is { } explicitUrl && kind != PageKind.Home)
        {
            url = NormalizePath(explicitUrl);
            if (SiteLanguage.FromPath(url) != source.Language)
            {
                url = source.Language.Localize(url);
            }
        }
        else
        {
            var path = kind switch
            {
                PageKind.Home => "/",
                PageKind.Section => "/" + directory + "/",
                _ => "/" + (parentDirectory.Length == 0 ? "" : parentDirectory + "/") + (meta.Slug ?? lastSegment) + "/",
            };
            url = source.Language.Localize(Urlize(path));
            if (url.Length > 1 && url.EndsWith("//", StringComparison.Ordinal))
            {
                url = url[..^1];
            }
        }
        if (url == "/sv")
        {
            url = "/sv/";
        }

        return new Page
        {
            Language = source.Language,
            Url = url,
            Kind = kind,
            Section = source.LogicalPath.Contains('/', StringComparison.Ordinal) ? source.LogicalPath[..source.LogicalPath.IndexOf('/', StringComparison.Ordinal)] : "",
            ParentDirectory = parentDirectory,
            Directory = directory,
            TranslationKey = meta.TranslationKey ?? source.LogicalPath,
            SourcePath = source.RelativePath,
            Meta = meta,
            Parsed = file,
            Title = title,
        };
    }

    private static Dictionary<string, object?> Inherited(SiteLanguage language, string directory, Dictionary<(string, string), IReadOnlyDictionary<string, object?>> cascades)
    {
        var chain = new List<IReadOnlyDictionary<string, object?>>();
        var current = directory;
        while (true)
        {
            if (cascades.TryGetValue((language.Code, current), out var cascade) || cascades.TryGetValue((SiteLanguage.Default.Code, current), out cascade))
            {
                chain.Add(cascade);
            }
            if (current.Length == 0)
            {
                break;
            }
            current = Parent(current);
        }
        if (chain.Count == 0)
        {
            return new Dictionary<string, object?>();
        }
        var merged = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            foreach (var (key, value) in chain[i])
            {
                merged[key] = value;
            }
        }
        return merged;
    }

    private sealed record LoadedCatalog(DateTime Modified, long Length, Catalog Catalog, IReadOnlyList<Page> Pages, IReadOnlyList<Diagnostic> Diagnostics);

    private readonly ConcurrentDictionary<string, LoadedCatalog> _catalogCache = new(StringComparer.Ordinal);

    /// <summary>A catalogue and its pages, read again only when its data file changed.</summary>
    private LoadedCatalog? LoadCatalog(string file, string section)
    {
        var path = CatalogFile.Find(Root, file);
        if (path is null)
        {
            _catalogCache.TryRemove(file, out _);
            return null;
        }
        var info = new FileInfo(path);
        if (_catalogCache.TryGetValue(file, out var cached) && cached.Modified == info.LastWriteTimeUtc && cached.Length == info.Length)
        {
            return cached;
        }
        var diagnostics = new List<Diagnostic>();
        var catalog = CatalogFile.Read(Root, file, section, diagnostics)!;
        var loaded = new LoadedCatalog(info.LastWriteTimeUtc, info.Length, catalog, CatalogPages(catalog, file).ToList(), diagnostics);
        _catalogCache[file] = loaded;
        return loaded;
    }

    /// <summary>Each catalogue entry is a page in both languages (Swedish texts fall back to English), so it is in search, the sitemap and the check.</summary>
    private static IEnumerable<Page> CatalogPages(Catalog catalog, string file)
    {
        foreach (var entry in catalog.Entries)
        {
            foreach (var language in SiteLanguage.All)
            {
                var description = entry.Description.For(language);
                var parsed = PageParser.Parse(description, catalog.SourcePath, language);
                var meta = new FrontMatter(new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
                {
                    ["title"] = entry.Name.For(language),
                    ["description"] = PageParser.Truncate(parsed.Summary, 200),
                    ["tags"] = entry.Keywords.Cast<object?>().ToList(),
                    ["type"] = "catalog",
                });
                yield return new Page
                {
                    Language = language,
                    Url = language.Localize($"/{catalog.Section}/{entry.Id}/"),
                    Kind = PageKind.Page,
                    Section = catalog.Section,
                    ParentDirectory = catalog.Section,
                    Directory = $"{catalog.Section}/{entry.Id}",
                    TranslationKey = $"data/{file}#{entry.Id}",
                    SourcePath = catalog.SourcePath,
                    Meta = meta,
                    Parsed = parsed,
                    Title = entry.Name.For(language),
                    Entry = entry,
                };
            }
        }
    }

    /// <summary>Hugo makes a list page for every top-level folder even without an <c>_index.md</c>; so do we, and a home page.</summary>
    private static void AddMissingSections(List<Page> pages, Dictionary<string, Page> byUrl)
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
            var url = language.Localize(directory.Length == 0 ? "/" : Urlize("/" + directory + "/"));
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
                Title = other?.Title ?? (directory.Length == 0 ? "Home" : Humanize(directory)),
            };
            sectionPages[(language.Code, directory)] = page;
            byUrl[url] = page;
            pages.Add(page);
        }
    }

    private static Dictionary<string, string> BuildRedirects(List<Page> pages, Dictionary<string, Page> byUrl, List<Diagnostic> diagnostics)
    {
        var redirects = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var page in pages)
        {
            foreach (var alias in page.Meta.Aliases)
            {
                var path = alias.StartsWith('/') || alias.Contains("://", StringComparison.Ordinal)
                    ? NormalizePath(alias)
                    : NormalizePath(page.Url[..(page.Url.TrimEnd('/').LastIndexOf('/') + 1)] + alias);
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

    private sealed record MenuEntry(MenuDeclaration Declaration, string Name, string Identifier, string Url, Page Page);

    private static Dictionary<string, IReadOnlyList<MenuItem>> BuildMenus(SiteLanguage language, List<Page> pages, List<Diagnostic> diagnostics)
    {
        var own = pages.Where(p => p.Language == language).ToList();
        var translated = own.Select(p => p.TranslationKey).ToHashSet(StringComparer.OrdinalIgnoreCase);
        // A page not yet translated still belongs in this language's menus: its entry leads to the fallback page.
        var borrowed = pages.Where(p => p.Language != language && !translated.Contains(p.TranslationKey));
        var entries = new List<MenuEntry>();
        foreach (var page in own.Concat(borrowed))
        {
            foreach (var declaration in page.Meta.Menus)
            {
                var name = declaration.Name ?? page.Meta.LinkTitle ?? page.Title;
                var url = page.Language == language ? page.Url : language.Localize(page.Language.Neutral(page.Url));
                entries.Add(new MenuEntry(declaration, name, declaration.Identifier ?? declaration.Name ?? page.TranslationKey, url, page));
            }
        }
        var menus = new Dictionary<string, IReadOnlyList<MenuItem>>(StringComparer.OrdinalIgnoreCase);
        foreach (var menu in entries.GroupBy(e => e.Declaration.Menu, StringComparer.OrdinalIgnoreCase))
        {
            var items = menu.ToList();
            MenuEntry? FindParent(string parent) =>
                items.FirstOrDefault(e => e.Identifier.Equals(parent, StringComparison.OrdinalIgnoreCase))
                ?? items.FirstOrDefault(e => e.Name.Equals(parent, StringComparison.OrdinalIgnoreCase));
            var parentOf = new Dictionary<MenuEntry, MenuEntry?>();
            foreach (var item in items)
            {
                MenuEntry? parent = null;
                if (item.Declaration.Parent is { } parentName)
                {
                    parent = FindParent(parentName);
                    if (parent is null || parent == item)
                    {
                        parent = null;
                        if (item.Page.Language == language)
                        {
                            diagnostics.Add(new Diagnostic(Severity.Error, "menu-parent", item.Page.SourcePath, item.Page.Parsed.LineOf("parent"),
                                $"Menu '{menu.Key}': the parent '{parentName}' is not an entry of that menu; the entry is shown at the top level."));
                        }
                    }
                }
                parentOf[item] = parent;
            }
            IReadOnlyList<MenuItem> ChildrenOf(MenuEntry? parent, int depth) => depth > 5 ? [] : items
                .Where(i => parentOf[i] == parent)
                .OrderBy(i => i.Declaration.Weight == 0 ? int.MaxValue : i.Declaration.Weight)
                .ThenBy(i => i.Name, StringComparer.CurrentCultureIgnoreCase)
                .Select(i => new MenuItem(i.Name, i.Identifier, i.Url, i.Declaration.Weight, i.Declaration.Pre, i.Declaration.Post, ChildrenOf(i, depth + 1)))
                .ToList();
            menus[menu.Key] = ChildrenOf(null, 0);
        }
        return menus;
    }

    private static Dictionary<string, string> BuildFiles(List<Page> pages, List<Resource> resources, Dictionary<string, string> staticFiles)
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
            var folder = DirectoryOf(resource.LogicalPath);
            for (var dir = folder; dir.Length > 0; dir = Parent(dir))
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

    private string Version(List<Source> sources, List<Page> pages, IReadOnlyList<Notice> notices)
    {
        var sb = new StringBuilder();
        foreach (var (file, catalog) in _catalogCache.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            sb.Append(file).Append('|').Append(catalog.Modified.Ticks).Append('|').Append(catalog.Length).Append('\n');
        }
        foreach (var n in notices)
        {
            sb.Append(n.Id).Append('|').Append(n.Start.UtcTicks).Append('|').Append(n.End.UtcTicks).Append('|').Append(n.Severity).Append('|').AppendJoin('|', n.Text.Values).Append('\n');
        }
        foreach (var s in sources)
        {
            sb.Append(s.RelativePath).Append('|').Append(s.Modified.Ticks).Append('|').Append(s.Length).Append('\n');
        }
        foreach (var p in pages)
        {
            sb.Append(p.Url).Append('\n');
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())))[..16].ToLowerInvariant();
    }

    /// <summary>A site path with a leading slash and, unless it names a file, a trailing one.</summary>
    public static string NormalizePath(string path)
    {
        var p = path.Trim();
        var scheme = p.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            var slash = p.IndexOf('/', scheme + 3);
            p = slash < 0 ? "/" : p[slash..];
        }
        p = "/" + p.TrimStart('/');
        var last = p[(p.LastIndexOf('/') + 1)..];
        if (!p.EndsWith('/') && !last.Contains('.', StringComparison.Ordinal))
        {
            p += "/";
        }
        return Urlize(p);
    }

    /// <summary>Hugo's default path treatment: lower case, spaces become hyphens.</summary>
    public static string Urlize(string path) => path.ToLowerInvariant().Replace(' ', '-');

    private static string Humanize(string segment)
    {
        var words = segment.Replace('-', ' ').Replace('_', ' ').Trim();
        return words.Length == 0 ? segment : char.ToUpper(words[0], CultureInfo.InvariantCulture) + words[1..];
    }
}

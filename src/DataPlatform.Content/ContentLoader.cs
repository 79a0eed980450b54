using System.Security.Cryptography;
using System.Text;

namespace DataPlatform.Content;

/// <summary>
/// Reads a content folder into a <see cref="ContentSnapshot"/>: walk the files (<see cref="ContentFiles"/>), parse
/// what changed (<see cref="ParseCache"/>), build pages and URLs (<see cref="PageBuilder"/>) that are live now
/// (<see cref="PublishSchedule"/>), add the catalogues (<see cref="CatalogPages"/>), then assemble sections,
/// redirects and files (<see cref="SiteAssembly"/>) and menus (<see cref="MenuBuilder"/>). One loader per content
/// folder; <see cref="Load"/> is not meant to run twice at once.
/// </summary>
public sealed class ContentLoader
{
    private readonly ContentOptions _options;
    private readonly TimeProvider _clock;
    private readonly ParseCache _parsed = new();
    private readonly CatalogPages _catalogs;
    private readonly OutputsSources _outputs;
    private readonly EmbedResolver _embeds;

    public ContentLoader(ContentOptions options, TimeProvider? clock = null)
    {
        _options = options;
        _clock = clock ?? TimeProvider.System;
        Root = Path.GetFullPath(options.Root);
        _catalogs = new CatalogPages(Root);
        _outputs = new OutputsSources(Root, options.FetchedDataDirectory);
        _embeds = new EmbedResolver(Root, options);
    }

    /// <summary>The content folder, as a full path.</summary>
    public string Root { get; }

    /// <summary>How many files the last load had to parse (the rest came from the cache).</summary>
    public int LastParsedCount { get; private set; }

    private FolderWalk? _lastWalk;

    /// <summary>Builds a snapshot of the folder as it is now. Throws <see cref="DirectoryNotFoundException"/> when the folder is missing.</summary>
    /// <param name="changedFiles">
    /// When given: the only files written since the last load (none created, removed or renamed). The folder is then not
    /// walked again; those files are looked at, the rest comes from the last walk. Anything unknown among them walks anyway.
    /// </param>
    public ContentSnapshot Load(IReadOnlyCollection<string>? changedFiles = null)
    {
        if (!System.IO.Directory.Exists(Root))
        {
            throw new DirectoryNotFoundException($"The content folder '{Root}' does not exist.");
        }
        var diagnostics = new List<Diagnostic>();
        var now = _clock.GetUtcNow();
        var schedule = new PublishSchedule(now);

        var previousWalk = _lastWalk;
        var refreshed = changedFiles is not null && previousWalk is not null ? previousWalk.Refresh(changedFiles) : null;
        var walk = refreshed ?? FolderWalk.Of(Root, _options);
        _lastWalk = walk;
        diagnostics.AddRange(walk.Diagnostics);
        var (sources, resources, staticFiles) = (walk.Sources, walk.Resources, walk.Static);
        var parsedEdits = 0;
        if (refreshed is not null && _lastSnapshot is { } previous && changedFiles!.All(walk.SourceIndex.ContainsKey))
        {
            // Only page files were written: parse those alone, and if only their text changed, patch the last snapshot.
            var edits = changedFiles!.Select(path => walk.SourceIndex[path])
                .Select(i => new Edit(_parsed.Peek(sources[i].FullPath), _parsed.Parse(sources[i]), previousWalk!.Sources[i], sources[i])).ToList();
            LastParsedCount = parsedEdits = edits.Count;
            if (Patch(previous, edits, now) is { } patched)
            {
                _lastSnapshot = patched;
                return patched;
            }
        }
        var parsed = _parsed.ParseAll(sources, out var parsedCount);
        LastParsedCount = parsedEdits + parsedCount;

        var hidden = new List<string>();
        var candidates = BuildPages(sources, parsed, schedule, hidden, diagnostics);
        var catalogs = new Dictionary<string, Catalog>(StringComparer.OrdinalIgnoreCase);
        foreach (var (file, section) in Catalog.Known)
        {
            if (Guard(file, () => _catalogs.Load(file, section), null, diagnostics) is { } loaded)
            {
                catalogs[section] = loaded.Catalog;
                candidates.AddRange(loaded.Pages);
                diagnostics.AddRange(loaded.Diagnostics);
            }
        }
        foreach (var page in candidates)
        {
            schedule.NoteEventMoments(page);
        }

        var (pages, byUrl) = UniqueUrls(candidates, diagnostics);
        _embeds.BeginLoad();
        foreach (var page in pages)
        {
            page.Embeds = Guard(page.SourcePath, () => _embeds.Resolve(page, diagnostics, schedule.Note), [], diagnostics);
        }
        SiteAssembly.AddMissingSections(pages, byUrl);
        var redirects = SiteAssembly.Redirects(pages, byUrl, diagnostics);
        var menus = SiteLanguage.All.ToDictionary(l => l.Code, l => (IReadOnlyDictionary<string, IReadOnlyList<MenuItem>>)MenuBuilder.Build(l, pages, diagnostics));
        var files = SiteAssembly.Files(pages, resources, staticFiles);
        var notices = Guard(NoticeFile.RelativePath, () => NoticeFile.Read(Root, diagnostics), [], diagnostics);
        var outputs = Guard(OutputsFile.PublicationsFile, () => _outputs.Load(diagnostics), ResearchOutputs.Empty, diagnostics);
        foreach (var notice in notices)
        {
            schedule.NoteNotice(notice);
        }
        var vocabulary = Guard(Vocabulary.RelativePath, () => Vocabulary.Read(Root, diagnostics), Vocabulary.Empty, diagnostics);
        if (pages.Any(p => p.Language == SiteLanguage.Swedish && p.SourcePath.Length > 0))
        {
            vocabulary.ReportMissing(Vocabulary.Terms(outputs, catalogs.Values), diagnostics);
        }
        diagnostics.Sort(DiagnosticOrder);

        _sourcesSum = 0;
        foreach (var source in sources)
        {
            _sourcesSum += SourceHash(source);
        }
        _urlsSum = 0;
        foreach (var page in pages)
        {
            _urlsSum += VersionHash(page.Url, 0, 0);
        }
        return _lastSnapshot = new ContentSnapshot(pages, redirects, files, menus, diagnostics, now, schedule.NextChange, Version(notices))
        {
            Notices = notices,
            Vocabulary = vocabulary,
            Catalogs = catalogs,
            Outputs = outputs,
            HiddenPages = hidden,
            RemoteCharts = _embeds.RemoteSources,
        };
    }

    private ContentSnapshot? _lastSnapshot;

    /// <summary>
    /// One part of the content read with anything it throws reported against its file: each reader reports what it
    /// foresaw, and what it did not (a bug, a kind of bad data nobody thought of) costs that part, not the whole site.
    /// </summary>
    private static T Guard<T>(string file, Func<T> read, T fallback, List<Diagnostic> diagnostics)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, "unreadable", file, 1, $"This cannot be read ({e.GetType().Name}: {e.Message}); it is left out."));
            return fallback;
        }
    }

    /// <summary>An edited page file: what it parsed to before and now, and its entry in the last walk and in this one.</summary>
    private sealed record Edit(ParsedFile? Before, ParsedFile After, SourceFile OldSource, SourceFile Source);

    /// <summary>The sections' <c>cascade</c> values of the last full load, for a page rebuilt by <see cref="Patch"/>.</summary>
    private Dictionary<(string, string), IReadOnlyDictionary<string, object?>>? _cascades;

    /// <summary>
    /// Front matter that places a page (its address, date and schedule, order, menus, language, kind, what it
    /// passes down) rather than only describing it. An edit of any other key (title, description, tags, banner…)
    /// is patched like a text edit.
    /// </summary>
    private static readonly string[] PlacingKeys =
    [
        "url", "slug", "aliases", "translationKey", "date", "publishDate", "expiryDate", "draft", "headless", "_build", "build",
        "cascade", "weight", "menu", "menus", "linkTitle", "type", "layout", "start", "end", "registration_deadline",
    ];

    /// <summary>
    /// The last snapshot with the edited pages replaced, when nothing else can have changed: each edited file shows no
    /// tables or charts, and either kept its front matter (a text edit) or, for a regular page outside every menu,
    /// changed none of its <see cref="PlacingKeys"/> (so its URL, translations, schedule and menus stay; a new title
    /// only moves it among its siblings). Null otherwise; then the whole snapshot is built.
    /// </summary>
    private ContentSnapshot? Patch(ContentSnapshot previous, List<Edit> edits, DateTimeOffset now)
    {
        var replaced = new Dictionary<Page, Page>(ReferenceEqualityComparer.Instance);
        var diagnostics = previous.Diagnostics.ToList();
        var sourcesSum = _sourcesSum;
        foreach (var (before, after, oldSource, source) in edits)
        {
            if (before?.FrontMatter is null || after.FrontMatter is null || before.Embeds.Count > 0 || after.Embeds.Count > 0)
            {
                return null;
            }
            var sameFrontMatter = before.FrontMatterText == after.FrontMatterText;
            if (!sameFrontMatter && (_cascades is null || !SamePlacing(before.FrontMatter, after.FrontMatter)))
            {
                return null;
            }
            foreach (var page in previous.Pages.Where(p => p.SourcePath == source.RelativePath))
            {
                if (!ReferenceEquals(page.Parsed, before))
                {
                    return null;
                }
                if (sameFrontMatter)
                {
                    replaced[page] = page.WithParsed(after);
                    continue;
                }
                var problems = new List<Diagnostic>();
                var rebuilt = PageBuilder.Build(source, after, _cascades!, problems);
                if (page.Kind != PageKind.Page || page.Meta.Menus.Count > 0 || page.Entry is not null || problems.Count > 0
                    || rebuilt.Url != page.Url || rebuilt.TranslationKey != page.TranslationKey)
                {
                    return null;
                }
                replaced[page] = rebuilt;
            }
            // The file's own problems (its body's) are its new ones; the rest depended on what places it, which stayed.
            var old = before.Diagnostics.ToHashSet();
            diagnostics.RemoveAll(d => d.File == source.RelativePath && old.Contains(d));
            foreach (var diagnostic in after.Diagnostics)
            {
                var at = diagnostics.BinarySearch(diagnostic, DiagnosticOrder);
                diagnostics.Insert(at < 0 ? ~at : at, diagnostic);
            }
            sourcesSum += SourceHash(source) - SourceHash(oldSource);
        }
        _sourcesSum = sourcesSum;
        return new ContentSnapshot(previous, replaced, diagnostics, now, Version(previous.Notices));
    }

    private static bool SamePlacing(FrontMatter before, FrontMatter after) =>
        PlacingKeys.All(key => System.Text.Json.JsonSerializer.Serialize(before.Values.GetValueOrDefault(key)) ==
                               System.Text.Json.JsonSerializer.Serialize(after.Values.GetValueOrDefault(key)));

    /// <summary>Diagnostics by file, then line (a stable sort keeps each file's in the order found).</summary>
    private static readonly Comparer<Diagnostic> DiagnosticOrder =
        Comparer<Diagnostic>.Create((a, b) => string.CompareOrdinal(a.File, b.File) is var c && c != 0 ? c : a.Line.CompareTo(b.Line));

    /// <summary>The live pages of the parsed files, with their diagnostics.</summary>
    private List<Page> BuildPages(List<SourceFile> sources, ParsedFile[] parsed, PublishSchedule schedule, List<string> hidden, List<Diagnostic> diagnostics)
    {
        var cascades = _cascades = PageBuilder.Cascades(sources, parsed);
        var pages = new List<Page>();
        for (var i = 0; i < sources.Count; i++)
        {
            diagnostics.AddRange(parsed[i].Diagnostics);
            if (parsed[i].FrontMatter is not null && PageBuilder.Build(sources[i], parsed[i], cascades, diagnostics) is var page && schedule.IsLive(page))
            {
                if (page.Meta.IsHidden)
                {
                    hidden.Add(page.SourcePath);
                    continue;
                }
                pages.Add(page);
            }
        }
        return pages;
    }

    /// <summary>One page per URL: the first by source path keeps it, the others are left out and reported.</summary>
    private static (List<Page> Pages, Dictionary<string, Page> ByUrl) UniqueUrls(List<Page> candidates, List<Diagnostic> diagnostics)
    {
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
        return (pages, byUrl);
    }

    /// <summary>
    /// The version's share of the page files and pages, kept between loads: sums of a hash of every source file (path,
    /// time, size) and of every page's URL. A sum does not depend on order and takes an edited file's new hash in
    /// place of its old one without visiting the others.
    /// </summary>
    private ulong _sourcesSum, _urlsSum;

    private static ulong SourceHash(SourceFile source) => VersionHash(source.RelativePath, source.Modified.Ticks, source.Length);

    /// <summary>FNV-1a over the text and two numbers, then MurmurHash3's finaliser to spread it over all 64 bits; the same in every process.</summary>
    private static ulong VersionHash(string text, long a, long b)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        hash = (hash ^ (ulong)a) * 1099511628211UL;
        hash = (hash ^ (ulong)b) * 1099511628211UL;
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        return hash ^ (hash >> 33);
    }

    private string Version(IReadOnlyList<Notice> notices)
    {
        var sb = new StringBuilder();
        foreach (var (file, modified, length) in _catalogs.Loaded)
        {
            sb.Append(file).Append('|').Append(modified.Ticks).Append('|').Append(length).Append('\n');
        }
        foreach (var line in _embeds.Versions)
        {
            sb.Append(line).Append('\n');
        }
        foreach (var line in _outputs.Versions)
        {
            sb.Append(line).Append('\n');
        }
        var vocabulary = new FileInfo(Path.Combine(Root, Vocabulary.RelativePath));
        sb.Append(Vocabulary.RelativePath).Append('|').Append(vocabulary.Exists ? vocabulary.LastWriteTimeUtc.Ticks : 0).Append('|').Append(vocabulary.Exists ? vocabulary.Length : 0).Append('\n');
        foreach (var n in notices)
        {
            sb.Append(n.Id).Append('|').Append(n.Start.UtcTicks).Append('|').Append(n.End.UtcTicks).Append('|').Append(n.Severity).Append('|').AppendJoin('|', n.Text.Values).Append('\n');
        }
        sb.Append(_sourcesSum).Append('|').Append(_urlsSum);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())))[..16].ToLowerInvariant();
    }
}

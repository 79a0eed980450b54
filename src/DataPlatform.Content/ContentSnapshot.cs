namespace DataPlatform.Content;

/// <summary>
/// Everything the site serves from content, built once per change and never modified: pages by URL,
/// translations, listings, menus, redirects and files. A reload builds a new snapshot and swaps one reference.
/// </summary>
public sealed class ContentSnapshot
{
    private readonly Dictionary<string, Page> _byUrl;
    private readonly Dictionary<string, Dictionary<string, Page>> _byTranslationKey;
    private readonly Dictionary<(string Language, string Directory), Page> _sections;
    private readonly Dictionary<(string Language, string Directory), List<Page>> _children;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Language, string Section, string Taxonomy), IReadOnlyDictionary<string, Term>> _terms = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Language, string Section), IReadOnlyList<Page>> _pagesIn = new();
    // The pages of a term's list as a set, for Related's counts: built the first time a page with that tag asks, and kept.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<IReadOnlyList<Page>, HashSet<Page>> _termSets = new(ReferenceEqualityComparer.Instance);

    public IReadOnlyList<Page> Pages { get; }

    /// <summary>Old URLs (<c>aliases</c>) → the page's URL, answered with a permanent redirect.</summary>
    public IReadOnlyDictionary<string, string> Redirects { get; }

    /// <summary>Site paths of files served as they are (<c>content/static/</c>, bundle images) → absolute file paths.</summary>
    public IReadOnlyDictionary<string, string> Files { get; }

    /// <summary>Per language code, per menu name, the top-level entries.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<MenuItem>>> Menus { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The catalogues from <c>data/*.yaml</c>, by their section (<c>services</c>, <c>data-sources</c>, <c>resources</c>).</summary>
    public IReadOnlyDictionary<string, Catalog> Catalogs { get; init; } = new Dictionary<string, Catalog>();

    /// <summary>Publications and the data they made available (<c>data/publications.json</c>, <c>data/datasets.json</c>, fetched copies).</summary>
    public ResearchOutputs Outputs { get; init; } = ResearchOutputs.Empty;

    /// <summary>Pages left out because of <c>headless: true</c> or <c>_build: {render: never}</c>, by source path.</summary>
    public IReadOnlyList<string> HiddenPages { get; init; } = [];

    /// <summary>The web addresses the pages' charts come from, for the fetcher.</summary>
    public IReadOnlyList<Charts.RemoteChartSource> RemoteCharts { get; init; } = [];

    /// <summary>Site-wide notices from <c>data/notices.yaml</c>; views show those active now.</summary>
    public IReadOnlyList<Notice> Notices { get; init; } = [];

    /// <summary>Swedish names for the data's words (<c>data/vocabulary.yaml</c>).</summary>
    public Vocabulary Vocabulary { get; init; } = Vocabulary.Empty;

    public DateTimeOffset LoadedAt { get; }

    /// <summary>The next moment a page's <c>publishDate</c> or <c>expiryDate</c> changes what is visible; the store reloads then.</summary>
    public DateTimeOffset? NextScheduledChange { get; }

    /// <summary>Changes whenever any page changes; used for ETags and cache invalidation.</summary>
    public string Version { get; }

    public static ContentSnapshot Empty { get; } = new([], new Dictionary<string, string>(), new Dictionary<string, string>(),
        new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<MenuItem>>>(), [], DateTimeOffset.MinValue, null, "empty");

    public ContentSnapshot(
        IReadOnlyList<Page> pages,
        IReadOnlyDictionary<string, string> redirects,
        IReadOnlyDictionary<string, string> files,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<MenuItem>>> menus,
        IReadOnlyList<Diagnostic> diagnostics,
        DateTimeOffset loadedAt,
        DateTimeOffset? nextScheduledChange,
        string version)
    {
        Pages = pages;
        Redirects = redirects;
        Files = files;
        Menus = menus;
        Diagnostics = diagnostics;
        LoadedAt = loadedAt;
        NextScheduledChange = nextScheduledChange;
        Version = version;
        _byUrl = new Dictionary<string, Page>(StringComparer.OrdinalIgnoreCase);
        foreach (var page in pages)
        {
            _byUrl.TryAdd(page.Url, page);
        }
        _byTranslationKey = pages.GroupBy(p => p.TranslationKey, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.GroupBy(p => p.Language.Code).ToDictionary(l => l.Key, l => l.First()), StringComparer.OrdinalIgnoreCase);
        _sections = [];
        foreach (var page in pages.Where(p => p.IsListPage))
        {
            _sections.TryAdd((page.Language.Code, page.Directory), page);
        }
        _children = pages.Where(p => p.Kind != PageKind.Home && !p.Meta.IsUnlisted)
            .GroupBy(p => (p.Language.Code, p.ParentDirectory))
            .ToDictionary(g => g.Key, g => g.OrderBy(p => p, PageOrder.Instance).ToList());
    }

    /// <summary>
    /// The previous snapshot with some pages replaced by new versions at the same URL, language, translation key and
    /// section, and outside every menu (a new body, or a new title or description). The indexes are copied with the
    /// references swapped, not rebuilt, so such an edit costs far less than a whole load.
    /// </summary>
    internal ContentSnapshot(ContentSnapshot previous, IReadOnlyDictionary<Page, Page> replaced, IReadOnlyList<Diagnostic> diagnostics, DateTimeOffset loadedAt, string version)
    {
        Page Swap(Page page) => replaced.GetValueOrDefault(page, page);
        Pages = previous.Pages.Select(Swap).ToList();
        Redirects = previous.Redirects;
        Files = previous.Files;
        Menus = previous.Menus;
        Diagnostics = diagnostics;
        LoadedAt = loadedAt;
        NextScheduledChange = previous.NextScheduledChange;
        Version = version;
        Catalogs = previous.Catalogs;
        Outputs = previous.Outputs;
        HiddenPages = previous.HiddenPages;
        RemoteCharts = previous.RemoteCharts;
        Notices = previous.Notices;
        Vocabulary = previous.Vocabulary;
        _byUrl = new Dictionary<string, Page>(previous._byUrl, StringComparer.OrdinalIgnoreCase);
        _byTranslationKey = new Dictionary<string, Dictionary<string, Page>>(previous._byTranslationKey, StringComparer.OrdinalIgnoreCase);
        _sections = new Dictionary<(string Language, string Directory), Page>(previous._sections);
        _children = new Dictionary<(string Language, string Directory), List<Page>>(previous._children);
        foreach (var (old, page) in replaced)
        {
            if (_byUrl.TryGetValue(old.Url, out var atUrl) && ReferenceEquals(atUrl, old))
            {
                _byUrl[old.Url] = page;
            }
            if (_byTranslationKey.TryGetValue(old.TranslationKey, out var byLanguage) && byLanguage.ContainsValue(old))
            {
                _byTranslationKey[old.TranslationKey] = byLanguage.ToDictionary(kv => kv.Key, kv => Swap(kv.Value));
            }
            if (_sections.TryGetValue((old.Language.Code, old.Directory), out var section) && ReferenceEquals(section, old))
            {
                _sections[(old.Language.Code, old.Directory)] = page;
            }
            if (_children.TryGetValue((old.Language.Code, old.ParentDirectory), out var siblings) && siblings.Contains(old))
            {
                // Out, and back in where its order puts it now (a new title can move it among pages of the same weight and date).
                var list = siblings.Where(p => !ReferenceEquals(p, old)).ToList();
                var at = list.BinarySearch(page, PageOrder.Instance);
                list.Insert(at < 0 ? ~at : at, page);
                _children[(old.Language.Code, old.ParentDirectory)] = list;
            }
        }
    }

    /// <summary>
    /// The section that introduces one of the portal's own lists (<see cref="SectionNames.PortalLists"/>, highlights,
    /// events): the language's own, else the other language's, so the list exists at the same addresses in both.
    /// </summary>
    public Page? ListSection(SiteLanguage language, string section) => Section(language, section) ?? Section(language.Other, section);

    public Page? Find(string url) => _byUrl.GetValueOrDefault(url);

    /// <summary>
    /// The tags (or authors, with <paramref name="taxonomy"/> <c>authors</c>) used by pages of a section in a language,
    /// by slug, each with its pages newest first. Built on first use and kept: the snapshot never changes.
    /// </summary>
    public IReadOnlyDictionary<string, Term> Terms(SiteLanguage language, string section, string taxonomy) =>
        _terms.GetOrAdd((language.Code, section, taxonomy), key => PagesIn(language, section)
            .SelectMany(p => (key.Taxonomy == "authors" ? p.Meta.Authors : p.Meta.Tags).Select(name => (Name: name, Page: p)))
            .GroupBy(x => Slug.From(x.Name), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new Term(g.First().Name, g.Key,
                g.Select(x => x.Page).Distinct().OrderByDescending(p => p.Date).ThenBy(p => p.Title, StringComparer.CurrentCultureIgnoreCase).ToList()),
                StringComparer.OrdinalIgnoreCase));

    /// <summary>
    /// Up to <paramref name="count"/> pages of the page's section and language that share the most tags with it,
    /// then the newest, then by source path. A common tag is on most of a big site's pages, so the lists are walked
    /// newest first and only as far as the answer needs: a page sharing two tags or more is on one of the shorter
    /// lists, and once <paramref name="count"/> pages share every tag, an older page cannot beat them.
    /// </summary>
    public IReadOnlyList<Page> Related(Page page, int count)
    {
        var terms = Terms(page.Language, page.Section, "tags");
        var lists = page.Meta.Tags.Select(Slug.From).Distinct(StringComparer.Ordinal)
            .Select(slug => terms.TryGetValue(slug, out var term) ? term.Pages : [])
            .Where(list => list.Count > 0).OrderBy(list => list.Count).ToList();
        var sets = lists.Select(list => _termSets.GetOrAdd(list, pages => new HashSet<Page>(pages, ReferenceEqualityComparer.Instance))).ToList();
        var best = new List<(Page Page, int Shared)>(count + 1);
        var seen = new HashSet<Page>(ReferenceEqualityComparer.Instance) { page };
        bool Full() => best.Count == count && count > 0;
        void Offer(Page other)
        {
            if (!seen.Add(other))
            {
                return;
            }
            var candidate = (other, sets.Count(set => set.Contains(other)));
            var at = best.FindIndex(kept => RelatedOrder(candidate, kept) < 0);
            if (at < 0 && best.Count < count)
            {
                best.Add(candidate);
            }
            else if (at >= 0)
            {
                best.Insert(at, candidate);
                if (best.Count > count)
                {
                    best.RemoveAt(count);
                }
            }
        }
        foreach (var other in NewestFirst(lists.Take(lists.Count - 1)))
        {
            if (Full() && best[^1].Shared == lists.Count && Nullable.Compare(other.Date, best[^1].Page.Date) < 0)
            {
                break;
            }
            Offer(other);
        }
        // The rest of the longest list shares one tag, unless the walk above stopped early, when the list holds none
        // that could come first.
        if (lists.Count > 0)
        {
            foreach (var other in lists[^1])
            {
                if (Full() && (best[^1].Shared > 1 || Nullable.Compare(other.Date, best[^1].Page.Date) < 0))
                {
                    break;
                }
                Offer(other);
            }
        }
        return best.Select(x => x.Page).ToList();
    }

    /// <summary>Most shared tags first, then the newest, then by source path.</summary>
    private static int RelatedOrder((Page Page, int Shared) a, (Page Page, int Shared) b)
    {
        var order = b.Shared.CompareTo(a.Shared);
        if (order == 0)
        {
            order = Nullable.Compare(b.Page.Date, a.Page.Date);
        }
        return order != 0 ? order : string.CompareOrdinal(a.Page.SourcePath, b.Page.SourcePath);
    }

    /// <summary>The pages of lists each sorted newest first, merged newest first (a page on several lists comes several times).</summary>
    private static IEnumerable<Page> NewestFirst(IEnumerable<IReadOnlyList<Page>> lists)
    {
        var heads = lists.Select(list => (List: list, Next: 0)).ToArray();
        while (true)
        {
            var newest = -1;
            for (var i = 0; i < heads.Length; i++)
            {
                if (heads[i].Next < heads[i].List.Count &&
                    (newest < 0 || Nullable.Compare(heads[i].List[heads[i].Next].Date, heads[newest].List[heads[newest].Next].Date) > 0))
                {
                    newest = i;
                }
            }
            if (newest < 0)
            {
                yield break;
            }
            yield return heads[newest].List[heads[newest].Next++];
        }
    }

    public Page? Home(SiteLanguage language) => Section(language, "");

    /// <summary>The section page of a content folder in a language, if there is one.</summary>
    public Page? Section(SiteLanguage language, string directory) => _sections.GetValueOrDefault((language.Code, directory));

    /// <summary>The same page in another language, if it has been translated.</summary>
    public Page? Translation(Page page, SiteLanguage language) =>
        page.Language == language ? page
        : _byTranslationKey.TryGetValue(page.TranslationKey, out var byLanguage) ? byLanguage.GetValueOrDefault(language.Code) : null;

    /// <summary>The pages and subsections directly below a section, in Hugo's order: weight, then newest, then title.</summary>
    public IReadOnlyList<Page> Children(Page section) =>
        section.IsListPage && _children.TryGetValue((section.Language.Code, section.Directory), out var list) ? list : [];

    /// <summary>
    /// Every regular page below a section folder, however deep, in source-path order; not those with <c>list: never</c>.
    /// Listed on first use and kept (the snapshot never changes): at 100,000 pages, walking them all for each request
    /// that shows a section's pages cost more than rendering the page.
    /// </summary>
    public IReadOnlyList<Page> PagesIn(SiteLanguage language, string section) =>
        _pagesIn.GetOrAdd((language.Code, section.ToLowerInvariant()), key => Pages
            .Where(p => p.Kind == PageKind.Page && p.Language.Code == key.Language && !p.Meta.IsUnlisted && p.Section.Equals(key.Section, StringComparison.OrdinalIgnoreCase))
            .ToList());

    /// <summary>The sections from the home page down to, not including, <paramref name="page"/>.</summary>
    public IReadOnlyList<Page> Ancestors(Page page)
    {
        var trail = new List<Page>();
        if (page.Kind == PageKind.Home)
        {
            return trail;
        }
        var directory = page.ParentDirectory;
        while (true)
        {
            if (Section(page.Language, directory) is { } section)
            {
                trail.Add(section);
            }
            if (directory.Length == 0)
            {
                break;
            }
            var slash = directory.LastIndexOf('/');
            directory = slash < 0 ? "" : directory[..slash];
        }
        trail.Reverse();
        return trail;
    }

    public IReadOnlyList<MenuItem> Menu(SiteLanguage language, string name) =>
        Menus.TryGetValue(language.Code, out var menus) && menus.TryGetValue(name, out var items) ? items : [];
}

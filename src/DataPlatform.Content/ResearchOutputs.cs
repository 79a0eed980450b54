namespace DataPlatform.Content;

/// <summary>
/// The publications and the data they made available, normalised, merged and linked: publications newest
/// first, by id; data items with their paper's record; the repository vocabulary. Immutable, part of a snapshot.
/// </summary>
public sealed class ResearchOutputs
{
    private readonly Dictionary<string, Publication> _byId;
    private readonly Dictionary<string, int> _labelIds;

    public static ResearchOutputs Empty { get; } = new([], [], RepositoryVocabulary.Empty);

    public ResearchOutputs(IReadOnlyList<Publication> publications, IReadOnlyList<DataItem> dataItems, RepositoryVocabulary repositories, WordIndex? words = null)
    {
        Publications = publications;
        Words = words ?? WordIndex.Empty;
        LabelGroups = publications.SelectMany(p => p.Labels.Select(l => l.Group).Distinct(StringComparer.OrdinalIgnoreCase))
            .GroupBy(g => g, StringComparer.OrdinalIgnoreCase).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();
        // Facets count by numbers, not strings: every label, type and year of each publication as an index, once per load.
        var groupIndex = LabelGroups.Select((g, i) => (g, i)).ToDictionary(x => x.g, x => x.i, StringComparer.OrdinalIgnoreCase);
        var labels = new List<Label>();
        var labelIds = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        Facts = publications.Select(p => new PublicationFacts(
            p.Published?.Year ?? 0,
            Math.Max(0, IndexOf(PublicationTypes.All, p.Type)),
            p.HasData,
            p.Labels.Select(l =>
            {
                if (!labelIds.TryGetValue(l.Key, out var id))
                {
                    id = labelIds[l.Key] = labels.Count;
                    labels.Add(l);
                }
                return id;
            }).ToArray())).ToList();
        Labels = labels;
        LabelGroupOf = labels.Select(l => groupIndex[l.Group]).ToArray();
        _labelIds = labelIds;
        DataItems = dataItems;
        Repositories = repositories;
        _byId = publications.ToDictionary(p => p.Id, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Newest first; a date known only to the month or year sorts before the dated ones of that month or year.</summary>
    public IReadOnlyList<Publication> Publications { get; }

    public IReadOnlyList<DataItem> DataItems { get; }

    public RepositoryVocabulary Repositories { get; }

    /// <summary>Every label group found in the data (Type, Category, Funder, …), the most used first.</summary>
    public IReadOnlyList<string> LabelGroups { get; }

    public Publication? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>
    /// The publications an identifier typed into a search box names: a DOI in any of its written forms
    /// (<c>10.1/x</c>, <c>doi:</c>, <c>https://doi.org/…</c>), a PubMed id (digits, or <c>PMID: 123</c>), a PubMed
    /// Central id (<c>PMC123</c>) or a record id. Empty when the text is not one, or names none.
    /// </summary>
    public IReadOnlyList<Publication> FindByIdentifier(string? text)
    {
        var written = text?.Trim() ?? "";
        if (written.Length is 0 or > 200)
        {
            return [];
        }
        if (Doi.Normalize(written) is { } doi)
        {
            return Identifiers.GetValueOrDefault("doi:" + doi) ?? [];
        }
        var bare = written.StartsWith("pmid", StringComparison.OrdinalIgnoreCase) ? written[4..].TrimStart(':', ' ') : written;
        if (bare.Length is > 0 and <= 9 && bare.All(char.IsAsciiDigit))
        {
            return Identifiers.GetValueOrDefault("pmid:" + bare) ?? [];
        }
        if (written.StartsWith("pmc", StringComparison.OrdinalIgnoreCase) && written.Length > 3 && written[3..].All(char.IsAsciiDigit))
        {
            return Identifiers.GetValueOrDefault("pmc:" + written[3..]) ?? [];
        }
        return !written.Contains(' ', StringComparison.Ordinal) && Find(written) is { } record ? [record] : [];
    }

    /// <summary>DOI, PubMed and PubMed Central ids to their publications, made when first asked for.</summary>
    private Dictionary<string, List<Publication>> Identifiers => field ??= Publications
        .SelectMany(p => new[] { p.Doi is null ? null : "doi:" + p.Doi, p.Pmid is null ? null : "pmid:" + p.Pmid, p.Pmc is null ? null : "pmc:" + p.Pmc.TrimStart('P', 'M', 'C', 'p', 'm', 'c') }
            .OfType<string>().Select(key => (key, p)))
        .GroupBy(x => x.key, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Select(x => x.p).Distinct().ToList(), StringComparer.OrdinalIgnoreCase);

    /// <summary>The words of each publication's title, authors, journal, abstract and DOI, by its position in <see cref="Publications"/>.</summary>
    public WordIndex Words { get; }

    /// <summary>Whether any publication has the label (<c>Category: Health</c>).</summary>
    public bool HasLabel(string key) => _labelIds.ContainsKey(key);

    /// <summary>The index of a label in <see cref="Labels"/>; -1 when no publication has it.</summary>
    public int LabelId(string key) => _labelIds.GetValueOrDefault(key, -1);

    /// <summary>Every label found, each once.</summary>
    public IReadOnlyList<Label> Labels { get; }

    /// <summary>Per label (by index), its group's index in <see cref="LabelGroups"/>.</summary>
    public IReadOnlyList<int> LabelGroupOf { get; }

    /// <summary>Per publication (by position), what the facets count.</summary>
    public IReadOnlyList<PublicationFacts> Facts { get; }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>
    /// Publications from every source merged (same id or DOI: the first kept, the others' labels and
    /// cross-references added, each merge reported), linked to data, and sorted.
    /// </summary>
    public static ResearchOutputs Build(IEnumerable<Publication> sources, IReadOnlyList<DataItem> dataItems, RepositoryVocabulary repositories, List<Diagnostic> diagnostics)
    {
        var merged = new List<Publication>();
        var byId = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var byDoi = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var publication in sources)
        {
            if (byId.TryGetValue(publication.Id, out var index) || (publication.Doi is not null && byDoi.TryGetValue(publication.Doi, out index)))
            {
                var first = merged[index];
                diagnostics.Add(new Diagnostic(Severity.Warning, "publication-duplicate", SourceFile(publication), SourceLine(publication),
                    $"'{publication.Title}' ({publication.Id}) has the same {(first.Id.Equals(publication.Id, StringComparison.OrdinalIgnoreCase) ? "id" : "DOI")} as the record at {first.Source}; the two are merged."));
                merged[index] = Merge(first, publication);
                continue;
            }
            byId[publication.Id] = merged.Count;
            if (publication.Doi is not null)
            {
                byDoi[publication.Doi] = merged.Count;
            }
            merged.Add(publication);
        }

        // Links are made on copies: the records read from a file are shared with the snapshots already served.
        var ids = merged.Where(p => p.Doi is not null).ToDictionary(p => p.Doi!, p => p.Id, StringComparer.OrdinalIgnoreCase);
        var linkedItems = dataItems.Select(i => i with { PublicationId = ids.GetValueOrDefault(i.PaperDoi) }).ToList();
        var itemsByDoi = linkedItems.Where(i => i.PaperDoi.Length > 0).ToLookup(i => i.PaperDoi, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < merged.Count; i++)
        {
            var publication = merged[i];
            var links = new List<DataLink>();
            foreach (var xref in publication.CrossReferences)
            {
                if (xref.Db.Equals("URL", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(xref.Key, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
                {
                    links.Add(new DataLink(uri.Host, null, xref.Key, xref.Description));
                }
                else if (repositories.Find(xref.Db) is { } repository)
                {
                    links.Add(new DataLink(repository.Name, xref.Key, repository.EntryUrl(xref.Key) ?? repository.Home, xref.Description));
                }
            }
            foreach (var item in publication.Doi is null ? [] : itemsByDoi[publication.Doi])
            {
                links.Add(new DataLink(item.Repository.Length > 0 ? item.Repository : item.Kind, item.Accession, item.Url, item.Description));
            }
            merged[i] = publication with { Data = links.DistinctBy(l => (l.Repository, l.Accession, l.Url)).ToList() };
        }
        merged.Sort((a, b) => Comparer<PartialDate?>.Default.Compare(b.Published, a.Published) is var c && c != 0 ? c : string.CompareOrdinal(a.Title, b.Title));
        var words = WordIndex.Build(merged, p => [p.Title, .. p.Authors.Select(a => a.Full), p.Journal?.Title, p.Abstract, p.Doi]);
        return new ResearchOutputs(merged, linkedItems, repositories, words);
    }

    private static Publication Merge(Publication first, Publication second) => new()
    {
        Id = first.Id,
        Title = first.Title,
        Authors = first.Authors.Count > 0 ? first.Authors : second.Authors,
        Type = first.Type,
        OriginalType = first.OriginalType ?? second.OriginalType,
        Published = first.Published ?? second.Published,
        Journal = first.Journal ?? second.Journal,
        Abstract = first.Abstract ?? second.Abstract,
        Doi = first.Doi ?? second.Doi,
        Pmid = first.Pmid ?? second.Pmid,
        Pmc = first.Pmc ?? second.Pmc,
        Labels = first.Labels.Concat(second.Labels).DistinctBy(l => l.Key).ToList(),
        CrossReferences = first.CrossReferences.Concat(second.CrossReferences).DistinctBy(x => (x.Db, x.Key)).ToList(),
        Source = first.Source,
    };

    private static string SourceFile(Publication p) => p.Source[..Math.Max(0, p.Source.LastIndexOf(':'))];

    private static int SourceLine(Publication p) => int.TryParse(p.Source[(p.Source.LastIndexOf(':') + 1)..], out var line) ? line : 0;
}

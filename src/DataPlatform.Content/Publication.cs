namespace DataPlatform.Content;

/// <summary>One record of the publications export, normalised.</summary>
public sealed record Publication
{
    /// <summary>The stable id in URLs: the export's <c>iuid</c>, or derived from the DOI or PubMed id.</summary>
    public required string Id { get; init; }
    public required string Title { get; init; }

    /// <summary>The title's folded words (<see cref="TextQuery.Searchable"/>), for ranking by relevance; made when first asked for.</summary>
    public string TitleSearchText => field ??= TextQuery.Searchable(Title);
    public IReadOnlyList<Author> Authors { get; init; } = [];

    /// <summary>One of <see cref="PublicationTypes.All"/>.</summary>
    public required string Type { get; init; }

    /// <summary>The type as the export wrote it.</summary>
    public string? OriginalType { get; init; }
    public PartialDate? Published { get; init; }
    public Journal? Journal { get; init; }
    /// <summary>Kept as UTF-8 (half the memory of a string for the 50,000 abstracts of a large export); read when shown or exported.</summary>
    public string? Abstract
    {
        get => _abstract is null ? null : System.Text.Encoding.UTF8.GetString(_abstract);
        init => _abstract = value is null ? null : System.Text.Encoding.UTF8.GetBytes(value);
    }

    private readonly byte[]? _abstract;

    /// <summary>Bare and lower case: <c>10.1016/j.worlddev.2020.105351</c>.</summary>
    public string? Doi { get; init; }
    public string? Pmid { get; init; }

    /// <summary>The PubMed Central id (<c>PMC7803152</c>), from the cross-references.</summary>
    public string? Pmc { get; init; }
    public IReadOnlyList<Label> Labels { get; init; } = [];
    public IReadOnlyList<CrossReference> CrossReferences { get; init; } = [];

    /// <summary>Cross-references to data repositories, and the data items of the datasets export for this paper.</summary>
    public IReadOnlyList<DataLink> Data { get; init; } = [];

    public bool HasData => Data.Count > 0;

    public string? DoiUrl => Doi is null ? null : "https://doi.org/" + Doi;

    /// <summary>The file and record (1-based) the record came from, for the editor.</summary>
    public string Source { get; init; } = "";

    /// <summary>
    /// The article's language (ISO 639-1): the export's <c>language</c> when it gives one, else English, as its records are.
    /// A Swedish page about an English article must not make reference managers file it as Swedish.
    /// </summary>
    public string Language { get; init; } = "en";

    public bool IsPreprint => Type == PublicationTypes.Preprint;

    /// <summary>
    /// A preprint that also carries a journal's volume, issue or pages: a preprint DOI mixed with the published version's
    /// details. It is shown as a preprint without them, and reported so an editor can split it.
    /// </summary>
    public bool IsMixedPreprint => IsPreprint && Journal is { } j && (j.Volume ?? j.Issue ?? j.Pages) is not null;

    /// <summary>The server a preprint was posted to ("medRxiv"), as the export names it in the journal's place; null for other records and mixed ones.</summary>
    public string? Server => IsPreprint && !IsMixedPreprint ? Journal?.TitleWithoutStop : null;

    /// <summary>The journal an article appeared in; null for a preprint, whose "journal" is its server.</summary>
    public Journal? JournalVersion => IsPreprint ? null : Journal;
}

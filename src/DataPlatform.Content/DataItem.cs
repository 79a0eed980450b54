namespace DataPlatform.Content;

/// <summary>One data item a paper made available (the datasets export), normalised.</summary>
public sealed record DataItem
{
    public required string PaperDoi { get; init; }
    public required string PaperTitle { get; init; }
    public PartialDate? Published { get; init; }
    public string? Publisher { get; init; }

    /// <summary><c>data</c>, <c>code</c>, <c>protocol</c>… as the export says.</summary>
    public required string Kind { get; init; }

    /// <summary>The repository's name from the vocabulary, or as written when it is not in it; empty when the export names none.</summary>
    public required string Repository { get; init; }
    public string? Accession { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string> DataTypes { get; init; } = [];

    /// <summary>The entry in its repository (from the accession pattern or the export's URL); null when there is none.</summary>
    public string? Url { get; init; }

    /// <summary>The paper's record in the publications data, when it is there.</summary>
    public string? PublicationId { get; init; }

    /// <summary>
    /// What the item is called: its repository and accession ("ENA: PRJEB1234"); without a repository, by what it has —
    /// the site it is on ("rsc.org"), else its description, else its kind ("Code").
    /// </summary>
    public string Title => field ??= Repository.Length > 0 ? Repository + (Accession is null ? "" : ": " + Accession)
        : (Uri.TryCreate(Url, UriKind.Absolute, out var url) ? url.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? url.Host[4..] : url.Host : null)
            is { Length: > 0 } host ? host + (Accession is null ? "" : ": " + Accession)
        : Description is { Length: > 0 } description ? (description.Length <= 60 ? description : description[..59].TrimEnd() + "…")
        : Accession ?? (Kind.Length > 0 ? char.ToUpperInvariant(Kind[0]) + Kind[1..] : "Data");

    /// <summary>What the datasets search box looks in (<see cref="TextQuery.Searchable"/>): accession, repository, paper, description, data types.</summary>
    public string SearchText => field ??= TextQuery.Searchable([Accession, Repository, PaperTitle, PaperDoi, Publisher, Description, .. DataTypes]);
}

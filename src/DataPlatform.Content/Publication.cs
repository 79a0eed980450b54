using System.Globalization;

namespace DataPlatform.Content;

/// <summary>
/// A publication date as precise as the export knows it: <c>2021-05-00</c> is May 2021, <c>2021-00-00</c> the
/// year 2021. Shown and sorted at that precision, counted in its year.
/// </summary>
public readonly record struct PartialDate(int Year, int Month, int Day) : IComparable<PartialDate>
{
    /// <summary><c>2021-05-14</c>, <c>2021-05-00</c>, <c>2021-05</c>, <c>2021</c> or an ISO time stamp; null for anything else.</summary>
    /// <summary>
    /// The years a research output can have been published in. Anything else is a slip or hostile data, and one record
    /// dated 1000 beside one dated 9999 made every publications page draw a 9,000-year chart; such a date is reported.
    /// </summary>
    public const int MinimumYear = 1600, MaximumYear = 2200;

    public static PartialDate? Parse(string? text)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length < 4 || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < MinimumYear or > MaximumYear)
        {
            return null;
        }
        var parts = text.Length > 10 ? text[..10].Split('-') : text.Split('-');
        var month = parts.Length > 1 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : 0;
        var day = parts.Length > 2 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : 0;
        if (parts.Length > 3 || month is < 0 or > 12 || day < 0 || (parts.Length > 1 && parts[1].Length != 2) || (parts.Length > 2 && parts[2].Length != 2))
        {
            return null;
        }
        if (month == 0)
        {
            day = 0;
        }
        if (day > 0 && day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }
        return new PartialDate(year, month, day);
    }

    /// <summary>"2021", "December 2021" ("december 2021" in Swedish) or "14 December 2021", in the culture's words.</summary>
    public string Format(CultureInfo culture) => Month == 0 ? Year.ToString(CultureInfo.InvariantCulture)
        : Day == 0 ? new DateTime(Year, Month, 1).ToString("MMMM yyyy", culture)
        : new DateTime(Year, Month, Day).ToString("d MMMM yyyy", culture);

    /// <summary>ISO 8601 at the known precision: <c>2021</c>, <c>2021-05</c>, <c>2021-05-14</c>.</summary>
    public string Iso => Month == 0 ? $"{Year:D4}" : Day == 0 ? $"{Year:D4}-{Month:D2}" : $"{Year:D4}-{Month:D2}-{Day:D2}";

    /// <summary>Unknown parts sort first within their year or month.</summary>
    public int CompareTo(PartialDate other) => (Year * 10000 + Month * 100 + Day).CompareTo(other.Year * 10000 + other.Month * 100 + other.Day);

    public override string ToString() => Iso;

    public static bool operator <(PartialDate left, PartialDate right) => left.CompareTo(right) < 0;

    public static bool operator <=(PartialDate left, PartialDate right) => left.CompareTo(right) <= 0;

    public static bool operator >(PartialDate left, PartialDate right) => left.CompareTo(right) > 0;

    public static bool operator >=(PartialDate left, PartialDate right) => left.CompareTo(right) >= 0;
}

/// <summary>One author as the export names them: a person, or a group ("NEMA Research Group") written as a family name alone.</summary>
public sealed record Author(string Family, string? Given, string? Initials, string? Orcid)
{
    /// <summary>
    /// A group or consortium: the export writes one as a family name with neither given name nor initials. Reference
    /// managers must keep its name whole, never split it into "Group, NEMA Research".
    /// </summary>
    public bool IsGroup => string.IsNullOrEmpty(Given) && string.IsNullOrEmpty(Initials);

    /// <summary>"Ferree KE", as reference lists write it.</summary>
    public string Cited => Initials is { Length: > 0 } ? $"{Family} {Initials}" : Given is { Length: > 0 } ? $"{Family} {Given[0]}" : Family;

    /// <summary>"Karen E Ferree".</summary>
    public string Full => Given is { Length: > 0 } ? $"{Given} {Family}" : Family;

    /// <summary>
    /// What some exports write where there is no author (<c>"None"</c>, <c>"null"</c>…): never a name, and left out of
    /// the record (<see cref="OutputsFile"/> reports it).
    /// </summary>
    public static bool IsPlaceholder(string family, string? given) =>
        string.IsNullOrEmpty(given) && family.Trim().ToLowerInvariant() is "none" or "null" or "nan" or "n/a" or "na" or "-" or "–" or "unknown" or "anonymous";
}

public sealed record Journal(string? Title, string? Issn, string? Volume, string? Issue, string? Pages)
{
    /// <summary>The first page of <see cref="Pages"/> ("4481" of "4481-4490"), or the article number when there is no range.</summary>
    public string? FirstPage => PageRange().First;

    /// <summary>The last page of a range ("4490" of "4481-4490", also written with an en dash); null for a single page or article number.</summary>
    public string? LastPage => PageRange().Last;

    /// <summary>The title without the full stop abbreviated titles end in ("Epidemiol. Infect."), so a citation adds exactly one.</summary>
    public string? TitleWithoutStop => Title?.TrimEnd('.', ' ') is { Length: > 0 } trimmed ? trimmed : null;

    private (string? First, string? Last) PageRange()
    {
        if (Pages is not { Length: > 0 } pages)
        {
            return (null, null);
        }
        var parts = pages.Split(['-', '–', '—'], 2, StringSplitOptions.TrimEntries);
        return parts.Length == 2 && parts[0].Length > 0 && parts[1].Length > 0 ? (parts[0], parts[1]) : (parts[0].Length > 0 ? parts[0] : null, null);
    }
}

/// <summary>A label of the export (<c>"Category: Health"</c>): a group and a value.</summary>
public sealed record Label(string Group, string Value)
{
    /// <summary>The label as the export and the filter URLs write it: <c>Category: Health</c>.</summary>
    public string Key { get; } = $"{Group}: {Value}";

    public static Label? Parse(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 || colon == text.Length - 1 ? null : new Label(text[..colon].Trim(), text[(colon + 1)..].Trim());
    }
}

/// <summary>A cross-reference of the export: a database and a key in it (PubMed Central, PDB, GEO, a URL).</summary>
public sealed record CrossReference(string Db, string Key, string? Description);

/// <summary>The small vocabulary of publication types the portal shows and filters by.</summary>
public static class PublicationTypes
{
    public const string JournalArticle = "journal-article";
    public const string Preprint = "preprint";
    public const string Review = "review";
    public const string Letter = "letter";
    public const string Editorial = "editorial";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All = [JournalArticle, Preprint, Review, Letter, Editorial, Other];

    /// <summary>Maps the export's spelling (<c>journal article</c>, <c>journal-article</c>, <c>posted-content</c>, …) to the vocabulary.</summary>
    public static string Normalize(string? raw)
    {
        var key = new string((raw ?? "").Trim().ToLowerInvariant().Select(c => char.IsLetter(c) ? c : ' ').ToArray());
        key = string.Join(' ', key.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return key switch
        {
            "journal article" or "article" or "research article" or "original article" => JournalArticle,
            "preprint" or "posted content" => Preprint,
            "review" or "systematic review" or "review article" or "meta analysis" => Review,
            "letter" or "correspondence" or "comment" => Letter,
            "editorial" => Editorial,
            _ => Other,
        };
    }
}

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

/// <summary>A link from a publication to data: a repository entry named by a cross-reference or the datasets export.</summary>
public sealed record DataLink(string Repository, string? Accession, string? Url, string? Description);

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

/// <summary>Bare DOIs: trimmed, lower case, without <c>https://doi.org/</c>, <c>http://dx.doi.org/</c> or <c>doi:</c>.</summary>
public static class Doi
{
    private static readonly string[] Prefixes = ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi.org/", "doi:"];

    /// <summary>The bare DOI, or null when the text is not one (it must start with <c>10.</c> and have a suffix).</summary>
    public static string? Normalize(string? text)
    {
        var doi = text?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(doi))
        {
            return null;
        }
        foreach (var prefix in Prefixes)
        {
            if (doi.StartsWith(prefix, StringComparison.Ordinal))
            {
                doi = doi[prefix.Length..].Trim();
                break;
            }
        }
        return doi.StartsWith("10.", StringComparison.Ordinal) && doi.IndexOf('/', StringComparison.Ordinal) > 3 && !doi.Any(char.IsWhiteSpace) ? doi : null;
    }
}

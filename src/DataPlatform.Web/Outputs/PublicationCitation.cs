using System.Globalization;
using System.Text;
using DataPlatform.Content;
using DataPlatform.Web.Site;

namespace DataPlatform.Web.Outputs;

/// <summary>
/// What a record says about itself to people and to reference managers: the source line, the formatted reference, the
/// Highwire Press <c>citation_*</c> tags Zotero's "Embedded Metadata" translator reads, and schema.org JSON-LD. Groups
/// stay whole, preprints name their server and no journal, and every form gives the same item as the exports.
/// </summary>
public static class PublicationCitation
{
    /// <summary>"World Dev. 2021;141:105351", "medRxiv. 2021" for a preprint, as reference lists write it.</summary>
    public static string Source(Publication p)
    {
        var journal = p.JournalVersion;
        var text = journal?.TitleWithoutStop ?? p.Server ?? "";
        if (p.Published is { } date)
        {
            text += (text.Length > 0 ? ". " : "") + date.Year.ToString(CultureInfo.InvariantCulture);
        }
        if (journal?.Volume is { } volume)
        {
            text += ";" + volume + (journal.Issue is { } issue ? $"({issue})" : "");
        }
        if (journal?.Pages is { } pages)
        {
            text += ":" + pages;
        }
        return text;
    }

    /// <summary>
    /// The reference in the Vancouver style biomedical journals use: up to six authors then "et al.", the title, the
    /// source, and the DOI. "Fadista J, Kraven LM, et al. Title. medRxiv. 2020. Preprint. doi:10.1101/…".
    /// </summary>
    public static string Reference(Publication p)
    {
        var sb = new StringBuilder();
        if (p.Authors.Count > 0)
        {
            sb.AppendJoin(", ", p.Authors.Take(6).Select(a => a.Cited));
            sb.Append(p.Authors.Count > 6 ? ", et al. " : ". ");
        }
        sb.Append(p.Title.TrimEnd('.', ' ')).Append(". ");
        if (Source(p) is { Length: > 0 } source)
        {
            sb.Append(source).Append(". ");
        }
        if (p.IsPreprint)
        {
            sb.Append("Preprint. ");
        }
        if (p.Doi is not null)
        {
            sb.Append("doi:").Append(p.Doi);
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>A headline of at most 110 characters (schema.org's advice), cut between words with an ellipsis.</summary>
    public static string Headline(string title)
    {
        if (title.Length <= 110)
        {
            return title;
        }
        var cut = title.LastIndexOf(' ', 108);
        return (cut > 40 ? title[..cut] : title[..109]).TrimEnd(' ', ',', ';', ':', '.') + "…";
    }

    /// <summary>
    /// The Highwire Press tags, in the order Google Scholar documents them. A group is written with a trailing comma (the
    /// translator then reads it as one name); a preprint carries its server as publisher and no journal title (any
    /// journal title makes it a journal article); the abstract is whole.
    /// </summary>
    public static IReadOnlyList<(string Name, string Content)> MetaTags(Publication p, string url)
    {
        var tags = new List<(string, string)> { ("citation_title", p.Title) };
        foreach (var author in p.Authors)
        {
            tags.Add(("citation_author", author.IsGroup ? author.Family + "," : author.Given is { Length: > 0 } ? $"{author.Family}, {author.Given}" : author.Family));
        }
        if (p.Published is { } published)
        {
            tags.Add(("citation_publication_date", published.Iso.Replace('-', '/')));
        }
        if (p.JournalVersion is { } journal)
        {
            void Add(string name, string? value)
            {
                if (value is not null)
                {
                    tags.Add((name, value));
                }
            }
            Add("citation_journal_title", journal.Title);
            Add("citation_issn", journal.Issn);
            Add("citation_volume", journal.Volume);
            Add("citation_issue", journal.Issue);
            Add("citation_firstpage", journal.FirstPage);
            Add("citation_lastpage", journal.LastPage);
        }
        if (p.IsPreprint)
        {
            tags.Add(("z.itemType", "preprint"));
            if (p.Server is { } server)
            {
                tags.Add(("citation_publisher", server));
            }
        }
        if (p.Doi is not null)
        {
            tags.Add(("citation_doi", p.Doi));
        }
        if (p.Pmid is not null)
        {
            tags.Add(("citation_pmid", p.Pmid));
        }
        if (p.Abstract is { } summary)
        {
            tags.Add(("citation_abstract", summary));
        }
        tags.Add(("citation_language", p.Language));
        tags.Add(("citation_abstract_html_url", url));
        return tags;
    }

    /// <summary>Schema.org: a <c>ScholarlyArticle</c>; groups are <c>Organization</c>s; a preprint names its server as publisher and is part of no periodical.</summary>
    public static string JsonLd(Publication p, string url)
    {
        var journal = p.JournalVersion;
        var data = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "ScholarlyArticle",
            ["@id"] = p.DoiUrl ?? url,
            ["url"] = url,
            ["headline"] = Headline(p.Title),
            ["name"] = p.Title,
            ["author"] = p.Authors.Select(a => a.IsGroup
                ? new Dictionary<string, object?> { ["@type"] = "Organization", ["name"] = a.Family }
                : new Dictionary<string, object?>
                {
                    ["@type"] = "Person", ["name"] = a.Full, ["familyName"] = a.Family, ["givenName"] = a.Given,
                    ["sameAs"] = a.Orcid is null ? null : $"https://orcid.org/{a.Orcid}",
                }).ToList(),
            ["datePublished"] = p.Published?.Iso,
            ["inLanguage"] = p.Language,
            ["isPartOf"] = journal?.Title is null ? null : new Dictionary<string, object?>
            {
                ["@type"] = "Periodical", ["name"] = journal.Title, ["issn"] = journal.Issn,
            },
            ["volumeNumber"] = journal?.Volume,
            ["issueNumber"] = journal?.Issue,
            ["pageStart"] = journal?.FirstPage,
            ["pageEnd"] = journal?.LastPage,
            ["pagination"] = journal?.Pages,
            ["creativeWorkStatus"] = p.IsPreprint ? "Preprint" : null,
            ["publisher"] = p.Server is { } server ? new Dictionary<string, object?> { ["@type"] = "Organization", ["name"] = server } : null,
            ["abstract"] = p.Abstract,
            ["identifier"] = new[]
            {
                p.Doi is null ? null : new Dictionary<string, object?> { ["@type"] = "PropertyValue", ["propertyID"] = "DOI", ["value"] = p.Doi },
                p.Pmid is null ? null : new Dictionary<string, object?> { ["@type"] = "PropertyValue", ["propertyID"] = "PMID", ["value"] = p.Pmid },
                p.Pmc is null ? null : new Dictionary<string, object?> { ["@type"] = "PropertyValue", ["propertyID"] = "PMCID", ["value"] = p.Pmc },
            },
            ["sameAs"] = new[] { p.DoiUrl, p.Pmid is null ? null : $"https://pubmed.ncbi.nlm.nih.gov/{p.Pmid}/" },
            ["keywords"] = p.Labels.Count == 0 ? null : string.Join(", ", p.Labels.Select(l => l.Value)),
        };
        return PageMetadataJson.Write(data);
    }
}

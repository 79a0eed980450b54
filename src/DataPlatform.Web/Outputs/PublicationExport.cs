using System.Globalization;
using System.Text;
using System.Text.Json;
using DataPlatform.Content;
using DataPlatform.Web.Site;
using Microsoft.AspNetCore.Mvc;

namespace DataPlatform.Web.Outputs;

/// <summary>
/// Publications as a file for spreadsheets (CSV), programs (JSON) and reference managers (BibTeX, RIS, CSL-JSON),
/// written straight to the response a record at a time: an export of every record never sits in memory whole. A group
/// author stays one name in every format, a preprint is a preprint with its server (never a journal article), and each
/// format carries the fields the record page's tags carry, so a record saved from the page or a file is the same item.
/// </summary>
public sealed class PublicationExport(IReadOnlyList<Publication> publications, string format, string fileName, Func<Publication, string> recordUrl) : IActionResult
{
    public static readonly IReadOnlyDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        ["csv"] = StreamedExport.CsvType,
        ["json"] = StreamedExport.JsonType,
        ["bib"] = "application/x-bibtex; charset=utf-8",
        ["ris"] = "application/x-research-info-systems; charset=utf-8",
        ["csl.json"] = "application/vnd.citationstyles.csl+json; charset=utf-8",
    };

    /// <summary>The formats in a route constraint: <c>csv|json|bib|ris|csl\.json</c>.</summary>
    public const string FormatPattern = @"^(csv|json|bib|ris|csl\.json)$";

    /// <summary>What a format is called on a download link: "BIB", "CSL-JSON".</summary>
    public static string Label(string format) => format == "csl.json" ? "CSL-JSON" : format.ToUpperInvariant();

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        StreamedExport.Attach(response, ContentTypes[format], fileName);
        var cancel = context.HttpContext.RequestAborted;
        var body = response.Body;
        switch (format)
        {
            case "json":
                await StreamedExport.WriteJsonAsync(body, publications, WriteJson, cancel);
                break;
            case "csl.json":
                await StreamedExport.WriteJsonAsync(body, publications, WriteCsl, cancel);
                break;
            case "csv":
                await StreamedExport.WriteCsvAsync(body,
                    ["id", "title", "authors", "type", "published", "journal", "volume", "issue", "pages", "doi", "pmid", "pmc", "labels", "has_data", "url"],
                    publications.Select(p => (IReadOnlyList<string>)[
                        p.Id, p.Title, string.Join("; ", p.Authors.Select(a => a.Cited)), p.Type, p.Published?.Iso ?? "", p.JournalVersion?.Title ?? p.Server ?? "", p.JournalVersion?.Volume ?? "",
                        p.JournalVersion?.Issue ?? "", p.JournalVersion?.Pages ?? "", p.Doi ?? "", p.Pmid ?? "", p.Pmc ?? "", string.Join("; ", p.Labels.Select(l => l.Key)),
                        p.HasData ? "yes" : "no", recordUrl(p),
                    ]), cancel);
                break;
            default:
                await using (var writer = new StreamWriter(body, Utf8, bufferSize: 16 * 1024, leaveOpen: true))
                {
                    await (format switch
                    {
                        "bib" => WriteEachAsync(writer, BibTeX, cancel),
                        _ => WriteEachAsync(writer, Ris, cancel),
                    });
                }
                break;
        }
    }

    private void WriteJson(Utf8JsonWriter json, Publication p) => JsonSerializer.Serialize(json, new
    {
        id = p.Id,
        title = p.Title,
        authors = p.Authors.Select(a => new { family = a.Family, given = a.Given, orcid = a.Orcid, group = a.IsGroup }),
        type = p.Type,
        original_type = p.OriginalType,
        published = p.Published?.Iso,
        journal = p.JournalVersion?.Title,
        server = p.Server,
        issn = p.JournalVersion?.Issn,
        volume = p.JournalVersion?.Volume,
        issue = p.JournalVersion?.Issue,
        pages = p.JournalVersion?.Pages,
        language = p.Language,
        doi = p.Doi,
        pmid = p.Pmid,
        pmc = p.Pmc,
        @abstract = p.Abstract,
        labels = p.Labels.Select(l => l.Key),
        data = p.Data.Select(d => new { repository = d.Repository, accession = d.Accession, url = d.Url }),
        url = recordUrl(p),
    }, StreamedExport.JsonOptions);

    /// <summary>
    /// One CSL-JSON item (the format of Zotero, Mendeley and citeproc): <c>article</c> for a preprint with the server as
    /// publisher, <c>article-journal</c> with <c>container-title</c> for a journal article; a group is a <c>literal</c> name.
    /// </summary>
    private void WriteCsl(Utf8JsonWriter json, Publication p)
    {
        var journal = p.JournalVersion;
        var item = new Dictionary<string, object?>
        {
            ["id"] = p.Id,
            ["type"] = p.IsPreprint ? "article" : journal?.Title is null ? "document" : "article-journal",
            ["title"] = p.Title,
            ["author"] = p.Authors.Select(a => a.IsGroup
                ? new Dictionary<string, string?> { ["literal"] = a.Family }
                : new Dictionary<string, string?> { ["family"] = a.Family, ["given"] = a.Given }).ToList(),
            ["issued"] = p.Published is { } d
                ? new Dictionary<string, int[][]> { ["date-parts"] = [new[] { d.Year, d.Month, d.Day }.TakeWhile(x => x > 0).ToArray()] }
                : null,
            ["container-title"] = journal?.Title,
            ["ISSN"] = journal?.Issn,
            ["volume"] = journal?.Volume,
            ["issue"] = journal?.Issue,
            ["page"] = journal?.Pages,
            ["publisher"] = p.Server,
            ["genre"] = p.IsPreprint ? "Preprint" : null,
            ["DOI"] = p.Doi,
            ["PMID"] = p.Pmid,
            ["PMCID"] = p.Pmc,
            ["language"] = p.Language,
            ["abstract"] = p.Abstract,
            ["URL"] = recordUrl(p),
        };
        json.WriteRawValue(PageMetadataJson.Write(item), skipInputValidation: true);
    }

    private async Task WriteEachAsync(StreamWriter writer, Func<Publication, string> record, CancellationToken cancel)
    {
        var count = 0;
        foreach (var publication in publications)
        {
            await writer.WriteAsync(record(publication));
            if (++count % 1000 == 0)
            {
                await writer.FlushAsync(cancel);
            }
        }
    }

    /// <summary>
    /// One BibTeX entry; the key is the first author, the year and the record's id, so it is unique. A group author is
    /// braced (<c>{NEMA Research Group}</c>) so no reader takes "Group" for a family name; a preprint is <c>@misc</c>
    /// with its server as <c>howpublished</c> and <c>publisher</c>, as Zotero writes one and the standard styles print it.
    /// </summary>
    public string BibTeX(Publication p)
    {
        var journal = p.JournalVersion;
        var kind = p.IsPreprint || journal?.Title is null ? "misc" : "article";
        var key = Slug.From($"{(p.Authors.Count > 0 ? p.Authors[0].Family : null) ?? "anon"}{p.Published?.Year}").Replace("-", "", StringComparison.Ordinal) + "-" + p.Id[..Math.Min(8, p.Id.Length)];
        var sb = new StringBuilder().Append('@').Append(kind).Append('{').Append(key).Append(",\n");
        void Field(string name, string? value, bool escaped = false)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                sb.Append("  ").Append(name).Append(" = {").Append(escaped ? value : BibEscape(value)).Append("},\n");
            }
        }
        Field("title", p.Title);
        Field("author", string.Join(" and ", p.Authors.Select(a =>
            a.IsGroup ? "{" + BibEscape(a.Family) + "}" : BibEscape(a.Given is { Length: > 0 } ? $"{a.Family}, {a.Given}" : a.Family))), escaped: true);
        Field("journal", journal?.Title);
        Field("issn", journal?.Issn);
        Field("howpublished", p.Server);
        Field("publisher", p.Server);
        Field("note", p.IsPreprint ? "Preprint" : null);
        Field("year", p.Published?.Year.ToString(CultureInfo.InvariantCulture));
        Field("month", p.Published is { Month: > 0 } m ? CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(m.Month).ToLowerInvariant() : null);
        Field("volume", journal?.Volume);
        Field("number", journal?.Issue);
        Field("pages", journal?.LastPage is { } last ? $"{journal.FirstPage}--{last}" : journal?.Pages);
        Field("doi", p.Doi);
        Field("pmid", p.Pmid);
        Field("pmcid", p.Pmc);
        Field("langid", p.Language == "en" ? "english" : p.Language);
        Field("abstract", p.Abstract);
        Field("url", recordUrl(p));
        return sb.Append("}\n\n").ToString();
    }

    /// <summary>One RIS record (CRLF lines, as the format asks).</summary>
    public string Ris(Publication p)
    {
        var sb = new StringBuilder();
        void Tag(string tag, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                sb.Append(tag).Append("  - ").Append(value.ReplaceLineEndings(" ")).Append("\r\n");
            }
        }
        var journal = p.JournalVersion;
        Tag("TY", p.IsPreprint ? "UNPB" : journal?.Title is null ? "GEN" : "JOUR");
        Tag("TI", p.Title);
        foreach (var author in p.Authors)
        {
            // A group has no comma, so RIS readers keep it as one name.
            Tag("AU", author.Given is { Length: > 0 } ? $"{author.Family}, {author.Given}" : author.Family);
        }
        Tag("T2", journal?.Title);
        Tag("PB", p.Server);
        Tag("PY", p.Published?.Year.ToString(CultureInfo.InvariantCulture));
        Tag("DA", p.Published is { } d ? $"{d.Year:D4}/{(d.Month > 0 ? d.Month.ToString("D2", CultureInfo.InvariantCulture) : "")}/{(d.Day > 0 ? d.Day.ToString("D2", CultureInfo.InvariantCulture) : "")}/" : null);
        Tag("VL", journal?.Volume);
        Tag("IS", journal?.Issue);
        Tag("SP", journal?.FirstPage);
        Tag("EP", journal?.LastPage);
        Tag("SN", journal?.Issn);
        Tag("DO", p.Doi);
        Tag("AN", p.Pmid is null ? null : "PMID:" + p.Pmid);
        Tag("C2", p.Pmc);
        Tag("LA", p.Language);
        Tag("AB", p.Abstract);
        foreach (var label in p.Labels)
        {
            Tag("KW", label.Key);
        }
        Tag("UR", recordUrl(p));
        sb.Append("ER  - \r\n\r\n");
        return sb.ToString();
    }

    /// <summary>
    /// A field value that cannot end its field: BibTeX counts braces whatever stands before them (<c>\}</c> closes a
    /// field too), so no brace is written bare; every brace here comes in a balanced pair.
    /// </summary>
    public static string BibEscape(string value)
    {
        var sb = new StringBuilder(value.Length);
        // Paragraph breaks become one space: a blank line inside a field reads as a new paragraph to some readers, an error to others.
        foreach (var c in string.Join(' ', value.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            sb.Append(c switch
            {
                '{' => "\\textbraceleft{}",
                '}' => "\\textbraceright{}",
                '%' or '&' or '$' or '#' or '_' => "\\" + c,
                '\\' => "\\textbackslash{}",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }
}

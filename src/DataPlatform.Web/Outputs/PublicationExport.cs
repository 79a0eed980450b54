using System.Globalization;
using System.Text;
using System.Text.Json;
using DataPlatform.Content;
using Microsoft.AspNetCore.Mvc;
using DataPlatform.Web.Site;

namespace DataPlatform.Web.Outputs;

/// <summary>
/// Publications as a file for spreadsheets (CSV), programs (JSON) and reference managers (BibTeX, RIS), written
/// straight to the response a record at a time: an export of every record never sits in memory whole.
/// </summary>
public sealed class PublicationExport(IReadOnlyList<Publication> publications, string format, string fileName, Func<Publication, string> recordUrl) : IActionResult
{
    public static readonly IReadOnlyDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        ["csv"] = StreamedExport.CsvType,
        ["json"] = StreamedExport.JsonType,
        ["bib"] = "application/x-bibtex; charset=utf-8",
        ["ris"] = "application/x-research-info-systems; charset=utf-8",
    };

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
            case "csv":
                await StreamedExport.WriteCsvAsync(body,
                    ["id", "title", "authors", "type", "published", "journal", "volume", "issue", "pages", "doi", "pmid", "pmc", "labels", "has_data", "url"],
                    publications.Select(p => (IReadOnlyList<string>)[
                        p.Id, p.Title, string.Join("; ", p.Authors.Select(a => a.Cited)), p.Type, p.Published?.Iso ?? "", p.Journal?.Title ?? "", p.Journal?.Volume ?? "",
                        p.Journal?.Issue ?? "", p.Journal?.Pages ?? "", p.Doi ?? "", p.Pmid ?? "", p.Pmc ?? "", string.Join("; ", p.Labels.Select(l => l.Key)),
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
        authors = p.Authors.Select(a => new { family = a.Family, given = a.Given, orcid = a.Orcid }),
        type = p.Type,
        original_type = p.OriginalType,
        published = p.Published?.Iso,
        journal = p.Journal?.Title,
        volume = p.Journal?.Volume,
        issue = p.Journal?.Issue,
        pages = p.Journal?.Pages,
        doi = p.Doi,
        pmid = p.Pmid,
        pmc = p.Pmc,
        @abstract = p.Abstract,
        labels = p.Labels.Select(l => l.Key),
        data = p.Data.Select(d => new { repository = d.Repository, accession = d.Accession, url = d.Url }),
        url = recordUrl(p),
    }, StreamedExport.JsonOptions);

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

    /// <summary>One BibTeX entry; the key is the first author, the year and the record's id, so it is unique.</summary>
    public string BibTeX(Publication p)
    {
        var kind = p.Type == PublicationTypes.Preprint ? "unpublished" : p.Journal?.Title is null ? "misc" : "article";
        var key = Slug.From($"{(p.Authors.Count > 0 ? p.Authors[0].Family : null) ?? "anon"}{p.Published?.Year}").Replace("-", "", StringComparison.Ordinal) + "-" + p.Id[..Math.Min(8, p.Id.Length)];
        var sb = new StringBuilder().Append('@').Append(kind).Append('{').Append(key).Append(",\n");
        void Field(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                sb.Append("  ").Append(name).Append(" = {").Append(BibEscape(value)).Append("},\n");
            }
        }
        Field("title", p.Title);
        Field("author", string.Join(" and ", p.Authors.Select(a => a.Given is { Length: > 0 } ? $"{a.Family}, {a.Given}" : a.Family)));
        Field("journal", p.Journal?.Title);
        Field("year", p.Published?.Year.ToString(CultureInfo.InvariantCulture));
        Field("month", p.Published is { Month: > 0 } m ? CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(m.Month).ToLowerInvariant() : null);
        Field("volume", p.Journal?.Volume);
        Field("number", p.Journal?.Issue);
        Field("pages", p.Journal?.Pages);
        Field("doi", p.Doi);
        Field("pmid", p.Pmid);
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
        Tag("TY", p.Type switch { PublicationTypes.Preprint => "UNPB", _ when p.Journal?.Title is null => "GEN", _ => "JOUR" });
        Tag("TI", p.Title);
        foreach (var author in p.Authors)
        {
            Tag("AU", author.Given is { Length: > 0 } ? $"{author.Family}, {author.Given}" : author.Family);
        }
        Tag("T2", p.Journal?.Title);
        Tag("PY", p.Published?.Year.ToString(CultureInfo.InvariantCulture));
        Tag("DA", p.Published is { } d ? $"{d.Year:D4}/{(d.Month > 0 ? d.Month.ToString("D2", CultureInfo.InvariantCulture) : "")}/{(d.Day > 0 ? d.Day.ToString("D2", CultureInfo.InvariantCulture) : "")}/" : null);
        Tag("VL", p.Journal?.Volume);
        Tag("IS", p.Journal?.Issue);
        Tag("SP", p.Journal?.Pages);
        Tag("SN", p.Journal?.Issn);
        Tag("DO", p.Doi);
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
        foreach (var c in value.ReplaceLineEndings(" "))
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

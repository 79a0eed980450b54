using System.Globalization;
using DataPlatform.Content;
using DataPlatform.Web.Localization;
using DataPlatform.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace DataPlatform.Web.Outputs;

/// <summary>The data items the papers made available, with facets by repository, data type and year.</summary>
[Bilingual]
public sealed class DatasetsController(ContentSnapshot snapshot, PortalLayout layout, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    private const string Section = SectionNames.Datasets;

    [HttpGet(Section)]
    public IActionResult List([FromQuery] DatasetFilter filter, [FromQuery] int? page)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }
        var items = snapshot.Outputs.DataItems;
        var language = layout.Language;
        var section = snapshot.ListSection(language, Section);
        var own = section?.Language == language ? section : null;
        if (section is null && items.Count == 0)
        {
            return NotFound();
        }
        var problems = filter.Problems();
        var matching = problems.Count > 0 ? [] : Matching(items, filter);
        var baseUrl = language.Localize(AppRoutes.Section(Section));
        var pager = Pager.Create(matching.Count, page, baseUrl, filter);
        if (pager is null)
        {
            return NotFound();
        }
        string Url(string key, string value, bool chosen) => baseUrl + filter.ToQueryString([new(key, chosen ? null : value)]);
        var vocabulary = snapshot.Vocabulary;
        var facets = problems.Count > 0 ? [] : new List<Facet>
        {
            Facet.Of("repository", t["Repository"], Facet.Count(items.Where(i => filter.Matches(i, "repository")).Select(DatasetFilter.RepositoryOf)), Facet.Chosen(filter.Repository),
                r => r == DatasetFilter.NoRepository ? t["No repository"] : r, (r, chosen) => Url("repository", r, chosen)),
            Facet.Of("type", t["Data type"], Facet.Count(items.Where(i => filter.Matches(i, "type")).SelectMany(i => i.DataTypes)), Facet.Chosen(filter.Type),
                type => vocabulary.Name(type, language), (type, chosen) => Url("type", type, chosen)),
            Facet.Of("year", t["Year"], Facet.Count(items.Where(i => filter.Matches(i, "year") && i.Published is not null).Select(i => i.Published!.Value.Year.ToString(CultureInfo.InvariantCulture))),
                Facet.Chosen(filter.Year), y => y, (y, chosen) => Url("year", y, chosen), Comparer<string>.Create((a, b) => string.CompareOrdinal(b, a))),
        };
        var model = new DatasetListViewModel
        {
            Section = section,
            Filter = filter,
            DataItems = pager.Slice(matching),
            Pager = pager,
            Matching = matching.Count,
            Total = items.Count,
            Panel = new FacetPanel(t["Filter the datasets"], facets, baseUrl)
            {
                Others = ActiveFilter.Words(filter, filter.Q, t["Words"], baseUrl),
                CountText = string.Format(CultureInfo.CurrentCulture, t["{0} of {1} datasets"], matching.Count, items.Count),
                Exports = matching.Count == 0 ? [] : ExportFormats.Select(f => (f.ToUpperInvariant(), language.Localize($"/{Section}/export.{f}") + filter.ToQueryString())).ToList(),
            },
            Problems = [.. problems.Select(p => p.Text(t))],
            ClearUrl = baseUrl,
            EmptyText = t["No datasets match these filters."],
            Ancestors = own is null ? [] : snapshot.Ancestors(own),
        };
        layout.Apply(model, own?.Title ?? t["Available datasets"], own?.Meta.Description ?? QueryValues.Blank(own?.Summary));
        model.NoIndex = !filter.IsEmpty;
        if (problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return View("~/Views/Datasets/List.cshtml", model);
    }

    private static readonly string[] ExportFormats = ["csv", "json"];

    /// <summary>Exactly the filtered items, every one of them, for spreadsheets (CSV) and programs (JSON).</summary>
    [HttpGet(Section + "/export.{format:regex(^(csv|json)$)}")]
    public async Task<IActionResult> Export(string format, [FromQuery] DatasetFilter filter)
    {
        if (!ModelState.IsValid || filter.Problems().Count > 0)
        {
            return BadRequest();
        }
        var language = layout.Language;
        var matching = Matching(snapshot.Outputs.DataItems, filter);
        string? PaperPage(DataItem item) => item.PublicationId is null ? null : layout.Absolute(language.Localize($"/{SectionNames.Publications}/{item.PublicationId}/"));
        var fileName = $"datasets-{Stockholm.Today(clock.GetUtcNow()):yyyy-MM-dd}.{format}";
        var cancel = HttpContext.RequestAborted;
        if (format == "csv")
        {
            StreamedExport.Attach(Response, StreamedExport.CsvType, fileName);
            await StreamedExport.WriteCsvAsync(Response.Body, ["title", "repository", "accession", "url", "kind", "data_types", "description", "paper_doi", "paper_title", "published", "paper_page"],
                matching.Select(i => (IReadOnlyList<string>)[i.Title, i.Repository, i.Accession ?? "", i.Url ?? "", i.Kind, string.Join("; ", i.DataTypes), i.Description ?? "",
                    i.PaperDoi, i.PaperTitle, i.Published?.Iso ?? "", PaperPage(i) ?? ""]), cancel);
        }
        else
        {
            StreamedExport.Attach(Response, StreamedExport.JsonType, fileName);
            await StreamedExport.WriteJsonAsync(Response.Body, matching, (json, i) => System.Text.Json.JsonSerializer.Serialize(json, new
            {
                title = i.Title, repository = i.Repository.Length > 0 ? i.Repository : null, accession = i.Accession, url = i.Url, kind = i.Kind, data_types = i.DataTypes,
                description = i.Description, paper_doi = i.PaperDoi.Length > 0 ? i.PaperDoi : null, paper_title = i.PaperTitle, published = i.Published?.Iso, paper_page = PaperPage(i),
            }, StreamedExport.JsonOptions), cancel);
        }
        return new EmptyResult();
    }

    /// <summary>The items the filter lets through, newest paper first.</summary>
    private static List<DataItem> Matching(IEnumerable<DataItem> items, DatasetFilter filter) =>
        items.Where(i => filter.Matches(i)).OrderByDescending(i => i.Published).ThenBy(i => i.PaperTitle, StringComparer.Ordinal).ToList();
}

using System.Globalization;
using DataPlatform.Content;
using DataPlatform.Web.Localization;
using DataPlatform.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace DataPlatform.Web.Outputs;

/// <summary>Which data items a visitor asked for (<c>?repository=Zenodo&amp;type=Protein+data&amp;year=2021</c>).</summary>
public sealed class DatasetFilter : IListFilter
{
    public string? Repository { get; set => field = QueryValues.Blank(value); }

    /// <summary>A data type (<c>Genomics &amp; transcriptomics data</c>).</summary>
    public string? Type { get; set => field = QueryValues.Blank(value); }

    public string? Year { get; set => field = QueryValues.Blank(value); }

    public bool IsEmpty => Repository is null && Type is null && Year is null;

    public IEnumerable<KeyValuePair<string, string?>> ToQuery() => [new("repository", Repository), new("type", Type), new("year", Year)];

    public bool Matches(DataItem item, string? except = null) =>
        (except == "repository" || Repository is null || string.Equals(RepositoryOf(item), Repository, StringComparison.OrdinalIgnoreCase))
        && (except == "type" || Type is null || item.DataTypes.Contains(Type, StringComparer.OrdinalIgnoreCase))
        && (except == "year" || Year is null || item.Published?.Year.ToString(CultureInfo.InvariantCulture) == Year);

    /// <summary>Items without a repository are grouped under their kind (data, code) rather than a blank.</summary>
    public static string RepositoryOf(DataItem item) => item.Repository.Length > 0 ? item.Repository : "–";
}

public sealed class DatasetListViewModel : ListViewModel
{
    public required DatasetFilter Filter { get; init; }
    public required IReadOnlyList<DataItem> DataItems { get; init; }
    public required int Matching { get; init; }
    public required int Total { get; init; }
    public required IReadOnlyList<Facet> Facets { get; init; }
    public required string ClearUrl { get; init; }
}

/// <summary>The data items the papers made available, with facets by repository, data type and year.</summary>
[Bilingual]
public sealed class DatasetsController(ContentSnapshot snapshot, PortalLayout layout, IStringLocalizer<SharedResource> t) : Controller
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
        var section = snapshot.Section(language, Section);
        if (section is null && items.Count == 0)
        {
            return NotFound();
        }
        var matching = items.Where(i => filter.Matches(i)).OrderByDescending(i => i.Published).ThenBy(i => i.PaperTitle, StringComparer.Ordinal).ToList();
        var baseUrl = language.Localize(AppRoutes.Section(Section));
        var pager = Pager.Create(matching.Count, page, baseUrl, filter);
        if (pager is null)
        {
            return NotFound();
        }
        FacetValue Value(string key, string value, int count, string? current) =>
            new(value, value, count, string.Equals(current, value, StringComparison.OrdinalIgnoreCase),
                baseUrl + filter.ToQueryString([new(key, string.Equals(current, value, StringComparison.OrdinalIgnoreCase) ? null : value)]));
        var facets = new List<Facet>
        {
            new("repository", t["Repository"], items.Where(i => filter.Matches(i, "repository")).GroupBy(DatasetFilter.RepositoryOf, StringComparer.OrdinalIgnoreCase)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase).Select(g => Value("repository", g.Key, g.Count(), filter.Repository)).ToList()),
            new("type", t["Data type"], items.Where(i => filter.Matches(i, "type")).SelectMany(i => i.DataTypes).GroupBy(x => x, StringComparer.OrdinalIgnoreCase)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase).Select(g => Value("type", g.Key, g.Count(), filter.Type)).ToList()),
            new("year", t["Year"], items.Where(i => filter.Matches(i, "year") && i.Published is not null).GroupBy(i => i.Published!.Value.Year)
                .OrderByDescending(g => g.Key).Select(g => Value("year", g.Key.ToString(CultureInfo.InvariantCulture), g.Count(), filter.Year)).ToList()),
        };
        var model = new DatasetListViewModel
        {
            Section = section,
            Filter = filter,
            DataItems = pager.Slice(matching),
            Pager = pager,
            Matching = matching.Count,
            Total = items.Count,
            Facets = facets,
            ClearUrl = baseUrl,
            EmptyText = t["No datasets match these filters."],
            Ancestors = section is null ? [] : snapshot.Ancestors(section),
        };
        layout.Apply(model, section?.Title ?? t["Available datasets"], section?.Meta.Description ?? QueryValues.Blank(section?.Summary));
        model.NoIndex = !filter.IsEmpty;
        return View("~/Views/Datasets/List.cshtml", model);
    }
}

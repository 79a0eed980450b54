using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using DataPlatform.Content;
using DataPlatform.Web.Localization;
using DataPlatform.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace DataPlatform.Web.Catalogs;

/// <summary>The catalogues of services, data sources and resources: filtered lists, and the JSON Schema editors' tools use.</summary>
public sealed class CatalogController(ContentSnapshot snapshot, PortalLayout layout, IStringLocalizer<SharedResource> t) : Controller
{
    private static readonly JsonSerializerOptions SchemaOptions = new(JsonSerializerOptions.Default)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [HttpGet("{catalog:" + SectionNames.CatalogConstraint + "}"), Bilingual]
    public IActionResult List(string catalog, [FromQuery] CatalogFilter filter, [FromQuery] int? page)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }
        var language = layout.Language;
        var found = snapshot.Catalogs.GetValueOrDefault(catalog);
        var entries = found?.SortedFor(language) ?? [];
        var problems = filter.Problems();
        var matching = problems.Count > 0 ? [] : entries.Where(e => filter.Matches(e, language)).ToList();
        var section = snapshot.ListSection(language, catalog);
        var own = section?.Language == language ? section : null;
        var baseUrl = language.Localize(AppRoutes.Section(catalog));
        var pager = Pager.Create(matching.Count, page, baseUrl, filter, PageSize);
        if (pager is null)
        {
            return NotFound();
        }
        var model = new CatalogViewModel
        {
            Catalog = catalog,
            Section = section,
            Filter = filter,
            Entries = pager.Slice(matching),
            Matching = matching.Count,
            Total = entries.Count,
            Pager = pager,
            Panel = new FacetPanel(t["Filter the catalogue"], problems.Count > 0 ? [] : Facets(entries, filter, language, catalog, baseUrl), baseUrl)
            {
                Others = ActiveFilter.Words(filter, filter.Q, t["Words"], baseUrl),
                CountText = string.Format(CultureInfo.CurrentCulture, t["{0} of {1} match"], matching.Count, entries.Count),
            },
            Vocabulary = snapshot.Vocabulary,
            Problems = [.. problems.Select(p => p.Text(t))],
            ClearUrl = baseUrl,
            EmptyText = t["Nothing matches these filters. Clear them to see everything."],
            Ancestors = own is null ? [] : snapshot.Ancestors(own),
        };
        layout.Apply(model, own?.Title ?? t[Titles[catalog]], own?.Meta.Description);
        model.JsonLd = CatalogMetadata.ListJsonLd(catalog, model, model.Entries, language, layout.Absolute);
        if (problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return View("List", model);
    }

    public const int PageSize = 30;

    /// <summary>Audience, type or category, keyword and access, each counted under the other choices.</summary>
    private List<Facet> Facets(IReadOnlyList<CatalogEntry> entries, CatalogFilter filter, SiteLanguage language, string catalog, string baseUrl)
    {
        string Url(string key, string value, bool chosen) => baseUrl + filter.ToQueryString([new(key, chosen ? null : value)]);
        IEnumerable<CatalogEntry> Others(string key) => entries.Where(e => filter.Matches(e, language, key));
        var vocabulary = snapshot.Vocabulary;
        return
        [
            Facet.Of("kind", catalog == SectionNames.DataSources ? t["Category"] : t["Type"], Facet.Count(Others("kind").Select(CatalogFilter.KindOf).OfType<string>()),
                Facet.Chosen(filter.Kind), kind => vocabulary.Name(kind, language), (kind, chosen) => Url("kind", kind, chosen)),
            Facet.Of("audience", t["Audience"], Facet.Count(Others("audience").SelectMany(e => e.Audience)), Facet.Chosen(filter.Audience),
                audience => t["audience " + audience], (audience, chosen) => Url("audience", audience, chosen)),
            Facet.Of("access", t["Access"], Facet.Count(Others("access").Select(e => e.Access).OfType<string>()), Facet.Chosen(filter.Access),
                access => t["access " + access], (access, chosen) => Url("access", access, chosen)),
            Facet.Of("keyword", t["Keyword"], Facet.Count(Others("keyword").SelectMany(e => e.Keywords)), Facet.Chosen(filter.Keyword),
                keyword => vocabulary.Name(keyword, language), (keyword, chosen) => Url("keyword", keyword, chosen)),
        ];
    }

    private static readonly Dictionary<string, string> Titles = new()
    {
        [SectionNames.Services] = "Services",
        [SectionNames.DataSources] = "Data sources",
        [SectionNames.Resources] = "Resources",
    };

    /// <summary>The JSON Schema of a catalogue data file (a list of entries), generated from the model the portal reads it into.</summary>
    [HttpGet(AppRoutes.CatalogSchema)]
    public IActionResult Schema()
    {
        var schema = SchemaOptions.GetJsonSchemaAsNode(typeof(List<CatalogEntry>), new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true });
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        schema["$id"] = layout.Absolute("/schemas/catalog.schema.json");
        schema["title"] = "Catalogue of services, data sources or resources";
        var entry = schema["items"]!.AsObject();
        var properties = entry["properties"]!.AsObject();
        properties["id"]!["pattern"] = "^[a-z0-9]+(-[a-z0-9]+)*$";
        properties["audience"]!["items"]!["enum"] = new JsonArray(Catalog.Audiences.Select(a => (JsonNode)a).ToArray());
        properties["access"]!["enum"] = new JsonArray(Catalog.AccessLevels.Select(a => (JsonNode)a).Append(null).ToArray());
        entry["additionalProperties"] = false;
        entry["required"] = new JsonArray("id", "name");
        // A plain text is the English text; an object gives both languages.
        foreach (var prose in new[] { "name", "description" })
        {
            var localized = properties[prose]!.DeepClone();
            localized["additionalProperties"] = false;
            properties[prose] = new JsonObject { ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "string" }, localized) };
        }
        return Content(schema.ToJsonString(SchemaOptions), "application/schema+json");
    }
}

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

/// <summary>What a visitor filters a catalogue by, from plain query-string values.</summary>
public sealed class CatalogFilter : IListFilter
{
    public string? Audience { get; set => field = QueryValues.Blank(value); }

    /// <summary>The entry's type (services, resources) or category (data sources).</summary>
    public string? Kind { get; set => field = QueryValues.Blank(value); }

    public string? Keyword { get; set => field = QueryValues.Blank(value); }

    public string? Access { get; set => field = QueryValues.Blank(value); }

    /// <summary>Words in the name, description, keywords or provider (at most 200 characters are used).</summary>
    public string? Q
    {
        get;
        set
        {
            var q = QueryValues.Blank(value);
            field = q is { Length: > 200 } ? q[..200] : q;
        }
    }

    /// <summary>The words of <see cref="Q"/> as <see cref="TextQuery"/> matches them, made once per request.</summary>
    private string[] QueryWords => field ??= TextQuery.Prepare(Q);

    public bool IsEmpty => Audience is null && Kind is null && Keyword is null && Access is null && Q is null;

    /// <summary>Whether the entry passes every choice, or every choice but the facet <paramref name="except"/> (to count that facet's values).</summary>
    public bool Matches(CatalogEntry entry, SiteLanguage language, string? except = null) =>
        (except == "audience" || Audience is null || entry.Audience.Contains(Audience, StringComparer.OrdinalIgnoreCase))
        && (except == "kind" || Kind is null || string.Equals(KindOf(entry), Kind, StringComparison.OrdinalIgnoreCase))
        && (except == "keyword" || Keyword is null || entry.Keywords.Contains(Keyword, StringComparer.OrdinalIgnoreCase))
        && (except == "access" || Access is null || string.Equals(entry.Access, Access, StringComparison.OrdinalIgnoreCase))
        && (Q is null || TextQuery.Matches(QueryWords, entry.SearchText(language)));

    /// <summary>The entry's type (services, resources) or category (data sources).</summary>
    public static string? KindOf(CatalogEntry entry) => entry.Type ?? entry.Category;

    public IEnumerable<KeyValuePair<string, string?>> ToQuery() =>
        [new("audience", Audience), new("kind", Kind), new("keyword", Keyword), new("access", Access), new("q", Q)];
}

public sealed class CatalogViewModel : ListViewModel
{
    public required string Catalog { get; init; }
    public required CatalogFilter Filter { get; init; }
    public required IReadOnlyList<CatalogEntry> Entries { get; init; }
    public required int Matching { get; init; }
    public required int Total { get; init; }

    /// <summary>The facets, the choices in force and the count (one component for every list).</summary>
    public required FacetPanel Panel { get; init; }

    /// <summary>Swedish names for the entries' types and keywords (<c>data/vocabulary.yaml</c>).</summary>
    public Vocabulary Vocabulary { get; init; } = Vocabulary.Empty;
}

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
        var matching = entries.Where(e => filter.Matches(e, language)).ToList();
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
            Panel = new FacetPanel(t["Filter the catalogue"], Facets(entries, filter, language, catalog, baseUrl), baseUrl)
            {
                Others = ActiveFilter.Words(filter, filter.Q, t["Words"], baseUrl),
                CountText = string.Format(CultureInfo.CurrentCulture, t["{0} of {1} match"], matching.Count, entries.Count),
            },
            Vocabulary = snapshot.Vocabulary,
            EmptyText = t["Nothing matches these filters. Clear them to see everything."],
            Ancestors = own is null ? [] : snapshot.Ancestors(own),
        };
        layout.Apply(model, own?.Title ?? t[Titles[catalog]], own?.Meta.Description);
        model.JsonLd = CatalogMetadata.ListJsonLd(catalog, model, model.Entries, language, layout.Absolute);
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
    [HttpGet("schemas/catalog.schema.json")]
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

/// <summary>Schema.org for catalogues: data sources are <c>Dataset</c>s in a <c>DataCatalog</c>; services and resources are <c>SoftwareApplication</c>s.</summary>
public static class CatalogMetadata
{
    public static object Entry(Page page, Func<string, string> absolute)
    {
        var entry = page.Entry!;
        var language = page.Language;
        var common = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["name"] = entry.Name.For(language),
            ["description"] = entry.Description.For(language),
            ["url"] = absolute(page.Url),
            ["inLanguage"] = language.Code,
            ["keywords"] = entry.Keywords.Count > 0 ? string.Join(", ", entry.Keywords) : null,
            ["license"] = entry.Licence,
            ["provider"] = entry.Provider is null ? null : new Dictionary<string, object?> { ["@type"] = "Organization", ["name"] = entry.Provider },
            ["sameAs"] = entry.Links.Homepage,
            ["isAccessibleForFree"] = entry.Access is null ? null : entry.Access == "open",
        };
        if (page.Section == SectionNames.DataSources)
        {
            common["@type"] = "Dataset";
            common["genre"] = entry.Category;
        }
        else
        {
            common["@type"] = "SoftwareApplication";
            common["applicationCategory"] = entry.Type;
            common["softwareHelp"] = entry.Links.Documentation;
        }
        return common;
    }

    public static string? ListJsonLd(string catalog, LayoutViewModel model, IReadOnlyList<CatalogEntry> entries, SiteLanguage language, Func<string, string> absolute)
    {
        object data = catalog == SectionNames.DataSources
            ? new Dictionary<string, object?>
            {
                ["@context"] = "https://schema.org",
                ["@type"] = "DataCatalog",
                ["name"] = model.Title,
                ["url"] = model.CanonicalUrl,
                ["inLanguage"] = language.Code,
                ["dataset"] = entries.Select(e => new Dictionary<string, object?>
                {
                    ["@type"] = "Dataset", ["name"] = e.Name.For(language), ["url"] = absolute(language.Localize($"/{catalog}/{e.Id}/")),
                }).ToList(),
            }
            : new Dictionary<string, object?>
            {
                ["@context"] = "https://schema.org",
                ["@type"] = "ItemList",
                ["name"] = model.Title,
                ["url"] = model.CanonicalUrl,
                ["itemListElement"] = entries.Select((e, i) => new Dictionary<string, object?>
                {
                    ["@type"] = "ListItem", ["position"] = i + 1, ["url"] = absolute(language.Localize($"/{catalog}/{e.Id}/")), ["name"] = e.Name.For(language),
                }).ToList(),
            };
        return PageMetadataJson.Write(data);
    }
}

using DataPlatform.Content;
using DataPlatform.Web.Site;

namespace DataPlatform.Web.Catalogs;

/// <summary>Schema.org for catalogues: data sources are <c>Dataset</c>s in a <c>DataCatalog</c>; services and resources are <c>SoftwareApplication</c>s.</summary>
public static class CatalogMetadata
{
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

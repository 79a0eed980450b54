using DataPlatform.Content;

namespace DataPlatform.Web.Site;

/// <summary>Schema.org JSON-LD: <c>WebSite</c> on the home page, <c>Article</c> for highlights and news, <c>Event</c> for events, catalogue entries as <c>Dataset</c> or <c>SoftwareApplication</c>.</summary>
public static class PageMetadata
{
    public static string? JsonLd(Page page, LayoutViewModel model, Func<string, string> absolute)
    {
        object? data = page switch
        {
            { Entry: not null } => CatalogEntry(page, absolute),
            { Kind: PageKind.Home } => new Dictionary<string, object?>
            {
                ["@context"] = "https://schema.org",
                ["@type"] = "WebSite",
                ["name"] = model.SiteTitle,
                ["url"] = absolute(page.Url),
                ["inLanguage"] = page.Language.Code,
                ["description"] = model.Description,
            },
            { Kind: PageKind.Page, Section: SectionNames.Events } when page.Meta.Start is { } start => new Dictionary<string, object?>
            {
                ["@context"] = "https://schema.org",
                ["@type"] = "Event",
                ["name"] = page.Title,
                ["description"] = model.Description,
                ["startDate"] = start.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
                ["endDate"] = page.Meta.End?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
                ["eventAttendanceMode"] = page.Meta.Online
                    ? (page.Meta.Location is null ? "https://schema.org/OnlineEventAttendanceMode" : "https://schema.org/MixedEventAttendanceMode")
                    : "https://schema.org/OfflineEventAttendanceMode",
                ["eventStatus"] = "https://schema.org/EventScheduled",
                ["location"] = page.Meta.Online && page.Meta.Location is null
                    ? new Dictionary<string, object?> { ["@type"] = "VirtualLocation", ["url"] = page.Meta.EventUrl ?? absolute(page.Url) }
                    : new Dictionary<string, object?> { ["@type"] = "Place", ["name"] = page.Meta.Location ?? "" , ["address"] = page.Meta.Location },
                ["organizer"] = page.Meta.Organisers.Select(o => new Dictionary<string, object?> { ["@type"] = "Organization", ["name"] = o }).ToList(),
                ["image"] = model.ImageUrl,
                ["url"] = absolute(page.Url),
                ["inLanguage"] = page.Language.Code,
            },
            { Kind: PageKind.Page, Section: SectionNames.Highlights or SectionNames.News } => new Dictionary<string, object?>
            {
                ["@context"] = "https://schema.org",
                ["@type"] = page.Section == SectionNames.News ? "NewsArticle" : "Article",
                ["headline"] = page.Title,
                ["description"] = model.Description,
                ["datePublished"] = page.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["dateModified"] = page.LastModified?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ["author"] = page.Meta.Authors.Select(a => new Dictionary<string, object?> { ["@type"] = "Person", ["name"] = a }).ToList(),
                ["image"] = model.ImageUrl,
                ["inLanguage"] = page.Language.Code,
                ["mainEntityOfPage"] = absolute(page.Url),
                ["keywords"] = page.Meta.Tags.Count > 0 ? string.Join(", ", page.Meta.Tags) : null,
            },
            _ => null,
        };
        return data is null ? null : PageMetadataJson.Write(data);
    }

    /// <summary>A service (<c>SoftwareApplication</c>) or a data source (<c>Dataset</c>) of a catalogue.</summary>
    private static Dictionary<string, object?> CatalogEntry(Page page, Func<string, string> absolute)
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
}

namespace DataPlatform.Web.Site;

/// <summary>The <c>Site</c> configuration section: the portal's name and which front-matter menus fill which place in the layout.</summary>
public sealed class SiteOptions
{
    public const string SectionName = "Site";

    /// <summary>The site's name per language code, shown in the header and page titles.</summary>
    public Dictionary<string, string> Title { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The site's description per language code: the meta description of pages that have none of their own.</summary>
    public Dictionary<string, string> Description { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The menu name rendered as the main navigation. Default <c>main</c>.</summary>
    public string MainMenu { get; set; } = "main";

    /// <summary>The menu name rendered in the top bar above the header. Default <c>top</c>.</summary>
    public string TopMenu { get; set; } = "top";

    /// <summary>Menu names rendered in the footer; each top-level entry with children becomes a column.</summary>
    public List<string> FooterMenus { get; set; } = [];

    /// <summary>The public address (<c>https://data.example.org</c>) for absolute links in metadata; empty means the request's own host.</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>The link-preview image for pages without <c>images</c> or <c>banner</c>, a site path. Default <c>/img/og-default.png</c>.</summary>
    public string DefaultImage { get; set; } = "/img/og-default.png";

    public string TitleFor(string language) =>
        Title.TryGetValue(language, out var title) ? title : Title.Values.FirstOrDefault() ?? "Data Portal";
}

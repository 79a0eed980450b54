using DataPlatform.Content;

namespace DataPlatform.Web.Site;

/// <summary>What the layout needs from every page: language, title, metadata and where the language switcher goes.</summary>
public class LayoutViewModel
{
    public SiteLanguage Language { get; set; } = SiteLanguage.Default;

    public string Title { get; set; } = "";

    public string? Description { get; set; }

    /// <summary>Absolute canonical URL; for a page shown in place of a missing translation, the original's.</summary>
    public string? CanonicalUrl { get; set; }

    public IReadOnlyList<AlternateLink> Alternates { get; set; } = [];

    /// <summary>Where the language switcher leads: the translation, or the same path in the other language; null on pages that exist in one language only (the staff workspace), which show no switcher.</summary>
    public string? SwitchUrl { get; set; } = "/";

    /// <summary>The request path, for marking the current menu entry.</summary>
    public string CurrentPath { get; set; } = "/";

    /// <summary>True when the page (or list) is shown in the other language because this language has none yet; a notice says so.</summary>
    public bool IsFallback { get; set; }

    /// <summary>Keep search engines away (fallback pages, forms' confirmation pages, errors).</summary>
    public bool NoIndex { get; set; }

    public string SiteTitle { get; set; } = "";

    /// <summary>Absolute URL of the image for link previews (OpenGraph, Twitter).</summary>
    public string? ImageUrl { get; set; }

    /// <summary>OpenGraph type: <c>website</c>, or <c>article</c> for highlights, news and events.</summary>
    public string OgType { get; set; } = "website";

    /// <summary>Schema.org JSON-LD for the page, already serialized (HTML-safe).</summary>
    public string? JsonLd { get; set; }

    /// <summary>Feeds to announce with <c>&lt;link rel="alternate"&gt;</c>.</summary>
    public List<AlternateFeed> Feeds { get; } = [];

    /// <summary>Site-wide notices active now.</summary>
    public IReadOnlyList<Notice> Notices { get; set; } = [];
}

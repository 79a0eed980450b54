using DataPlatform.Content;
using DataPlatform.Web.Localization;
using Microsoft.Extensions.Options;

namespace DataPlatform.Web.Site;

/// <summary>Fills the layout part of a view model from the request (and the content page, when there is one).</summary>
public sealed class PortalLayout(IHttpContextAccessor accessor, IOptions<SiteOptions> site, ContentSnapshot snapshot, TimeProvider clock)
{
    private HttpContext Http => accessor.HttpContext ?? throw new InvalidOperationException("No current request.");

    public SiteLanguage Language => PortalLanguage.Of(Http);

    public string SiteTitle(SiteLanguage language) => site.Value.TitleFor(language.Code);

    public string Absolute(string path)
    {
        var baseUrl = site.Value.BaseUrl.TrimEnd('/');
        if (baseUrl.Length == 0)
        {
            baseUrl = $"{Http.Request.Scheme}://{Http.Request.Host}";
        }
        return baseUrl + path;
    }

    /// <summary>For pages that are not content (forms, search, errors): the same path exists in both languages.</summary>
    public T Apply<T>(T model, string title, string? description = null) where T : LayoutViewModel
    {
        var language = Language;
        var path = PortalLanguage.OriginalPath(Http);
        var neutral = language.Neutral(path);
        var query = Http.Request.QueryString.Value ?? "";
        model.Language = language;
        model.Title = title;
        model.Description = description ?? site.Value.Description.GetValueOrDefault(language.Code);
        model.CurrentPath = path;
        // The staff workspace is in English only: no switcher and no alternates that would lead to /sv/staff/, a 404.
        var oneLanguage = path.StartsWith(AppRoutes.Staff, StringComparison.OrdinalIgnoreCase) || path.Equals(AppRoutes.Staff.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
        model.SwitchUrl = oneLanguage ? null : language.Other.Localize(neutral) + query;
        model.Alternates = oneLanguage ? [] : SiteLanguage.All.Select(l => new AlternateLink(l, Absolute(l.Localize(neutral)))).ToList();
        model.CanonicalUrl = Absolute(path);
        model.SiteTitle = site.Value.TitleFor(language.Code);
        model.ImageUrl = Absolute(site.Value.DefaultImage);
        model.Notices = ActiveNotices();
        return model;
    }

    /// <summary>
    /// For an error page (404, 403, 500…): not indexed, and without a canonical URL, hreflang alternates or
    /// <c>og:url</c>, which would name the address that failed as the page's own and its translations.
    /// </summary>
    public T ApplyStatus<T>(T model, string title) where T : LayoutViewModel
    {
        Apply(model, title);
        model.NoIndex = true;
        model.CanonicalUrl = null;
        model.Alternates = [];
        return model;
    }

    /// <summary>Announces a section's Atom feed (highlights, news, events) on the page.</summary>
    public void AddFeed(LayoutViewModel model, string section)
    {
        if (SectionNames.WithFeeds.Contains(section) && snapshot.Section(model.Language, section) is { } sectionPage)
        {
            model.Feeds.Add(new AlternateFeed($"{sectionPage.Title} – {model.SiteTitle}", Absolute(model.Language.Localize(AppRoutes.Feed(section)))));
        }
    }

    private List<Notice> ActiveNotices()
    {
        var now = clock.GetUtcNow();
        return snapshot.Notices.Where(n => n.IsActive(now)).ToList();
    }

    /// <summary>For a content page, shown in <paramref name="language"/> (its own, or another when it stands in for a missing translation).</summary>
    public T Apply<T>(T model, Page page, SiteLanguage language) where T : LayoutViewModel
    {
        var translations = SiteLanguage.All.Select(l => snapshot.Translation(page, l)).OfType<Page>().ToList();
        var other = language.Other;
        var otherPage = snapshot.Translation(page, other);
        model.Language = language;
        model.Title = page.Title;
        model.Description = page.Meta.Description ?? (page.Summary.Length > 0 ? page.Summary : site.Value.Description.GetValueOrDefault(language.Code));
        model.CurrentPath = Http.Request.Path.Value ?? "/";
        // The switch keeps the page's filters: its tables' and charts' keys, and nothing else a link brought along.
        var prefixes = page.Embeds.Select(embed => embed.Id + "-").ToArray();
        model.SwitchUrl = (otherPage?.Url ?? other.Localize(page.Language.Neutral(page.Url)))
            + (prefixes.Length == 0 ? "" : QueryString.Create(Http.Request.Query.Where(q => prefixes.Any(p => q.Key.StartsWith(p, StringComparison.OrdinalIgnoreCase)))).Value);
        model.Alternates = translations.Select(t => new AlternateLink(t.Language, Absolute(t.Url))).ToList();
        model.CanonicalUrl = Absolute(page.Url);
        model.NoIndex = page.Language != language;
        model.SiteTitle = site.Value.TitleFor(language.Code);
        var image = (page.Meta.Images.Count > 0 ? page.Meta.Images[0] : null) ?? page.Meta.Banner;
        // Link previews do not show SVG: such pages use the site's default image.
        model.ImageUrl = image is null || image.EndsWith(".svg", StringComparison.OrdinalIgnoreCase) ? Absolute(site.Value.DefaultImage)
            : image.Contains("://", StringComparison.Ordinal) ? image
            : Absolute(image.StartsWith('/') ? image : page.Url + image);
        model.OgType = page.Kind == PageKind.Page && SectionNames.WithFeeds.Contains(page.Section) ? "article" : "website";
        model.JsonLd = PageMetadata.JsonLd(page, model, Absolute);
        model.Notices = ActiveNotices();
        AddFeed(model, page.Section);
        return model;
    }
}

using System.Globalization;
using DataPlatform.Content;
using DataPlatform.Web.Events;
using DataPlatform.Web.Localization;
using DataPlatform.Web.Site;
using Microsoft.AspNetCore.Mvc;

namespace DataPlatform.Web.Feeds;

/// <summary>Atom feeds per section and language, the sitemap with hreflang alternates, and robots.txt.</summary>
public sealed class FeedsController(ContentSnapshot snapshot, PortalLayout layout, TimeProvider clock) : Controller
{
    [HttpGet("{section:" + SectionNames.FeedConstraint + "}/feed.xml"), Bilingual]
    public IActionResult Feed(string section)
    {
        var language = layout.Language;
        var sectionPage = snapshot.Section(language, section);
        if (sectionPage is null)
        {
            return NotFound();
        }
        var entries = (section == SectionNames.Events
                ? EventsQuery.Upcoming(snapshot, language, clock.GetUtcNow())
                : snapshot.PagesIn(language, section).OrderByDescending(p => p.Date).ToList())
            .Take(20).ToList();
        var self = layout.Absolute(language.Localize(AppRoutes.Feed(section)));

        var feed = AtomFeed.Write(self, layout.Absolute(sectionPage.Url), $"{sectionPage.Title} – {layout.SiteTitle(language)}", language,
            entries.Select(e => e.LastModified).Max() ?? snapshot.LoadedAt,
            entries.Select(page => new AtomEntry(layout.Absolute(page.Url), page.Title, page.LastModified ?? snapshot.LoadedAt, page.Date,
                page.Meta.Authors.DefaultIfEmpty(layout.SiteTitle(language)).ToList(), page.Meta.Tags,
                page.Meta.Start is { } start ? $"{Dates.Format(start, page.Meta.End)}. {page.Summary}" : page.Summary)));
        return File(feed, AtomFeed.ContentType);
    }

    /// <summary>
    /// Hugo's RSS 2.0 feeds, for the subscribers of sites moved over: <c>/index.xml</c> (every page, newest first) and
    /// <c>/&lt;section&gt;/index.xml</c> for every section with pages, in each language.
    /// </summary>
    [HttpGet(AppRoutes.Rss), HttpGet("{section:regex(^[[a-z0-9_-]]+$)}/index.xml"), Bilingual]
    public IActionResult Rss(string? section)
    {
        var language = layout.Language;
        var pages = (section is null ? snapshot.Pages.Where(p => p.Language == language && p.Kind == PageKind.Page) : snapshot.PagesIn(language, section))
            .Where(p => p.SourcePath.Length > 0).OrderByDescending(p => p.Date ?? p.LastModified).ThenBy(p => p.Url, StringComparer.Ordinal).Take(20).ToList();
        var home = snapshot.Home(language);
        var sectionPage = section is null ? home : snapshot.Section(language, section);
        if (sectionPage is null || (section is not null && pages.Count == 0))
        {
            return NotFound();
        }
        static string Date(DateTimeOffset value) => value.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture);
        using var buffer = new MemoryStream();
        using (var xml = Site.CleanXmlWriter.Create(buffer))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("rss");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteAttributeString("xmlns", "atom", null, "http://www.w3.org/2005/Atom");
            xml.WriteStartElement("channel");
            xml.WriteElementString("title", section is null ? layout.SiteTitle(language) : $"{sectionPage.Title} – {layout.SiteTitle(language)}");
            xml.WriteElementString("link", layout.Absolute(sectionPage.Url));
            xml.WriteElementString("description", sectionPage.Meta.Description ?? sectionPage.Title);
            xml.WriteElementString("language", language.Code);
            xml.WriteElementString("lastBuildDate", Date(pages.Select(p => p.Date ?? p.LastModified).Max() ?? snapshot.LoadedAt));
            xml.WriteStartElement("atom", "link", "http://www.w3.org/2005/Atom");
            xml.WriteAttributeString("href", layout.Absolute(Request.Path.Value ?? "/index.xml"));
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("type", "application/rss+xml");
            xml.WriteEndElement();
            foreach (var page in pages)
            {
                xml.WriteStartElement("item");
                xml.WriteElementString("title", page.Title);
                xml.WriteElementString("link", layout.Absolute(page.Url));
                xml.WriteElementString("guid", layout.Absolute(page.Url));
                if ((page.Date ?? page.LastModified) is { } date)
                {
                    xml.WriteElementString("pubDate", Date(date));
                }
                xml.WriteElementString("description", page.Summary);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        return File(buffer.ToArray(), "application/rss+xml; charset=utf-8");
    }

    [HttpGet(AppRoutes.Sitemap)]
    public IActionResult Sitemap()
    {
        const string ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        const string xhtml = "http://www.w3.org/1999/xhtml";
        using var buffer = new MemoryStream();
        using (var xml = Site.CleanXmlWriter.Create(buffer, indent: true))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", ns);
            xml.WriteAttributeString("xmlns", "xhtml", null, xhtml);
            foreach (var page in snapshot.Pages.OrderBy(p => p.Url, StringComparer.Ordinal))
            {
                xml.WriteStartElement("url", ns);
                xml.WriteElementString("loc", ns, layout.Absolute(page.Url));
                if (page.LastModified is { } modified)
                {
                    xml.WriteElementString("lastmod", ns, modified.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }
                var translations = SiteLanguage.All.Select(l => snapshot.Translation(page, l)).OfType<Page>().ToList();
                if (translations.Count > 1)
                {
                    foreach (var translation in translations)
                    {
                        xml.WriteStartElement("xhtml", "link", xhtml);
                        xml.WriteAttributeString("rel", "alternate");
                        xml.WriteAttributeString("hreflang", translation.Language.Code);
                        xml.WriteAttributeString("href", layout.Absolute(translation.Url));
                        xml.WriteEndElement();
                    }
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return File(buffer.ToArray(), "application/xml; charset=utf-8");
    }

    /// <summary>
    /// The publication records, each with its Swedish alternate, in a sitemap of their own: a large export has more
    /// records than one sitemap may list with the pages (50,000 URLs), so it lists the first 50,000 records.
    /// </summary>
    [HttpGet(AppRoutes.PublicationsSitemap)]
    public IActionResult PublicationsSitemap()
    {
        const string ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        const string xhtml = "http://www.w3.org/1999/xhtml";
        using var buffer = new MemoryStream();
        using (var xml = Site.CleanXmlWriter.Create(buffer))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", ns);
            xml.WriteAttributeString("xmlns", "xhtml", null, xhtml);
            foreach (var publication in snapshot.Outputs.Publications.Take(50_000))
            {
                var path = $"/{SectionNames.Publications}/{publication.Id}/";
                xml.WriteStartElement("url", ns);
                xml.WriteElementString("loc", ns, layout.Absolute(path));
                foreach (var language in SiteLanguage.All)
                {
                    xml.WriteStartElement("xhtml", "link", xhtml);
                    xml.WriteAttributeString("rel", "alternate");
                    xml.WriteAttributeString("hreflang", language.Code);
                    xml.WriteAttributeString("href", layout.Absolute(language.Localize(path)));
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return File(buffer.ToArray(), "application/xml; charset=utf-8");
    }

    [HttpGet(AppRoutes.Robots)]
    public IActionResult Robots() => Content($"User-agent: *\nAllow: /\nDisallow: /staff/\n\nSitemap: {layout.Absolute(AppRoutes.Sitemap)}\n"
        + (snapshot.Outputs.Publications.Count > 0 ? $"Sitemap: {layout.Absolute(AppRoutes.PublicationsSitemap)}\n" : ""), "text/plain; charset=utf-8");

}

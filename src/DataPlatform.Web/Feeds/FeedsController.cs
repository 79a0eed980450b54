using System.Globalization;
using System.Text;
using System.Xml;
using DataPlatform.Content;
using DataPlatform.Web.Events;
using DataPlatform.Web.Localization;
using DataPlatform.Web.Site;
using Microsoft.AspNetCore.Mvc;

namespace DataPlatform.Web.Feeds;

/// <summary>Atom feeds per section and language, the sitemap with hreflang alternates, and robots.txt.</summary>
public sealed class FeedsController(ContentSnapshot snapshot, PortalLayout layout, TimeProvider clock) : Controller
{
    private const string Atom = "http://www.w3.org/2005/Atom";

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

        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            xml.WriteAttributeString("xml", "lang", null, language.Code);
            xml.WriteElementString("id", Atom, self);
            xml.WriteElementString("title", Atom, $"{sectionPage.Title} – {layout.SiteTitle(language)}");
            xml.WriteElementString("updated", Atom, Timestamp(entries.Select(e => e.LastModified).Max() ?? snapshot.LoadedAt));
            Link(xml, "self", self, "application/atom+xml");
            Link(xml, "alternate", layout.Absolute(sectionPage.Url), "text/html");
            foreach (var page in entries)
            {
                var url = layout.Absolute(page.Url);
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("id", Atom, url);
                xml.WriteElementString("title", Atom, page.Title);
                xml.WriteElementString("updated", Atom, Timestamp(page.LastModified ?? snapshot.LoadedAt));
                if (page.Date is { } published)
                {
                    xml.WriteElementString("published", Atom, Timestamp(published));
                }
                Link(xml, "alternate", url, "text/html");
                foreach (var author in page.Meta.Authors.DefaultIfEmpty(layout.SiteTitle(language)))
                {
                    xml.WriteStartElement("author", Atom);
                    xml.WriteElementString("name", Atom, author);
                    xml.WriteEndElement();
                }
                foreach (var tag in page.Meta.Tags)
                {
                    xml.WriteStartElement("category", Atom);
                    xml.WriteAttributeString("term", tag);
                    xml.WriteEndElement();
                }
                var summary = page.Meta.Start is { } start ? $"{Dates.Format(start, page.Meta.End)}. {page.Summary}" : page.Summary;
                xml.WriteStartElement("summary", Atom);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(summary);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return File(buffer.ToArray(), "application/atom+xml; charset=utf-8");
    }

    [HttpGet("sitemap.xml")]
    public IActionResult Sitemap()
    {
        const string ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        const string xhtml = "http://www.w3.org/1999/xhtml";
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
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

    [HttpGet("robots.txt")]
    public IActionResult Robots() => Content($"User-agent: *\nAllow: /\nDisallow: /staff/\n\nSitemap: {layout.Absolute("/sitemap.xml")}\n", "text/plain; charset=utf-8");

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Timestamp(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Xml;
using DataPlatform.Content;

namespace DataPlatform.Web.Feeds;

/// <summary>Writes the portal's Atom feeds (RFC 4287): sections' and the publications'.</summary>
public static class AtomFeed
{
    public const string ContentType = "application/atom+xml; charset=utf-8";

    private const string Atom = "http://www.w3.org/2005/Atom";

    public static byte[] Write(string self, string alternate, string title, SiteLanguage language, DateTimeOffset updated, IEnumerable<AtomEntry> entries)
    {
        using var buffer = new MemoryStream();
        using (var xml = Site.CleanXmlWriter.Create(buffer, indent: true))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            xml.WriteAttributeString("xml", "lang", null, language.Code);
            xml.WriteElementString("id", Atom, self);
            xml.WriteElementString("title", Atom, title);
            xml.WriteElementString("updated", Atom, Timestamp(updated));
            Link(xml, "self", self, "application/atom+xml");
            Link(xml, "alternate", alternate, "text/html");
            foreach (var entry in entries)
            {
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("id", Atom, entry.Url);
                xml.WriteElementString("title", Atom, entry.Title);
                xml.WriteElementString("updated", Atom, Timestamp(entry.Updated));
                if (entry.Published is { } published)
                {
                    xml.WriteElementString("published", Atom, Timestamp(published));
                }
                Link(xml, "alternate", entry.Url, "text/html");
                foreach (var author in entry.Authors)
                {
                    xml.WriteStartElement("author", Atom);
                    xml.WriteElementString("name", Atom, author);
                    xml.WriteEndElement();
                }
                foreach (var category in entry.Categories)
                {
                    xml.WriteStartElement("category", Atom);
                    xml.WriteAttributeString("term", category);
                    xml.WriteEndElement();
                }
                xml.WriteStartElement("summary", Atom);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(entry.Summary);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return buffer.ToArray();
    }

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteAttributeString("type", type);
        xml.WriteEndElement();
    }

    private static string Timestamp(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

using System.Text;
using System.Xml;

namespace DataPlatform.Web.Site;

/// <summary>
/// The one way the portal writes XML (feeds, sitemaps, OpenSearch). Text from content or an export may hold what XML 1.0
/// cannot carry (a control character, a lone surrogate); .NET's writer throws on it, which made a whole feed a 500. Here
/// every text and attribute value passes through <see cref="Clean"/>: such characters become U+FFFD, the rest is written
/// by the framework's writer as before.
/// </summary>
public sealed class CleanXmlWriter(XmlWriter inner) : XmlWriter
{
    /// <summary>A UTF-8 (no BOM) writer onto <paramref name="output"/>.</summary>
    public static XmlWriter Create(Stream output, bool indent = false) =>
        new CleanXmlWriter(XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = indent }));

    /// <summary><paramref name="text"/> with every character XML 1.0 does not allow replaced by U+FFFD.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            var allowed = pair || (XmlConvert.IsXmlChar(c) && !char.IsSurrogate(c));
            if (!allowed && sb is null)
            {
                sb = new StringBuilder(text.Length).Append(text, 0, i);
            }
            if (pair)
            {
                sb?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }
            sb?.Append(allowed ? c : '\uFFFD');
        }
        return sb?.ToString() ?? text;
    }

    public override WriteState WriteState => inner.WriteState;
    public override void Flush() => inner.Flush();
    public override string? LookupPrefix(string ns) => inner.LookupPrefix(ns);
    public override void WriteBase64(byte[] buffer, int index, int count) => inner.WriteBase64(buffer, index, count);
    public override void WriteCData(string? text) => inner.WriteCData(Clean(text));
    public override void WriteCharEntity(char ch) => inner.WriteString(Clean(ch.ToString()));
    public override void WriteChars(char[] buffer, int index, int count) => inner.WriteString(Clean(new string(buffer, index, count)));
    public override void WriteComment(string? text) => inner.WriteComment(Clean(text));
    public override void WriteDocType(string name, string? pubid, string? sysid, string? subset) => inner.WriteDocType(name, pubid, sysid, subset);
    public override void WriteEndAttribute() => inner.WriteEndAttribute();
    public override void WriteEndDocument() => inner.WriteEndDocument();
    public override void WriteEndElement() => inner.WriteEndElement();
    public override void WriteEntityRef(string name) => inner.WriteEntityRef(name);
    public override void WriteFullEndElement() => inner.WriteFullEndElement();
    public override void WriteProcessingInstruction(string name, string? text) => inner.WriteProcessingInstruction(name, Clean(text));
    public override void WriteRaw(char[] buffer, int index, int count) => inner.WriteString(Clean(new string(buffer, index, count)));
    public override void WriteRaw(string data) => inner.WriteString(Clean(data));
    public override void WriteStartAttribute(string? prefix, string localName, string? ns) => inner.WriteStartAttribute(prefix, localName, ns);
    public override void WriteStartDocument() => inner.WriteStartDocument();
    public override void WriteStartDocument(bool standalone) => inner.WriteStartDocument(standalone);
    public override void WriteStartElement(string? prefix, string localName, string? ns) => inner.WriteStartElement(prefix, localName, ns);
    public override void WriteString(string? text) => inner.WriteString(Clean(text));
    public override void WriteSurrogateCharEntity(char lowChar, char highChar) => inner.WriteSurrogateCharEntity(lowChar, highChar);
    public override void WriteWhitespace(string? ws) => inner.WriteWhitespace(ws);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}

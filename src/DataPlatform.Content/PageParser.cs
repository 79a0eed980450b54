using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace DataPlatform.Content;

/// <summary>
/// Turns one Markdown file into a <see cref="ParsedFile"/>: front matter, pre-rendered HTML, headings, links.
/// Thread-safe: the Markdig pipeline is built once and is immutable.
/// </summary>
public static partial class PageParser
{
    /// <summary>The one Markdown pipeline: tables, heading IDs, auto-links, footnotes and the rest of Markdig's extras; raw HTML allowed.</summary>
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .UseYamlFrontMatter()
        .Build();

    private static readonly IDeserializer Yaml = new DeserializerBuilder().Build();
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [GeneratedRegex(@"<(?<tag>a|img|link|script|source|iframe)\b[^>]*?\s(?<attr>href|src)\s*=\s*(?:""(?<url>[^""]*)""|'(?<url>[^']*)')[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlLinkRegex();

    [GeneratedRegex(@"\balt\s*=\s*(""[^""]+""|'[^']+')", RegexOptions.IgnoreCase)]
    private static partial Regex AltRegex();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>Decodes and parses a file's bytes. <paramref name="relativePath"/> only labels diagnostics.</summary>
    public static ParsedFile Parse(byte[] bytes, string relativePath, SiteLanguage language)
    {
        string text;
        try
        {
            text = Decode(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var line = e.Index >= 0 ? bytes.AsSpan(0, Math.Min(e.Index, bytes.Length)).Count((byte)'\n') + 1 : 1;
            return Failed(relativePath, line, "encoding", $"The file is not valid UTF-8 (byte {e.Index}). Save it as UTF-8.");
        }
        return Parse(text, relativePath, language);
    }

    public static ParsedFile Parse(string text, string relativePath, SiteLanguage language)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');
        var diagnostics = new List<Diagnostic>();
        var split = SplitFrontMatter(text, relativePath);
        if (split.Error is not null)
        {
            return Failed(split.Error);
        }
        Dictionary<string, object?> values;
        try
        {
            values = split.Yaml is null ? new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase) : ReadFrontMatter(split.Yaml, split.Format);
        }
        catch (YamlException e)
        {
            // The front matter's first line is line 2 of the file; an error found at the end of the
            // front matter (an unclosed bracket) is reported on its last line, not on the closing '---'.
            var line = Math.Min((int)e.Start.Line + 1, split.Yaml!.Split('\n').Length + 1);
            return Failed(relativePath, line, "front-matter-yaml", $"Front matter is not valid YAML: {Clean(e.Message)}");
        }
        catch (FormatException e)
        {
            return Failed(relativePath, 2, "front-matter-yaml", $"Front matter is not valid: {e.Message}");
        }
        var frontMatter = new FrontMatter(values);
        foreach (var key in new[] { "date", "publishDate", "expiryDate", "lastmod", "start", "end", "registration_deadline" })
        {
            if (frontMatter.GetString(key) is { } raw && FrontMatter.ParseDate(raw) is null)
            {
                diagnostics.Add(new Diagnostic(Severity.Warning, "front-matter-date", relativePath, split.LineOf(key),
                    $"'{key}: {raw}' is not a date (use 2024-05-31 or 2024-05-31T14:00:00+02:00); it is ignored."));
            }
        }

        var unknown = new List<Shortcodes.Unknown>();
        var body = Shortcodes.Expand(split.Body, frontMatter, unknown);
        foreach (var group in unknown.GroupBy(u => u.Name, StringComparer.OrdinalIgnoreCase))
        {
            var line = split.BodyLine + split.Body.AsSpan(0, Math.Min(group.First().Offset, split.Body.Length)).Count('\n');
            diagnostics.Add(new Diagnostic(Severity.Warning, "unknown-shortcode", relativePath, line,
                $"Shortcode '{group.Key}' is not supported; it renders nothing{(group.Count() > 1 ? $" ({group.Count()} uses)" : "")}."));
        }

        var document = Markdown.Parse(body, Pipeline);
        var headings = new List<ContentHeading>();
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var id = heading.GetAttributes().Id;
            var headingText = heading.Inline is null ? "" : InlineText(heading.Inline);
            if (id is not null)
            {
                headings.Add(new ContentHeading(heading.Level, id, headingText, split.BodyLine + heading.Line));
                // A visible anchor so readers can link to a section.
                heading.Inline?.AppendChild(new HtmlInline(
                    $" <a class=\"heading-anchor\" href=\"#{WebUtility.HtmlEncode(id)}\" aria-label=\"{WebUtility.HtmlEncode(AnchorLabel(language, headingText))}\">#</a>"));
            }
        }

        var links = new List<ContentLink>();
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.Url is { Length: > 0 } url)
            {
                links.Add(new ContentLink(url, split.BodyLine + link.Line, link.IsImage, !link.IsImage || link.FirstChild is not null));
            }
        }
        foreach (var raw in document.Descendants<HtmlBlock>().Select(b => (Text: b.Lines.ToString(), b.Line))
                     .Concat(document.Descendants<HtmlInline>().Select(i => (Text: i.Tag, i.Line))))
        {
            foreach (Match m in HtmlLinkRegex().Matches(raw.Text))
            {
                var isImage = m.Groups["tag"].Value.Equals("img", StringComparison.OrdinalIgnoreCase);
                if (m.Groups["tag"].Value == "a" && m.Value.Contains("heading-anchor", StringComparison.Ordinal))
                {
                    continue;
                }
                var line = split.BodyLine + raw.Line + raw.Text.AsSpan(0, m.Index).Count('\n');
                links.Add(new ContentLink(WebUtility.HtmlDecode(m.Groups["url"].Value), line, isImage, !isImage || AltRegex().IsMatch(m.Value)));
            }
        }

        var html = document.ToHtml(Pipeline);
        var plain = PlainText(document);
        var summary = frontMatter.Summary ?? frontMatter.Description ?? FirstParagraph(document);
        return new ParsedFile(frontMatter, html, headings, summary, plain, links, diagnostics, split.Yaml ?? "");
    }

    private static string AnchorLabel(SiteLanguage language, string heading) =>
        language == SiteLanguage.Swedish ? $"Länk till avsnittet {heading}" : $"Link to the section {heading}";

    private static string Decode(byte[] bytes)
    {
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            using var reader = new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        return StrictUtf8.GetString(bytes);
    }

    private static string Clean(string message) =>
        Regex.Replace(message, @"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", "");

    private static ParsedFile Failed(string file, int line, string code, string message) =>
        Failed(new Diagnostic(Severity.Error, code, file, line, message));

    private static ParsedFile Failed(Diagnostic diagnostic) => new(null, "", [], "", "", [], [diagnostic]);

    private enum FrontMatterFormat { Yaml, Toml }

    private sealed record Split(string? Yaml, FrontMatterFormat Format, string Body, int BodyLine, Diagnostic? Error)
    {
        public int LineOf(string key) => new ParsedFile(null, "", [], "", "", [], [], Yaml ?? "").LineOf(key);
    }

    /// <summary>Front matter must open on line 1 with <c>---</c> (YAML) or <c>+++</c> (TOML) and close with the same line.</summary>
    private static Split SplitFrontMatter(string text, string file)
    {
        var lines = text.Split('\n');
        var first = lines.Length > 0 ? lines[0].TrimEnd() : "";
        if (first is "---" or "+++")
        {
            var format = first == "---" ? FrontMatterFormat.Yaml : FrontMatterFormat.Toml;
            for (var i = 1; i < lines.Length; i++)
            {
                var line = lines[i].TrimEnd();
                if (line == first || (format == FrontMatterFormat.Yaml && line == "..."))
                {
                    var yaml = string.Join('\n', lines, 1, i - 1);
                    var body = string.Join('\n', lines, i + 1, lines.Length - i - 1);
                    return new Split(yaml, format, body, i + 2, null);
                }
            }
            return new Split(null, format, text, 1, new Diagnostic(Severity.Error, "front-matter-unclosed", file, 1,
                $"Front matter opened with '{first}' on line 1 is never closed; add a '{first}' line after it."));
        }
        // Front matter that starts after blank lines or other text is the classic silent mistake: Markdown renders it as text.
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }
            if (line is "---" or "+++" && i + 1 < lines.Length && Regex.IsMatch(lines[i + 1], @"^\s*[A-Za-z_][\w\-]*\s*[:=]"))
            {
                return new Split(null, FrontMatterFormat.Yaml, text, 1, new Diagnostic(Severity.Error, "front-matter-not-first-line", file, i + 1,
                    $"Front matter must start on line 1; here it starts on line {i + 1}. Remove what comes before the '{line}' line."));
            }
            break;
        }
        return new Split(null, FrontMatterFormat.Yaml, text, 1, null);
    }

    private static Dictionary<string, object?> ReadFrontMatter(string text, FrontMatterFormat format)
    {
        if (format == FrontMatterFormat.Toml)
        {
            return TomlFrontMatter.Parse(text);
        }
        var parsed = Yaml.Deserialize<object?>(text);
        return parsed switch
        {
            null => new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase),
            IDictionary<object, object?> map => (Dictionary<string, object?>)Normalize(map)!,
            _ => throw new YamlException("Front matter must be a set of 'key: value' lines."),
        };
    }

    /// <summary>YamlDotNet gives object-keyed dictionaries; views and Hugo expect case-insensitive string keys.</summary>
    private static object? Normalize(object? value) => value switch
    {
        IDictionary<object, object?> map => map.ToDictionary(kv => Convert.ToString(kv.Key, System.Globalization.CultureInfo.InvariantCulture) ?? "",
            kv => Normalize(kv.Value), StringComparer.OrdinalIgnoreCase),
        IList<object?> list => list.Select(Normalize).ToList(),
        _ => value,
    };

    private static string InlineText(ContainerInline inline)
    {
        var sb = new StringBuilder();
        foreach (var child in inline.Descendants())
        {
            switch (child)
            {
                case LiteralInline literal:
                    sb.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    sb.Append(code.Content);
                    break;
                case LineBreakInline:
                    sb.Append(' ');
                    break;
            }
        }
        return sb.ToString();
    }

    private static string FirstParagraph(MarkdownDocument document)
    {
        var paragraph = document.Descendants<ParagraphBlock>().FirstOrDefault(p => p.Inline is not null && InlineText(p.Inline).Trim().Length > 0);
        return paragraph?.Inline is null ? "" : Truncate(Whitespace().Replace(InlineText(paragraph.Inline), " ").Trim(), 300);
    }

    private static string PlainText(MarkdownDocument document)
    {
        var sb = new StringBuilder();
        foreach (var block in document.Descendants<LeafBlock>())
        {
            if (block.Inline is not null)
            {
                sb.Append(InlineText(block.Inline)).Append('\n');
            }
            else if (block is CodeBlock code)
            {
                sb.Append(code.Lines.ToString()).Append('\n');
            }
        }
        return sb.ToString();
    }

    public static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', max);
        return text[..(cut > max / 2 ? cut : max)].TrimEnd(',', '.', ';', ':') + "…";
    }
}

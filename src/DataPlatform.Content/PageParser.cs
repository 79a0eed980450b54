using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DataPlatform.Content;

/// <summary>
/// Turns one Markdown file into a <see cref="ParsedFile"/>: front matter, pre-rendered HTML, headings, links.
/// Thread-safe: the Markdig pipeline is built once and is immutable.
/// </summary>
public static partial class PageParser
{
    /// <summary>
    /// The one Markdown pipeline: tables, heading IDs, auto-links, footnotes and the rest of Markdig's extras; raw HTML
    /// allowed. Not Markdig's front-matter extension: the portal splits the front matter off itself, and the extension
    /// took a body that starts with a <c>---</c> rule for a second front matter and dropped its text.
    /// </summary>
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .Build();

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
        if (FrontMatterOf(split, relativePath, diagnostics) is not { } frontMatter)
        {
            return Failed(diagnostics[^1]);
        }
        var (body, embeds) = ExpandShortcodes(split, frontMatter, relativePath, diagnostics);
        if (relativePath.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || relativePath.EndsWith(".htm", StringComparison.OrdinalIgnoreCase))
        {
            return HtmlPage(frontMatter, body, split, diagnostics) with { Embeds = embeds };
        }
        return MarkdownPage(frontMatter, body, split, language, diagnostics) with { Embeds = embeds };
    }

    /// <summary>The front matter, with a warning for each date it cannot read; null (and the reason last in <paramref name="diagnostics"/>) when it cannot be read at all.</summary>
    private static FrontMatter? FrontMatterOf(Split split, string relativePath, List<Diagnostic> diagnostics)
    {
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
            diagnostics.Add(FrontMatterError(relativePath, line, $"Front matter is not valid YAML: {Clean(e.Message)}"));
            return null;
        }
        catch (FormatException e)
        {
            diagnostics.Add(FrontMatterError(relativePath, 2, $"Front matter is not valid: {e.Message}"));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet gives up on some malformed input without a position.
            diagnostics.Add(FrontMatterError(relativePath, 2, "Front matter is not valid YAML (check brackets, quotes and indentation)."));
            return null;
        }
        var frontMatter = new FrontMatter(values);
        foreach (var key in FrontMatter.DateKeys)
        {
            if (frontMatter.GetString(key) is { } raw && FrontMatter.ParseDate(raw) is null)
            {
                diagnostics.Add(new Diagnostic(Severity.Warning, "front-matter-date", relativePath, split.LineOf(key),
                    $"'{key}: {raw}' is not a date (use 2024-05-31 or 2024-05-31T14:00:00+02:00); it is ignored."));
            }
        }

        return frontMatter;
    }

    private static Diagnostic FrontMatterError(string file, int line, string message) => new(Severity.Error, "front-matter-yaml", file, line, message);

    /// <summary>The body with its shortcodes expanded, and the embeds they ask for (with their lines); an unknown shortcode is warned about once per name.</summary>
    private static (string Body, List<EmbedRequest> Embeds) ExpandShortcodes(Split split, FrontMatter frontMatter, string relativePath, List<Diagnostic> diagnostics)
    {
        var unknown = new List<Shortcodes.Unknown>();
        var embeds = new List<EmbedRequest>();
        var body = Shortcodes.Expand(split.Body, frontMatter, unknown, embeds);
        // Offsets become file lines, for the editor's diagnostics about the data behind each embed.
        embeds = embeds.Select(e => e with { Line = split.BodyLine + split.Body.AsSpan(0, Math.Min(e.Offset, split.Body.Length)).Count('\n') }).ToList();
        foreach (var group in unknown.GroupBy(u => u.Name, StringComparer.OrdinalIgnoreCase))
        {
            var line = split.BodyLine + split.Body.AsSpan(0, Math.Min(group.First().Offset, split.Body.Length)).Count('\n');
            diagnostics.Add(new Diagnostic(Severity.Warning, "unknown-shortcode", relativePath, line,
                $"Shortcode '{group.Key}' is not supported; it renders nothing{(group.Count() > 1 ? $" ({group.Count()} uses)" : "")}."));
        }
        return (body, embeds);
    }

    /// <summary>A Markdown body as HTML, with its headings (each given an anchor), links and summary.</summary>
    private static ParsedFile MarkdownPage(FrontMatter frontMatter, string body, Split split, SiteLanguage language, List<Diagnostic> diagnostics)
    {
        var document = Markdown.Parse(body, Pipeline);
        var headings = new List<ContentHeading>();
        var links = new List<ContentLink>();
        var rawHtml = new List<(string Text, int Line)>();
        ParagraphBlock? firstParagraph = null;
        // One walk over the tree collects everything; each Descendants<T>() call would walk it again.
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case HeadingBlock heading when heading.GetAttributes().Id is { } id:
                    var headingText = heading.Inline is null ? "" : InlineText(heading.Inline);
                    headings.Add(new ContentHeading(heading.Level, id, headingText, split.BodyLine + heading.Line));
                    break;
                case ParagraphBlock paragraph when firstParagraph is null && paragraph.Inline?.FirstChild is not null:
                    firstParagraph = paragraph;
                    break;
                case LinkInline { Url.Length: > 0 } link:
                    links.Add(new ContentLink(link.Url, split.BodyLine + link.Line, link.IsImage, !link.IsImage || link.FirstChild is not null));
                    break;
                case HtmlBlock block:
                    rawHtml.Add((block.Lines.ToString(), block.Line));
                    break;
                case HtmlInline inline:
                    rawHtml.Add((inline.Tag, inline.Line));
                    break;
            }
        }
        foreach (var raw in rawHtml)
        {
            foreach (Match m in HtmlLinkRegex().Matches(raw.Text))
            {
                var isImage = m.Groups["tag"].Value.Equals("img", StringComparison.OrdinalIgnoreCase);
                var line = split.BodyLine + raw.Line + raw.Text.AsSpan(0, m.Index).Count('\n');
                links.Add(new ContentLink(WebUtility.HtmlDecode(m.Groups["url"].Value), line, isImage, !isImage || AltRegex().IsMatch(m.Value)));
            }
        }
        // A visible anchor on each heading so readers can link to a section (added after the walk: it changes the tree).
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            if (heading.GetAttributes().Id is { } id)
            {
                var label = AnchorLabel(language, headings.FirstOrDefault(h => h.Id == id)?.Text ?? "");
                heading.Inline?.AppendChild(new HtmlInline(
                    $" <a class=\"heading-anchor\" href=\"#{WebUtility.HtmlEncode(id)}\" aria-label=\"{WebUtility.HtmlEncode(label)}\">#</a>"));
            }
        }

        var html = document.ToHtml(Pipeline);
        // A summary written in front matter may use Markdown, as in Hugo: lists, search and feeds show its text, never its syntax.
        var summary = (frontMatter.Summary ?? frontMatter.Description) is { } written
            ? PlainText(written)
            : firstParagraph?.Inline is null ? "" : Truncate(Whitespace().Replace(InlineText(firstParagraph.Inline), " ").Trim(), 300);
        return new ParsedFile(frontMatter, CompactText.Compress(html), headings, summary, links, diagnostics, split.Yaml ?? "");
    }

    /// <summary>Hugo's <c>.html</c> content: the body is HTML already and is used as written (after shortcodes); its links are checked like any page's.</summary>
    private static ParsedFile HtmlPage(FrontMatter frontMatter, string body, Split split, List<Diagnostic> diagnostics)
    {
        var links = HtmlLinkRegex().Matches(body).Select(m =>
        {
            var isImage = m.Groups["tag"].Value.Equals("img", StringComparison.OrdinalIgnoreCase);
            return new ContentLink(WebUtility.HtmlDecode(m.Groups["url"].Value), split.BodyLine + body.AsSpan(0, m.Index).Count('\n'), isImage, !isImage || AltRegex().IsMatch(m.Value));
        }).ToList();
        var text = Whitespace().Replace(WebUtility.HtmlDecode(Regex.Replace(body, "<[^>]*>", " ")), " ").Trim();
        var summary = (frontMatter.Summary ?? frontMatter.Description) is { } written ? PlainText(written) : Truncate(text, 300);
        return new ParsedFile(frontMatter, CompactText.Compress(body), [], summary, links, diagnostics, split.Yaml ?? "");
    }

    /// <summary>A line of Markdown (a summary written in front matter) as plain text, on one line.</summary>
    public static string PlainText(string markdown)
    {
        // Most summaries are plain sentences already; Markdig would only hand them back (5 µs a page at load).
        if (markdown.Length > 0 && char.IsLetter(markdown[0]) && markdown[^1] != ' ' && !markdown.AsSpan().ContainsAnyExcept(PlainChars)
            && !markdown.Contains("  ", StringComparison.Ordinal))
        {
            return markdown;
        }
        return Whitespace().Replace(Markdown.ToPlainText(markdown, Pipeline), " ").Trim();
    }

    /// <summary>Characters that mean nothing to Markdown on one line that starts with a letter.</summary>
    private static readonly System.Buffers.SearchValues<char> PlainChars = System.Buffers.SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:?'%/-()åäöÅÄÖéÉüÜ");

    private static string AnchorLabel(SiteLanguage language, string heading) =>
        ContentWords.Format(language, "Link to the section {0}", heading);

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

    private static ParsedFile Failed(Diagnostic diagnostic) => new(null, [], [], "", [], [diagnostic]);

    private enum FrontMatterFormat { Yaml, Toml }

    private sealed record Split(string? Yaml, FrontMatterFormat Format, string Body, int BodyLine, Diagnostic? Error)
    {
        public int LineOf(string key) => ParsedFile.LineIn(Yaml ?? "", key);
    }

    /// <summary>Front matter must open on line 1 with <c>---</c> (YAML) or <c>+++</c> (TOML) and close with the same line.</summary>
    /// <remarks>Walks the lines in place: only the front matter and the body are copied out of the file's text.</remarks>
    private static Split SplitFrontMatter(string text, string file)
    {
        var firstEnd = LineEnd(text, 0);
        var first = text.AsSpan(0, firstEnd).TrimEnd();
        if (first is "---" or "+++")
        {
            var marker = first.ToString();
            var format = marker == "---" ? FrontMatterFormat.Yaml : FrontMatterFormat.Toml;
            var index = 0;
            for (var start = firstEnd + 1; start <= text.Length && firstEnd < text.Length; start = LineEnd(text, start) + 1)
            {
                index++;
                var end = LineEnd(text, start);
                var line = text.AsSpan(start, end - start).TrimEnd();
                if (line.SequenceEqual(marker) || (format == FrontMatterFormat.Yaml && line is "..."))
                {
                    var yaml = start - 1 > firstEnd ? text[(firstEnd + 1)..(start - 1)] : "";
                    var body = end < text.Length ? text[(end + 1)..] : "";
                    return new Split(yaml, format, body, index + 2, null);
                }
                if (end == text.Length)
                {
                    break;
                }
            }
            return new Split(null, format, text, 1, new Diagnostic(Severity.Error, "front-matter-unclosed", file, 1,
                $"Front matter opened with '{marker}' on line 1 is never closed; add a '{marker}' line after it."));
        }
        // Front matter that starts after blank lines or other text is the classic silent mistake: Markdown renders it as text.
        for (int start = 0, index = 0; ; index++)
        {
            var end = LineEnd(text, start);
            var line = text.AsSpan(start, end - start).Trim();
            if (line.IsEmpty && end < text.Length)
            {
                start = end + 1;
                continue;
            }
            if (line is "---" or "+++" && end < text.Length && Regex.IsMatch(text.AsSpan(end + 1, LineEnd(text, end + 1) - end - 1), @"^\s*[A-Za-z_][\w\-]*\s*[:=]"))
            {
                return new Split(null, FrontMatterFormat.Yaml, text, 1, new Diagnostic(Severity.Error, "front-matter-not-first-line", file, index + 1,
                    $"Front matter must start on line 1; here it starts on line {index + 1}. Remove what comes before the '{line}' line."));
            }
            break;
        }
        return new Split(null, FrontMatterFormat.Yaml, text, 1, null);
    }

    /// <summary>Where the line starting at <paramref name="start"/> ends: its newline, or the end of the text.</summary>
    private static int LineEnd(string text, int start)
    {
        var newline = text.IndexOf('\n', start);
        return newline < 0 ? text.Length : newline;
    }

    private static Dictionary<string, object?> ReadFrontMatter(string text, FrontMatterFormat format)
    {
        if (format == FrontMatterFormat.Toml)
        {
            return TomlFrontMatter.Parse(text);
        }
        return SimpleYaml.TryRead(text) ?? ReadYaml(text);
    }

    /// <summary>YAML front matter read by YamlDotNet; throws <see cref="YamlException"/> on a mistake.</summary>
    public static Dictionary<string, object?> ReadYaml(string text)
    {
        // The representation model, not the reflection-based deserializer: front matter is just maps,
        // lists and strings, and this is several times faster on a cold start.
        var stream = BoundedYaml.Load(text);
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        }
        return ToValue(stream.Documents[0].RootNode) as Dictionary<string, object?>
            ?? throw new YamlException("Front matter must be a set of 'key: value' lines.");
    }

    /// <summary>Maps become case-insensitive string-keyed dictionaries (Hugo's keys are case-insensitive), sequences lists, scalars strings.</summary>
    private static object? ToValue(YamlNode node) => node switch
    {
        YamlMappingNode map => map.Children.Aggregate(new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase), (d, kv) =>
        {
            d[(kv.Key as YamlScalarNode)?.Value ?? kv.Key.ToString()] = ToValue(kv.Value);
            return d;
        }),
        YamlSequenceNode list => list.Children.Select(ToValue).ToList(),
        YamlScalarNode scalar => scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is "~" or "null" or "" ? null : scalar.Value,
        _ => null,
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

using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace DataPlatform.Content;

/// <summary>
/// Hugo shortcodes (<c>{{&lt; name … &gt;}}</c>, <c>{{% name %}}</c>) expanded before Markdown runs.
/// A few common ones render; any other renders nothing (its inner text is kept) and is reported once per file,
/// so a visitor never sees raw braces.
/// </summary>
public static partial class Shortcodes
{
    /// <summary>The shortcodes the portal renders. Everything else is dropped with a warning.</summary>
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "figure", "img", "image", "ref", "relref", "youtube", "vimeo", "highlight", "notice", "alert", "callout", "note",
        "button", "param", "lead", "details",
    };

    [GeneratedRegex(@"\{\{(?<open>[<%])\s*(?<name>[A-Za-z][\w\-./]*)(?<args>(?:""[^""]*""|'[^']*'|`[^`]*`|[^""'`>%])*?)\s*[>%]\}\}(?<inner>.*?)\{\{[<%]\s*/\s*\k<name>\s*[>%]\}\}", RegexOptions.Singleline)]
    private static partial Regex PairedRegex();

    [GeneratedRegex(@"\{\{(?<open>[<%])\s*(?<close>/)?\s*(?<name>[A-Za-z][\w\-./]*)(?<args>(?:""[^""]*""|'[^']*'|`[^`]*`|[^""'`>%])*?)\s*/?\s*[>%]\}\}", RegexOptions.Singleline)]
    private static partial Regex SingleRegex();

    [GeneratedRegex(@"\{\{[<%]\s*/")]
    private static partial Regex ClosingTagRegex();

    // Hugo's way to show a shortcode literally: {{</* name */>}}.
    [GeneratedRegex(@"\{\{([<%])/\*(.*?)\*/([>%])\}\}", RegexOptions.Singleline)]
    private static partial Regex CommentedRegex();

    [GeneratedRegex(@"(?<key>[A-Za-z_][\w\-]*)\s*=\s*(?:""(?<v>[^""]*)""|'(?<v>[^']*)'|`(?<v>[^`]*)`|(?<v>[^\s""'`]+))|""(?<p>[^""]*)""|'(?<p>[^']*)'|`(?<p>[^`]*)`|(?<p>[^\s""'`]+)")]
    private static partial Regex ArgRegex();

    /// <summary>A shortcode the portal does not know, and where it first appears.</summary>
    public sealed record Unknown(string Name, int Offset);

    /// <summary>The shortcodes that show data (tables, charts): they need files, so they are resolved when content loads.</summary>
    public static readonly IReadOnlySet<string> Embedding = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "datatable", "chart", "plotly" };

    /// <summary>Expands shortcodes in <paramref name="markdown"/>; <paramref name="frontMatter"/> serves <c>param</c>.</summary>
    /// <remarks>A data shortcode becomes a marker (<see cref="EmbedRequest.Marker"/>) and an entry in <paramref name="embeds"/>.</remarks>
    public static string Expand(string markdown, FrontMatter frontMatter, List<Unknown> unknown, List<EmbedRequest>? embeds = null)
    {
        if (!markdown.Contains("{{", StringComparison.Ordinal))
        {
            return markdown;
        }
        var literals = new List<string>();
        var text = !markdown.Contains("/*", StringComparison.Ordinal) ? markdown : CommentedRegex().Replace(markdown, m =>
        {
            literals.Add("{{" + m.Groups[1].Value + m.Groups[2].Value + m.Groups[3].Value + "}}");
            return $"\u0001{literals.Count - 1}\u0001";
        });

        // Paired shortcodes first, innermost last: repeat until nothing changes (nesting is rare and shallow). Most
        // pages have no closing tag at all, and the paired pattern is the costly one: then it is not run.
        for (var pass = 0; pass < 8 && ClosingTagRegex().IsMatch(text); pass++)
        {
            var replaced = PairedRegex().Replace(text, m => Render(m.Groups["name"].Value, ParseArgs(m.Groups["args"].Value),
                m.Groups["inner"].Value, m.Groups["open"].Value == "%", frontMatter, unknown, embeds, OffsetIn(markdown, m.Value, m.Index)));
            if (replaced == text)
            {
                break;
            }
            text = replaced;
        }
        text = SingleRegex().Replace(text, m => m.Groups["close"].Success
            ? ""
            : Render(m.Groups["name"].Value, ParseArgs(m.Groups["args"].Value), null, false, frontMatter, unknown, embeds, OffsetIn(markdown, m.Value, m.Index)));

        for (var i = 0; i < literals.Count; i++)
        {
            text = text.Replace($"\u0001{i}\u0001", WebUtility.HtmlEncode(literals[i]), StringComparison.Ordinal);
        }
        return text;
    }

    private static int OffsetIn(string original, string fragment, int fallback)
    {
        var head = fragment.Length > 40 ? fragment[..40] : fragment;
        var index = original.IndexOf(head, StringComparison.Ordinal);
        return index >= 0 ? index : Math.Min(fallback, original.Length);
    }

    private sealed record Args(IReadOnlyList<string> Positional, IReadOnlyDictionary<string, string> Named)
    {
        public string? Get(string name, int position = -1) =>
            Named.TryGetValue(name, out var v) ? v : position >= 0 && position < Positional.Count ? Positional[position] : null;
    }

    private static Args ParseArgs(string args)
    {
        var positional = new List<string>();
        var named = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match m in ArgRegex().Matches(args))
        {
            if (m.Groups["key"].Success)
            {
                named[m.Groups["key"].Value] = m.Groups["v"].Value;
            }
            else
            {
                positional.Add(m.Groups["p"].Value);
            }
        }
        return new Args(positional, named);
    }

    private static string Attr(string? value) => WebUtility.HtmlEncode(value ?? "");

    private static string Render(string name, Args args, string? inner, bool innerIsMarkdown, FrontMatter frontMatter, List<Unknown> unknown, List<EmbedRequest>? embeds, int offset)
    {
        switch (name.ToLowerInvariant())
        {
            case "datatable" or "chart" or "plotly" when embeds is not null:
                var request = new EmbedRequest(name.ToLowerInvariant(), args.Named, embeds.Count, offset);
                embeds.Add(request);
                // A block of its own, so Markdown leaves it alone; the page is rendered around it.
                return "\n\n" + request.Marker + "\n\n";
            case "figure":
            case "img":
            case "image":
                return Figure(args);
            case "ref":
            case "relref":
                return RefUrl(args.Get("path", 0) ?? "");
            case "youtube":
                var id = args.Get("id", 0) ?? "";
                return $"<a href=\"https://www.youtube.com/watch?v={Attr(id)}\">{Attr(args.Get("title") ?? "Video on YouTube")}</a>";
            case "vimeo":
                return $"<a href=\"https://vimeo.com/{Attr(args.Get("id", 0))}\">{Attr(args.Get("title") ?? "Video on Vimeo")}</a>";
            case "param":
                return frontMatter.GetString(args.Get("name", 0) ?? "") is { } value ? WebUtility.HtmlEncode(value) : "";
            case "highlight":
                var language = args.Get("lang", 0) ?? "text";
                return $"\n<pre><code class=\"language-{Attr(language)}\">{WebUtility.HtmlEncode((inner ?? "").Trim('\n', '\r'))}</code></pre>\n";
            case "notice":
            case "alert":
            case "callout":
            case "note":
            case "lead":
                var kind = args.Get("type", 0) ?? name;
                return $"\n<div class=\"notice notice-{Attr(kind)}\">\n\n{inner?.Trim()}\n\n</div>\n";
            case "details":
                return $"\n<details><summary>{Attr(args.Get("summary", 0) ?? "Details")}</summary>\n\n{inner?.Trim()}\n\n</details>\n";
            case "button":
                var href = args.Get("href") ?? args.Get("url") ?? args.Get("link", 0) ?? "#";
                var label = inner?.Trim() is { Length: > 0 } i ? i : args.Get("text") ?? args.Get("label", 1) ?? href;
                return $"<a class=\"button\" href=\"{Attr(href)}\">{WebUtility.HtmlEncode(label)}</a>";
            default:
                unknown.Add(new Unknown(name, offset));
                // Keep what an editor wrote between the tags; only the shortcode's own output is missing. Nothing is
                // added around it, so the lines after it keep their numbers in the editor's diagnostics.
                return inner ?? "";
        }
    }

    private static string Figure(Args args)
    {
        var src = args.Get("src", 0) ?? "";
        var alt = args.Get("alt") ?? args.Get("caption") ?? args.Get("title") ?? "";
        var caption = args.Get("caption") ?? args.Get("title");
        var width = args.Get("width");
        var image = new StringBuilder();
        image.Append("<img src=\"").Append(Attr(src)).Append("\" alt=\"").Append(Attr(alt)).Append('"');
        if (width is not null)
        {
            image.Append(" width=\"").Append(Attr(width)).Append('"');
        }
        image.Append(" loading=\"lazy\">");
        var img = args.Get("link") is { } link ? $"<a href=\"{Attr(link)}\">{image}</a>" : image.ToString();
        var figcaption = caption is null ? "" : $"<figcaption>{WebUtility.HtmlEncode(caption)}</figcaption>";
        var cssClass = args.Get("class") is { } c ? $" class=\"{Attr(c)}\"" : "";
        return $"\n<figure{cssClass}>{img}{figcaption}</figure>\n";
    }

    /// <summary>Hugo's <c>ref</c> without the site: the path a page gets when it sets no <c>slug</c> or <c>url</c>.</summary>
    public static string RefUrl(string path)
    {
        var p = path.Trim().Replace('\\', '/');
        var anchor = "";
        var hash = p.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            anchor = p[hash..];
            p = p[..hash];
        }
        if (p.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            p = p[..^3];
        }
        foreach (var suffix in new[] { "/_index", "/index", "_index", "index" })
        {
            if (p.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                p = p[..^suffix.Length];
                break;
            }
        }
        p = "/" + p.Trim('/');
        return (p == "/" ? "/" : p.ToLowerInvariant() + "/") + anchor;
    }
}

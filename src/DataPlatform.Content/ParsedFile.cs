namespace DataPlatform.Content;

/// <summary>
/// What one Markdown file turned into, independent of every other file, so it can be cached by
/// path and modification time and reused across reloads. <see cref="FrontMatter"/> is null when the
/// file could not be read as a page; the reason is in <see cref="Diagnostics"/>.
/// </summary>
public sealed record ParsedFile(
    FrontMatter? FrontMatter,
    byte[] HtmlCompressed,
    IReadOnlyList<ContentHeading> Headings,
    string Summary,
    IReadOnlyList<ContentLink> Links,
    IReadOnlyList<Diagnostic> Diagnostics,
    string FrontMatterText = "")
{
    /// <summary>
    /// The pre-rendered HTML. Kept Brotli-compressed UTF-8: a 10,000-page site's bodies took 160 MB as strings
    /// and take about a fifth of that so. Decoding costs microseconds per render, and the page cache serves
    /// repeat requests without rendering at all.
    /// </summary>
    public string Html => CompactText.Expand(HtmlCompressed);

    public bool HasHtml => HtmlCompressed.Length > 0;

    /// <summary>The data shortcodes (tables, charts) in the body, in order; their markers are in the HTML.</summary>
    public IReadOnlyList<EmbedRequest> Embeds { get; init; } = [];

    /// <summary>The file line of the first front-matter line that sets <paramref name="key"/>, or 1; for pointing editors at the right line.</summary>
    public int LineOf(string key) => LineIn(FrontMatterText, key);

    /// <summary>The file line (front matter starts on line 2) of the first line of <paramref name="frontMatter"/> that sets <paramref name="key"/>, or 1.</summary>
    public static int LineIn(string frontMatter, string key)
    {
        var lines = frontMatter.Split('\n');
        var index = Array.FindIndex(lines, l => l.TrimStart().StartsWith(key + ":", StringComparison.OrdinalIgnoreCase)
            || l.TrimStart().StartsWith(key + " =", StringComparison.OrdinalIgnoreCase));
        return index < 0 ? 1 : index + 2;
    }
}

namespace DataPlatform.Content;

/// <summary>One published page in one language, with its HTML rendered ahead of time. Immutable once in a snapshot.</summary>
public sealed class Page
{
    public required SiteLanguage Language { get; init; }

    /// <summary>The page's path on the site, with the language prefix and a trailing slash: <c>/sv/about/</c>.</summary>
    public required string Url { get; init; }

    public required PageKind Kind { get; init; }

    /// <summary>The top-level folder the page lives in (<c>news</c>, <c>events</c>); empty for the home page and root pages.</summary>
    public required string Section { get; init; }

    /// <summary>The content folder of this page's parent section (<c>""</c> for the root), used for listings and breadcrumbs.</summary>
    public required string ParentDirectory { get; init; }

    /// <summary>For home and section pages: the folder they describe. For other pages: their own logical path.</summary>
    public required string Directory { get; init; }

    /// <summary>Pairs translations: the logical path without a language (<c>about/_index.md</c>) unless front matter sets <c>translationKey</c>.</summary>
    public required string TranslationKey { get; init; }

    /// <summary>The file the page came from, relative to the content root; empty for a section the engine made up.</summary>
    public required string SourcePath { get; init; }

    public required FrontMatter Meta { get; init; }

    public required ParsedFile Parsed { get; init; }

    public required string Title { get; init; }

    /// <summary>For a catalogue entry's page: the entry (the page's text is its description).</summary>
    public CatalogEntry? Entry { get; init; }

    /// <summary><c>type</c> from front matter, else the section; picks the view (events render differently from news).</summary>
    public string Type => Meta.Type ?? Section;

    /// <summary>The page body as HTML (decoded from UTF-8 on each access: read it once per render).</summary>
    public string Html => Parsed.Html;

    public string Summary => Parsed.Summary;

    public DateTimeOffset? Date => Meta.Date ?? Meta.PublishDate;

    /// <summary>When the page last changed: <c>lastmod</c>, else its date.</summary>
    public DateTimeOffset? LastModified => Meta.LastMod ?? Date;

    public bool IsListPage => Kind != PageKind.Page;

    /// <summary>The page's tables and charts, in the order of their markers in <see cref="Html"/>; set once, when content loads.</summary>
    public IReadOnlyList<PageEmbed> Embeds { get; internal set; } = [];

    /// <summary>The same page with a new body (its front matter unchanged), for a reload after an edit of the text alone.</summary>
    internal Page WithParsed(ParsedFile parsed) => new()
    {
        Language = Language, Url = Url, Kind = Kind, Section = Section, ParentDirectory = ParentDirectory, Directory = Directory,
        TranslationKey = TranslationKey, SourcePath = SourcePath, Meta = Meta, Parsed = parsed, Title = Title, Entry = Entry, Embeds = Embeds,
    };

    public override string ToString() => $"{Url} ({SourcePath})";
}

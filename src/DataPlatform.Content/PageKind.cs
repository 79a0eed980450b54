namespace DataPlatform.Content;

/// <summary>Hugo's three kinds of content page.</summary>
public enum PageKind
{
    /// <summary><c>content/_index.md</c>: the home page.</summary>
    Home,

    /// <summary><c>content/&lt;section&gt;/_index.md</c>: a section's own page, which lists its pages.</summary>
    Section,

    /// <summary>A single page: <c>&lt;slug&gt;.md</c> or a bundle's <c>&lt;slug&gt;/index.md</c>.</summary>
    Page,
}

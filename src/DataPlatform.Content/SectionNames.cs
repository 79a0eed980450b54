namespace DataPlatform.Content;

/// <summary>
/// The sections the portal itself gives behaviour to (lists, feeds, catalogues). Their names are URL
/// segments and content folder names, so they are written here once and nowhere else.
/// </summary>
public static class SectionNames
{
    public const string Highlights = "highlights";
    public const string News = "news";
    public const string Events = "events";
    public const string Services = "services";
    public const string DataSources = "data-sources";
    public const string Resources = "resources";
    public const string Publications = "publications";
    public const string Datasets = "datasets";

    /// <summary>
    /// Addresses where the portal draws a list of its own data (publications, datasets, catalogue entries). The portal owns
    /// them in both languages; a content section of that name gives the list its title and introduction (the language's
    /// own, else the other's), and Markdown pages below it are not listed there.
    /// </summary>
    public static readonly IReadOnlyList<string> PortalLists = [Services, DataSources, Resources, Publications, Datasets];

    /// <summary>Sections with an Atom feed, dated articles and the <c>article</c> OpenGraph type.</summary>
    public static readonly IReadOnlyList<string> WithFeeds = [Highlights, News, Events];

    /// <summary>A route constraint that matches a section with a feed.</summary>
    public const string FeedConstraint = "regex(^(" + Highlights + "|" + News + "|" + Events + ")$)";

    /// <summary>A route constraint that matches a catalogue section.</summary>
    public const string CatalogConstraint = "regex(^(" + Services + "|" + DataSources + "|" + Resources + ")$)";
}

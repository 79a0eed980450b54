namespace DataPlatform.Web.Feeds;

/// <summary>One entry of an Atom feed: a page or a publication.</summary>
public sealed record AtomEntry(string Url, string Title, DateTimeOffset Updated, DateTimeOffset? Published, IReadOnlyList<string> Authors, IReadOnlyList<string> Categories,
    string Summary);

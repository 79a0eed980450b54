namespace DataPlatform.Web.Site;

/// <summary>A choice in force, as the active-filters line shows it: what it is and the link that removes just it.</summary>
public sealed record ActiveFilter(string Title, string Label, string RemoveUrl)
{
    /// <summary>The words searched for (<c>q</c>), when there are any, as a choice that the link without <c>q</c> removes.</summary>
    public static IReadOnlyList<ActiveFilter> Words(IListFilter filter, string? words, string title, string baseUrl) =>
        words is null ? [] : [new ActiveFilter(title, words, baseUrl + filter.ToQueryString([new("q", null)]))];
}

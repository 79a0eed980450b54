using Microsoft.AspNetCore.WebUtilities;

namespace DataPlatform.Web.Site;

/// <summary>
/// The one pager of every list (sections, highlights, events, catalogues, search, staff): which slice of the
/// items a page shows and the links to the others, keeping the list's filters. A page number outside
/// 1…<see cref="PageCount"/> does not exist: <see cref="Create"/> gives null and the list answers 404.
/// </summary>
/// <remarks>A list that shares its page with another (a data table) names its own page key (<c>projects-page</c>) and the fragment its links jump to.</remarks>
public sealed record Pager(int Page, int PageCount, int PageSize, int Total, string BaseUrl, IReadOnlyList<KeyValuePair<string, string?>> Filters,
    string PageKey = "page", string? Fragment = null)
{
    public const int DefaultPageSize = 20;

    /// <summary>Page <paramref name="page"/> (1 when not given) of <paramref name="total"/> items, or null when there is no such page.</summary>
    public static Pager? Create(int total, int? page, string baseUrl, IListFilter? filter = null, int pageSize = DefaultPageSize, string pageKey = "page", string? fragment = null)
    {
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        var number = page ?? 1;
        return number < 1 || number > pageCount ? null
            : new Pager(number, pageCount, pageSize, total, baseUrl, filter?.ToQuery().Where(v => v.Value is not null && v.Key != pageKey).ToList() ?? [], pageKey, fragment);
    }

    /// <summary>How many items come before this page.</summary>
    public int Skip => (Page - 1) * PageSize;

    /// <summary>Whether there is more than one page, so links to the others are shown.</summary>
    public bool HasPages => PageCount > 1;

    /// <summary>This page's items out of all of them.</summary>
    public IReadOnlyList<T> Slice<T>(IEnumerable<T> all) => all.Skip(Skip).Take(PageSize).ToList();

    /// <summary>The URL of another page of the list, with the list's filters.</summary>
    public string UrlFor(int page) =>
        QueryHelpers.AddQueryString(BaseUrl, page <= 1 ? Filters : [.. Filters, new(PageKey, page.ToString(System.Globalization.CultureInfo.InvariantCulture))])
        + (Fragment is null ? "" : "#" + Fragment);
}

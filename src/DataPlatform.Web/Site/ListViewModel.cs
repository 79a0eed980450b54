using DataPlatform.Content;

namespace DataPlatform.Web.Site;

/// <summary>A list of pages under a heading: a section's listing, a tag's or an author's pages, events.</summary>
public class ListViewModel : LayoutViewModel
{
    /// <summary>The section page the list belongs to (its body is shown above the list).</summary>
    public Page? Section { get; init; }

    public IReadOnlyList<Page> Items { get; init; } = [];

    public Content.Pager? Pager { get; init; }

    /// <summary>Shown when <see cref="Items"/> is empty.</summary>
    public string EmptyText { get; init; } = "";

    public IReadOnlyList<Page> Ancestors { get; init; } = [];

    /// <summary>Paging: the items of page <paramref name="number"/> and its pager, or null when the page does not exist.</summary>
    public static (IReadOnlyList<Page> Items, Content.Pager? Pager)? Paged(IReadOnlyList<Page> all, int number, string baseUrl, string query = "")
    {
        var count = Math.Max(1, (all.Count + Content.Pager.PageSize - 1) / Content.Pager.PageSize);
        if (number < 1 || number > count)
        {
            return null;
        }
        var items = all.Skip((number - 1) * Content.Pager.PageSize).Take(Content.Pager.PageSize).ToList();
        return (items, count > 1 ? new Content.Pager(number, count, baseUrl, query) : null);
    }
}

using DataPlatform.Content;

namespace DataPlatform.Web.Site;

/// <summary>A list of pages under a heading: a section's listing, a tag's or an author's pages, events.</summary>
public class ListViewModel : LayoutViewModel
{
    /// <summary>The section page the list belongs to (its body is shown above the list).</summary>
    public Page? Section { get; init; }

    public IReadOnlyList<Page> Items { get; init; } = [];

    public Pager? Pager { get; init; }

    /// <summary>Shown when <see cref="Items"/> is empty.</summary>
    public string EmptyText { get; init; } = "";

    public IReadOnlyList<Page> Ancestors { get; init; } = [];

    /// <summary>What in the filter cannot be understood, in the visitor's language (<see cref="FilterProblem"/>); then the list is empty and answers 400.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>The list without any filter.</summary>
    public string? ClearUrl { get; init; }
}

using DataPlatform.Content;
using DataPlatform.Web.Site;

namespace DataPlatform.Web.Content;

/// <summary>A content page as the views see it.</summary>
public sealed class PageViewModel : LayoutViewModel
{
    public required Page Page { get; init; }

    public IReadOnlyList<Page> Ancestors { get; init; } = [];

    /// <summary>For section pages: this page of the section's listing.</summary>
    public IReadOnlyList<Page> Children { get; init; } = [];

    public Pager? Pager { get; init; }

    /// <summary>Blocks on the home page: the newest pages of each section worth showing there.</summary>
    public IReadOnlyList<HomeBlock> HomeBlocks { get; init; } = [];

    /// <summary>On the home page, when the site has publications.</summary>
    public OutputsTeaser? Outputs { get; init; }

    /// <summary>For a highlight: other highlights sharing its tags, most shared first.</summary>
    public IReadOnlyList<Page> Related { get; init; } = [];

    /// <summary>For an event: whether its registration deadline has passed.</summary>
    public bool RegistrationClosed { get; init; }

    /// <summary>The page's data tables as this request shows them, by embed index.</summary>
    public IReadOnlyDictionary<int, DataTableView> Tables { get; set; } = new Dictionary<int, DataTableView>();

    /// <summary>Top-level sections, for the home page's links into the site.</summary>
    public IReadOnlyList<Page> Sections { get; init; } = [];
}

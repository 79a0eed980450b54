using DataPlatform.Web.Site;

namespace DataPlatform.Web.Publishing;

public sealed class PreviewListViewModel : LayoutViewModel
{
    public required IReadOnlyList<PreviewBranch> Branches { get; init; }

    /// <summary>The editors' check of each branch whose preview has been built (others are checked when opened).</summary>
    public required Func<PreviewBranch, DataPlatform.Content.CheckReport?> Check { get; init; }

    /// <summary>Why the branches could not be read (the repository cannot be reached), or null.</summary>
    public string? Problem { get; init; }
}

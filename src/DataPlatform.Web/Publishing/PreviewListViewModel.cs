using DataPlatform.Web.Site;

namespace DataPlatform.Web.Publishing;

public sealed class PreviewListViewModel : LayoutViewModel
{
    public required IReadOnlyList<PreviewBranch> Branches { get; init; }

    /// <summary>Why the branches could not be read (the repository cannot be reached), or null.</summary>
    public string? Problem { get; init; }
}

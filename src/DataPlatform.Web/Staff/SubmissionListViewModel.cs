using DataPlatform.Web.Site;
using DataPlatform.Web.Submissions;

namespace DataPlatform.Web.Staff;

public sealed class SubmissionListViewModel : LayoutViewModel
{
    public required SubmissionFilter Filter { get; init; }
    public required IReadOnlyList<Submission> Items { get; init; }
    public required int Total { get; init; }
    public required Pager Pager { get; init; }
    public required IReadOnlyDictionary<string, string> UserNames { get; init; }
    public IReadOnlyList<string> Problems { get; init; } = [];
    public bool CanExport { get; init; }

    /// <summary>How many submissions each status has under the other filters, for the links above the list.</summary>
    public required IReadOnlyDictionary<SubmissionStatus, int> Counts { get; init; }

    public required IReadOnlyList<(string Id, string Name)> Staff { get; init; }

    /// <summary>What the bulk change just made did, shown above the list it was made from.</summary>
    public BulkNotice? Notice { get; init; }
}

using DataPlatform.Web.Site;

namespace DataPlatform.Web.Staff;

/// <summary>A bulk change asked of every submission matching a filter: shown for confirmation first, with the number it will touch.</summary>
public sealed class BulkConfirmViewModel : LayoutViewModel
{
    public required SubmissionFilter Filter { get; init; }
    public required string Change { get; init; }
    public required string ChangeText { get; init; }
    public required int Count { get; init; }
    public required DateTimeOffset AsOf { get; init; }
}

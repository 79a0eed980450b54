using DataPlatform.Content;
using DataPlatform.Web.Fetching;
using DataPlatform.Web.Site;

namespace DataPlatform.Web.Staff;

public sealed class ContentReportViewModel : LayoutViewModel
{
    public required CheckReport? Report { get; init; }

    /// <summary>Files fetched from the web (research-output exports, chart data), and how their last fetch went.</summary>
    public IReadOnlyList<FetchStatus> Fetches { get; init; } = [];

    /// <summary>Background loops whose last pass failed (they go on trying).</summary>
    public IReadOnlyList<BackgroundWork.Failure> Failures { get; init; } = [];
}

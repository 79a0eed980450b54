using DataPlatform.Web.Site;

namespace DataPlatform.Web.Submissions;

public sealed class ThanksViewModel : LayoutViewModel
{
    public string? Reference { get; init; }

    public required string BackUrl { get; init; }
}

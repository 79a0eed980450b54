using DataPlatform.Web.Site;
using DataPlatform.Web.Submissions;

namespace DataPlatform.Web.Staff;

public sealed class SuggestionPublishViewModel : LayoutViewModel
{
    public required Submission Submission { get; init; }

    /// <summary>The page's Markdown: made from the suggestion, or as staff edited it.</summary>
    public required string Markdown { get; init; }

    public string? Error { get; init; }

    /// <summary>Where it is committed, and the files (inside the content folder) it is written to.</summary>
    public required string Branch { get; init; }

    public required IReadOnlyList<string> Files { get; init; }
}

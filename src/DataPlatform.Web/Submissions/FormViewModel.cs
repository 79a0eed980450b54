using DataPlatform.Content;
using DataPlatform.Web.Site;

namespace DataPlatform.Web.Submissions;

/// <summary>A form page: the form's values and errors and the editors' intro text when there is one.</summary>
public sealed class FormViewModel<TForm> : LayoutViewModel where TForm : SubmissionForm
{
    public required TForm Form { get; init; }

    /// <summary>The page's own URL, which the form posts back to.</summary>
    public required string Action { get; init; }

    /// <summary>The content page at the same address (e.g. <c>content/contact/_index.md</c>), shown above the form.</summary>
    public Page? Intro { get; init; }
}

using DataPlatform.Content;
using DataPlatform.Web.Site;

namespace DataPlatform.Web.Submissions;

/// <summary>One form field as the shared field partial renders it: label, hint, value, error, all linked for screen readers.</summary>
public sealed record FieldModel(
    string Name,
    string Label,
    string? Value,
    string? Error,
    string Type = "text",
    bool Required = false,
    int MaxLength = 300,
    string? Hint = null,
    string? Autocomplete = null,
    IReadOnlyList<(string Value, string Label)>? Options = null)
{
    public string Id => "field-" + Name;
}

/// <summary>A form page: the form's values and errors, the anti-spam stamp, and the editors' intro text when there is one.</summary>
public sealed class FormViewModel<TForm> : LayoutViewModel where TForm : SubmissionForm
{
    public required TForm Form { get; init; }

    public required string Stamp { get; init; }

    /// <summary>The page's own URL, which the form posts back to.</summary>
    public required string Action { get; init; }

    /// <summary>Field name → error message, in the order the fields appear.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();

    /// <summary>The content page at the same address (e.g. <c>content/contact/_index.md</c>), shown above the form.</summary>
    public Page? Intro { get; init; }

    public string? Error(string field) => Errors.GetValueOrDefault(field);
}

public sealed class ThanksViewModel : LayoutViewModel
{
    public string? Reference { get; init; }

    public required string BackUrl { get; init; }
}

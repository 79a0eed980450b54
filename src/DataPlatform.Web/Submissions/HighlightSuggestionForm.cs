using System.ComponentModel.DataAnnotations;

namespace DataPlatform.Web.Submissions;

/// <summary>Suggest a data highlight: a short story about published research data.</summary>
public sealed class HighlightSuggestionForm : SubmissionForm
{
    [Display(Name = "Title")]
    [Required(ErrorMessage = "Enter a title for the highlight.")]
    [StringLength(300, ErrorMessage = "The title can be at most {1} characters.")]
    public string? Title { get; set; }

    [Display(Name = "Links to the publication or dataset", Description = "One web address per line, e.g. a DOI link."), DataType(DataType.MultilineText)]
    [Required(ErrorMessage = "Enter at least one link to the publication or dataset.")]
    [StringLength(4000, ErrorMessage = "The links can be at most {1} characters.")]
    public string? Links { get; set; }

    [Display(Name = "Short description"), DataType(DataType.MultilineText)]
    [Required(ErrorMessage = "Describe the data in a few sentences.")]
    [StringLength(3000, ErrorMessage = "The description can be at most {1} characters.")]
    public string? Description { get; set; }

    public override SubmissionKind Kind => SubmissionKind.Highlight;

    public IReadOnlyList<string> LinkList =>
        (Links ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var result in base.Validate(validationContext))
        {
            yield return result;
        }
        if (Links is not null && (LinkList.Count == 0 || LinkList.Count > 20 || LinkList.Any(l => !IsHttpUrl(l))))
        {
            yield return new ValidationResult(L(validationContext, "Enter one web address per line (at most 20), each starting with https:// or http://."), [nameof(Links)]);
        }
    }

    public override (string?, string?, IReadOnlyDictionary<string, object?>) ToStored() =>
        (Title?.Trim(), Description?.Trim(), new Dictionary<string, object?> { ["links"] = LinkList });
}

using System.ComponentModel.DataAnnotations;

namespace DataPlatform.Web.Submissions;

/// <summary>The general contact form.</summary>
public sealed class ContactForm : SubmissionForm
{
    [Display(Name = "Subject")]
    [StringLength(300, ErrorMessage = "The subject can be at most {1} characters.")]
    public string? Subject { get; set; }

    [Display(Name = "Message"), DataType(DataType.MultilineText)]
    [Required(ErrorMessage = "Enter your message.")]
    [StringLength(5000, ErrorMessage = "The message can be at most {1} characters.")]
    public string? Message { get; set; }

    public override SubmissionKind Kind => SubmissionKind.Contact;

    public override (string?, string?, IReadOnlyDictionary<string, object?>) ToStored() =>
        (Subject?.Trim(), Message?.Trim(), new Dictionary<string, object?>());
}

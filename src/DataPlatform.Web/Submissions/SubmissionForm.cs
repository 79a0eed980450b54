using System.ComponentModel.DataAnnotations;
using DataPlatform.Web.Localization;
using Microsoft.Extensions.Localization;

namespace DataPlatform.Web.Submissions;

/// <summary>What every form carries besides its own fields: the anti-spam fields and the idempotency key.</summary>
public abstract class SubmissionForm : IValidatableObject
{
    /// <summary>The honeypot: hidden from people, filled in by bots.</summary>
    public string? Website { get; set; }

    /// <summary>Generated when the form is served; a second post of the same form is the same submission.</summary>
    public string? SubmissionKey { get; set; }

    [Display(Name = "Your name")]
    [Required(ErrorMessage = "Enter your name.")]
    [StringLength(200, ErrorMessage = "Your name can be at most {1} characters.")]
    public string? Name { get; set; }

    [Display(Name = "Your email address", Description = "We only use it to answer you.")]
    [Required(ErrorMessage = "Enter your email address.")]
    [StringLength(254, ErrorMessage = "The email address can be at most {1} characters.")]
    [EmailAddress(ErrorMessage = "Enter an email address like name@example.org.")]
    public string? Email { get; set; }

    public abstract SubmissionKind Kind { get; }

    /// <summary>The submission's typed columns and its other fields, for storage.</summary>
    public abstract (string? Title, string? Message, IReadOnlyDictionary<string, object?> Fields) ToStored();

    public virtual IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // NUL and other control characters (and U+FFFD from undecodable bytes) are never real input and would not store cleanly.
        foreach (var property in GetType().GetProperties().Where(p => p.PropertyType == typeof(string)))
        {
            if (property.GetValue(this) is string value && value.Any(c => c == '\uFFFD' || (char.IsControl(c) && c is not '\r' and not '\n' and not '\t')))
            {
                yield return new ValidationResult(L(validationContext, "This field contains characters that are not allowed."), [property.Name]);
            }
        }
    }

    /// <summary>Messages from <see cref="Validate"/> in the page's language (attribute messages are localized by MVC).</summary>
    protected static string L(ValidationContext context, string text) =>
        context.GetService(typeof(IStringLocalizer<SharedResource>)) is IStringLocalizer localizer ? localizer[text] : text;

    protected static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Contains('.', StringComparison.Ordinal);
}

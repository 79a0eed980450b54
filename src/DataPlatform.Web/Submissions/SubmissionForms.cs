using System.ComponentModel.DataAnnotations;
using System.Globalization;
using DataPlatform.Content;
using DataPlatform.Web.Data;
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

/// <summary>Suggest an event for the events section.</summary>
public sealed class EventSuggestionForm : SubmissionForm
{
    [Display(Name = "Title")]
    [Required(ErrorMessage = "Enter the event's title.")]
    [StringLength(300, ErrorMessage = "The title can be at most {1} characters.")]
    public string? Title { get; set; }

    [Display(Name = "Type of event")]
    [Required(ErrorMessage = "Choose the type of event.")]
    public string? EventType { get; set; }

    [Display(Name = "Start date", Description = "YYYY-MM-DD"), DataType(DataType.Date)]
    [Required(ErrorMessage = "Enter the start date.")]
    public string? StartDate { get; set; }

    [Display(Name = "Start time", Description = "HH:MM, Stockholm time"), DataType(DataType.Time)]
    public string? StartTime { get; set; }

    [Display(Name = "End date", Description = "YYYY-MM-DD"), DataType(DataType.Date)]
    [Required(ErrorMessage = "Enter the end date.")]
    public string? EndDate { get; set; }

    [Display(Name = "End time", Description = "HH:MM, Stockholm time"), DataType(DataType.Time)]
    public string? EndTime { get; set; }

    [Display(Name = "Venue", Description = "A place, or 'Online'.")]
    [StringLength(300, ErrorMessage = "The venue can be at most {1} characters.")]
    public string? Venue { get; set; }

    [Display(Name = "Organisers")]
    [StringLength(500, ErrorMessage = "The organisers can be at most {1} characters.")]
    public string? Organisers { get; set; }

    [Display(Name = "Web page with information"), DataType(DataType.Url)]
    [Required(ErrorMessage = "Enter a web address with information about the event.")]
    [StringLength(2000, ErrorMessage = "The web address can be at most {1} characters.")]
    public string? EventUrl { get; set; }

    [Display(Name = "Registration page"), DataType(DataType.Url)]
    [StringLength(2000, ErrorMessage = "The web address can be at most {1} characters.")]
    public string? RegistrationUrl { get; set; }

    [Display(Name = "Description"), DataType(DataType.MultilineText)]
    [Required(ErrorMessage = "Describe the event.")]
    [StringLength(5000, ErrorMessage = "The description can be at most {1} characters.")]
    public string? Description { get; set; }

    [Display(Name = "I am one of the organisers")]
    public bool IsOrganiser { get; set; }

    public override SubmissionKind Kind => SubmissionKind.Event;

    public override IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var result in base.Validate(validationContext))
        {
            yield return result;
        }
        if (EventType is not null && !FrontMatter.EventTypes.Contains(EventType))
        {
            yield return new ValidationResult(L(validationContext, "Choose the type of event."), [nameof(EventType)]);
        }
        var start = ParseDate(StartDate, StartTime);
        var end = ParseDate(EndDate, EndTime);
        if (StartDate is not null && start is null)
        {
            yield return new ValidationResult(L(validationContext, "Enter a real start date as YYYY-MM-DD and an optional time as HH:MM."), [nameof(StartDate)]);
        }
        if (EndDate is not null && end is null)
        {
            yield return new ValidationResult(L(validationContext, "Enter a real end date as YYYY-MM-DD and an optional time as HH:MM."), [nameof(EndDate)]);
        }
        if (start is not null && end is not null && end < start)
        {
            yield return new ValidationResult(L(validationContext, "The event cannot end before it starts."), [nameof(EndDate)]);
        }
        if (EventUrl is not null && !IsHttpUrl(EventUrl))
        {
            yield return new ValidationResult(L(validationContext, "Enter a web address starting with https:// or http://."), [nameof(EventUrl)]);
        }
        if (!string.IsNullOrWhiteSpace(RegistrationUrl) && !IsHttpUrl(RegistrationUrl))
        {
            yield return new ValidationResult(L(validationContext, "Enter a web address starting with https:// or http://."), [nameof(RegistrationUrl)]);
        }
    }

    /// <summary>A date (<c>2025-03-14</c>) and optional time (<c>09:30</c>) that both exist on the calendar and clock.</summary>
    public static DateTime? ParseDate(string? date, string? time)
    {
        if (!DateOnly.TryParseExact(date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || day.Year is < 2000 or > 2100)
        {
            return null;
        }
        if (string.IsNullOrWhiteSpace(time))
        {
            return day.ToDateTime(TimeOnly.MinValue);
        }
        return TimeOnly.TryParseExact(time.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock)
            ? day.ToDateTime(clock)
            : null;
    }

    public override (string?, string?, IReadOnlyDictionary<string, object?>) ToStored() => (Title?.Trim(), Description?.Trim(), new Dictionary<string, object?>
    {
        ["event_type"] = EventType,
        ["start"] = Combine(StartDate, StartTime),
        ["end"] = Combine(EndDate, EndTime),
        ["venue"] = Venue?.Trim(),
        ["organisers"] = Organisers?.Trim(),
        ["event_url"] = EventUrl?.Trim(),
        ["registration_url"] = string.IsNullOrWhiteSpace(RegistrationUrl) ? null : RegistrationUrl.Trim(),
        ["is_organiser"] = IsOrganiser,
    });

    private static string? Combine(string? date, string? time) =>
        string.IsNullOrWhiteSpace(time) ? date?.Trim() : $"{date?.Trim()}T{time.Trim()}";
}

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

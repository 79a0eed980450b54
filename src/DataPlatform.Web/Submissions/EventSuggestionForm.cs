using System.ComponentModel.DataAnnotations;
using System.Globalization;
using DataPlatform.Content;

namespace DataPlatform.Web.Submissions;

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

namespace DataPlatform.Content;

/// <summary>How serious a content problem is: an error leaves the page out or breaks it; a warning does not.</summary>
public enum Severity
{
    Warning,
    Error,
}

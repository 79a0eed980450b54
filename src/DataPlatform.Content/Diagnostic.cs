namespace DataPlatform.Content;

/// <summary>How serious a content problem is: an error leaves the page out or breaks it; a warning does not.</summary>
public enum Severity
{
    Warning,
    Error,
}

/// <summary>One problem found in the content folder, with the file (relative to the content root) and line.</summary>
/// <remarks><c>Code</c> is stable and machine-readable, such as <c>front-matter-yaml</c>.</remarks>
public sealed record Diagnostic(Severity Severity, string Code, string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Severity.ToString().ToLowerInvariant()} {Code}: {Message}";
}

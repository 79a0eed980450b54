namespace DataPlatform.Content;

/// <summary>One problem found in the content folder, with the file (relative to the content root) and line.</summary>
/// <remarks><c>Code</c> is stable and machine-readable, such as <c>front-matter-yaml</c>.</remarks>
public sealed record Diagnostic(Severity Severity, string Code, string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Severity.ToString().ToLowerInvariant()} {Code}: {Message}";
}

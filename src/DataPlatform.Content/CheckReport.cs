namespace DataPlatform.Content;

/// <summary>What a content check found.</summary>
public sealed record CheckReport(string Root, int Pages, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<TranslationRow> Translations)
{
    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);

    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);
}

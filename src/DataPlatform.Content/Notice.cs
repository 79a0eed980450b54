namespace DataPlatform.Content;

/// <summary>A site-wide notice (a maintenance window, say) shown on every page between <see cref="Start"/> and <see cref="End"/>.</summary>
public sealed record Notice(string Id, DateTimeOffset Start, DateTimeOffset End, NoticeSeverity Severity, IReadOnlyDictionary<string, string> Text)
{
    public bool IsActive(DateTimeOffset now) => Start <= now && now < End;

    /// <summary>The text in a language, falling back to the other one.</summary>
    public string TextFor(SiteLanguage language) =>
        Text.GetValueOrDefault(language.Code) ?? Text.GetValueOrDefault(language.Other.Code) ?? "";
}

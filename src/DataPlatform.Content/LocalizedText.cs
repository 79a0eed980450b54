namespace DataPlatform.Content;

/// <summary>Prose in both languages; a missing Swedish text falls back to English.</summary>
public sealed class LocalizedText
{
    public string? En { get; set; }
    public string? Sv { get; set; }

    public string For(SiteLanguage language) => (language == SiteLanguage.Swedish ? Sv : En) ?? En ?? Sv ?? "";

    public bool IsTranslated(SiteLanguage language) => language == SiteLanguage.Swedish ? Sv is not null : En is not null;
}

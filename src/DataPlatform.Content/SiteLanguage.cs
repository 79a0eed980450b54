using System.Globalization;

namespace DataPlatform.Content;

/// <summary>A language the portal serves. English is the default and lives at the site root; Swedish lives under <c>/sv/</c>. Its dates and numbers follow <c>CultureName</c> (British English for English).</summary>
public sealed record SiteLanguage(string Code, string UrlPrefix, string NativeName, string CultureName)
{
    public static readonly SiteLanguage English = new("en", "", "English", "en-GB");
    public static readonly SiteLanguage Swedish = new("sv", "/sv", "Svenska", "sv-SE");

    /// <summary>The culture of <see cref="CultureName"/>: the one place a language becomes a culture.</summary>
    public CultureInfo Culture => CultureInfo.GetCultureInfo(CultureName);

    /// <summary>The Open Graph locale (<c>sv_SE</c>).</summary>
    public string Locale => CultureName.Replace('-', '_');

    public static IReadOnlyList<SiteLanguage> All { get; } = [English, Swedish];

    public static SiteLanguage Default => English;

    public static SiteLanguage? Find(string code) =>
        All.FirstOrDefault(l => string.Equals(l.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>The other language of the pair, used for the switcher and for fallbacks.</summary>
    public SiteLanguage Other => this == English ? Swedish : English;

    /// <summary>The language a request path belongs to: <c>/sv</c> and <c>/sv/…</c> are Swedish, everything else English.</summary>
    public static SiteLanguage FromPath(string path) =>
        path.Equals("/sv", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/sv/", StringComparison.OrdinalIgnoreCase)
            ? Swedish
            : English;

    /// <summary>Prefixes a language-neutral path such as <c>/about/</c> with this language's prefix.</summary>
    public string Localize(string path) => UrlPrefix + (path.StartsWith('/') ? path : "/" + path);

    /// <summary>Removes this language's prefix, giving the language-neutral path.</summary>
    public string Neutral(string path) =>
        UrlPrefix.Length > 0 && path.StartsWith(UrlPrefix, StringComparison.OrdinalIgnoreCase)
            ? (path.Length == UrlPrefix.Length ? "/" : path[UrlPrefix.Length..])
            : path;
}

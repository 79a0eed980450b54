using DataPlatform.Content;
using DataPlatform.Web.Site;

namespace DataPlatform.Web.Catalogs;

/// <summary>What a visitor filters a catalogue by, from plain query-string values.</summary>
public sealed class CatalogFilter : IListFilter
{
    public string? Audience { get; set => field = QueryValues.Blank(value); }

    /// <summary>The entry's type (services, resources) or category (data sources).</summary>
    public string? Kind { get; set => field = QueryValues.Blank(value); }

    public string? Keyword { get; set => field = QueryValues.Blank(value); }

    public string? Access { get; set => field = QueryValues.Blank(value); }

    /// <summary>Words in the name, description, keywords or provider (at most <see cref="FilterProblem.MaximumWordsLength"/> characters).</summary>
    public string? Q { get; set => field = QueryValues.Blank(value); }

    /// <summary>The words of <see cref="Q"/> as <see cref="TextQuery"/> matches them, made once per request.</summary>
    private string[] QueryWords => field ??= TextQuery.Prepare(Q);

    public bool IsEmpty => Audience is null && Kind is null && Keyword is null && Access is null && Q is null;

    /// <summary>What cannot be understood; empty when all is. (A value no entry has is understood: it matches nothing, and its chip removes it.)</summary>
    public IReadOnlyList<FilterProblem> Problems() => FilterProblem.WordsTooLong(Q) is { } tooLong ? [tooLong] : [];

    /// <summary>Whether the entry passes every choice, or every choice but the facet <paramref name="except"/> (to count that facet's values).</summary>
    public bool Matches(CatalogEntry entry, SiteLanguage language, string? except = null) =>
        (except == "audience" || Audience is null || entry.Audience.Contains(Audience, StringComparer.OrdinalIgnoreCase))
        && (except == "kind" || Kind is null || string.Equals(KindOf(entry), Kind, StringComparison.OrdinalIgnoreCase))
        && (except == "keyword" || Keyword is null || entry.Keywords.Contains(Keyword, StringComparer.OrdinalIgnoreCase))
        && (except == "access" || Access is null || string.Equals(entry.Access, Access, StringComparison.OrdinalIgnoreCase))
        && (Q is null || TextQuery.Matches(QueryWords, entry.SearchText(language)));

    /// <summary>The entry's type (services, resources) or category (data sources).</summary>
    public static string? KindOf(CatalogEntry entry) => entry.Type ?? entry.Category;

    public IEnumerable<KeyValuePair<string, string?>> ToQuery() =>
        [new("audience", Audience), new("kind", Kind), new("keyword", Keyword), new("access", Access), new("q", Q)];
}

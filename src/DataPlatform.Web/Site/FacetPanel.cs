namespace DataPlatform.Web.Site;

/// <summary>
/// Everything one list's filters show (<c>_Facets.cshtml</c>, <c>_ActiveFilters.cshtml</c>): the facets, the choices in
/// force (the facets' and others such as the search words), the count, the link that clears all, and the exports of
/// exactly what is chosen.
/// </summary>
public sealed record FacetPanel(string Label, IReadOnlyList<Facet> Facets, string ClearUrl)
{
    /// <summary>Choices that are not a facet's value (the words searched for).</summary>
    public IReadOnlyList<ActiveFilter> Others { get; init; } = [];

    /// <summary>"12 of 300 publications", in the page's language.</summary>
    public string CountText { get; init; } = "";

    /// <summary>Format → URL of the export of exactly this view; none when nothing matches.</summary>
    public IReadOnlyList<(string Format, string Url)> Exports { get; init; } = [];

    /// <summary>Every choice in force, facets' first.</summary>
    public IReadOnlyList<ActiveFilter> Active =>
        [.. Facets.SelectMany(f => f.Values.Where(v => v.Selected).Select(v => new ActiveFilter(f.Title, v.Label, v.Url))), .. Others];

    /// <summary>The one rule for which facets start open: the first two, and any with a choice.</summary>
    public bool StartsOpen(Facet facet) => Facets.Take(2).Contains(facet) || facet.Values.Any(v => v.Selected);
}

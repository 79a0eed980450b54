namespace DataPlatform.Web.Site;

/// <summary>One value of a facet with how many records it would show, and the link that adds or removes it.</summary>
public sealed record FacetValue(string Value, string Label, int Count, bool Selected, string Url);

/// <summary>A facet: a group of values to filter by (a year, a type, a label group, a repository…).</summary>
public sealed record Facet(string Key, string Title, IReadOnlyList<FacetValue> Values)
{
    /// <summary>
    /// The facet's values, most records first, with every chosen value kept even when it counts nothing now: a choice
    /// never disappears from the page, so it can always be removed on its own.
    /// </summary>
    /// <param name="key">The query-string key.</param>
    /// <param name="title">The heading, in the page's language.</param>
    /// <param name="counts">Value → how many records it would show under the other choices.</param>
    /// <param name="chosen">The values chosen now.</param>
    /// <param name="label">What a value is called on the page (a Swedish name, a type's words).</param>
    /// <param name="url">The link for a value: true when it is chosen (the link removes it), false when not (it adds it).</param>
    /// <param name="order">How values sort, or null for most records first, then by label.</param>
    /// <param name="keepEmpty">Show values that count nothing now too (a fixed set, such as a table's statuses).</param>
    public static Facet Of(string key, string title, IReadOnlyDictionary<string, int> counts, IReadOnlyCollection<string> chosen,
        Func<string, string> label, Func<string, bool, string> url, IComparer<string>? order = null, bool keepEmpty = false)
    {
        var isChosen = new HashSet<string>(chosen, StringComparer.OrdinalIgnoreCase);
        var values = counts.Where(c => keepEmpty || c.Value > 0 || isChosen.Contains(c.Key)).Select(c => c.Key)
            .Concat(chosen.Where(c => !counts.ContainsKey(c)))
            .Distinct(StringComparer.OrdinalIgnoreCase);
        var sorted = order is null
            ? values.OrderByDescending(v => counts.GetValueOrDefault(v)).ThenBy(label, StringComparer.CurrentCultureIgnoreCase)
            : values.Order(order);
        return new Facet(key, title, sorted.Select(v => new FacetValue(v, label(v), counts.GetValueOrDefault(v), isChosen.Contains(v), url(v, isChosen.Contains(v)))).ToList());
    }

    /// <summary>How many records carry each value (a record's values each count once), ignoring case as the filters do.</summary>
    public static Dictionary<string, int> Count(IEnumerable<string> values) =>
        values.GroupBy(v => v, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);

    /// <summary>The chosen value of a single-choice facet as the collection <see cref="Of"/> takes.</summary>
    public static IReadOnlyCollection<string> Chosen(string? value) => value is null ? [] : [value];
}

/// <summary>A choice in force, as the active-filters line shows it: what it is and the link that removes just it.</summary>
public sealed record ActiveFilter(string Title, string Label, string RemoveUrl)
{
    /// <summary>The words searched for (<c>q</c>), when there are any, as a choice that the link without <c>q</c> removes.</summary>
    public static IReadOnlyList<ActiveFilter> Words(IListFilter filter, string? words, string title, string baseUrl) =>
        words is null ? [] : [new ActiveFilter(title, words, baseUrl + filter.ToQueryString([new("q", null)]))];
}

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

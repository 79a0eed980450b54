namespace DataPlatform.Web.Site;

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

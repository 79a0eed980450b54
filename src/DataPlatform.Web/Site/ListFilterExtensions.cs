namespace DataPlatform.Web.Site;

public static class ListFilterExtensions
{
    /// <summary>
    /// The filter as a query string (<c>?type=workshop&amp;mode=online</c>, or empty), built by the framework's encoder.
    /// Keys in <paramref name="replacing"/> replace all of the filter's values of that key; a null value removes them.
    /// </summary>
    public static string ToQueryString(this IListFilter filter, params IEnumerable<KeyValuePair<string, string?>> replacing)
    {
        var replaced = replacing.ToLookup(r => r.Key, StringComparer.Ordinal);
        var values = new List<KeyValuePair<string, string?>>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        // In the filter's own order, so a link differs from the page's URL only where it changes a value.
        foreach (var pair in filter.ToQuery().Concat(replaced.SelectMany(r => r)))
        {
            if (!replaced.Contains(pair.Key))
            {
                values.Add(pair);
            }
            else if (done.Add(pair.Key))
            {
                values.AddRange(replaced[pair.Key]);
            }
        }
        return QueryString.Create(values.Where(v => v.Value is not null)).Value ?? "";
    }
}

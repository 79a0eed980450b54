namespace DataPlatform.Web.Site;

/// <summary>
/// A list's filter, bound from the query string with <c>[FromQuery]</c>. Its values, as query-string pairs,
/// build the pager's, the facets' and the exports' links.
/// </summary>
public interface IListFilter
{
    /// <summary>The filter's values in URL order; null values are left out of links.</summary>
    IEnumerable<KeyValuePair<string, string?>> ToQuery();
}

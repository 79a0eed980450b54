using DataPlatform.Web.Site;

namespace DataPlatform.Web.Search;

/// <summary>What a search asks for, as the pager's links keep it.</summary>
public sealed record SearchFilter(string Query, string? Section) : IListFilter
{
    public IEnumerable<KeyValuePair<string, string?>> ToQuery() => [new("q", Query), new("section", Section)];
}

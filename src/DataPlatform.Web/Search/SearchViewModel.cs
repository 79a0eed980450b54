using DataPlatform.Web.Site;

namespace DataPlatform.Web.Search;

public sealed class SearchViewModel : LayoutViewModel
{
    public string Query { get; init; } = "";

    public string? Section { get; init; }

    /// <summary>Sections to filter by: value and title, in the page's language.</summary>
    public IReadOnlyList<(string Value, string Title)> Sections { get; init; } = [];

    public SearchResults? Results { get; init; }

    public Pager? Pager { get; init; }

    /// <summary>Why there are no results to show (empty query, only common words, too long), in the page's language.</summary>
    public string? Message { get; init; }

    /// <summary>When nothing matched: the query with unknown words replaced by the site's nearest ones, and the link that runs it.</summary>
    public (string Query, string Url)? Suggestion { get; init; }

    /// <summary>How many pages match in each section (all sections, whichever is chosen), for the tabs above the results.</summary>
    public IReadOnlyList<(string? Section, string Title, int Count, string Url)> Tabs { get; init; } = [];
}

using System.Globalization;
using DataPlatform.Content;
using DataPlatform.Web.Site;

namespace DataPlatform.Web.Outputs;

/// <summary>
/// What a visitor filters publications by, as plain query strings
/// (<c>?year=2021&amp;type=review&amp;label=Funder:+VR&amp;data=yes&amp;q=sars&amp;sort=oldest</c>). The list, its facets,
/// charts and every export use the same filter, so an export holds exactly what the page shows.
/// </summary>
public sealed class PublicationFilter : IListFilter
{
    public static readonly IReadOnlyList<string> Sorts = ["relevance", "newest", "oldest", "title"];

    /// <summary>The order in force: as chosen, else relevance when there are words to search for, else newest first.</summary>
    public string SortOrDefault => Sort ?? (TextQuery.Words(Q).Count > 0 ? "relevance" : "newest");


    public string? Year { get; set => field = QueryValues.Blank(value); }

    /// <summary>One of <see cref="PublicationTypes.All"/>.</summary>
    public string? Type { get; set => field = QueryValues.Blank(value)?.ToLowerInvariant(); }

    /// <summary>Labels as the export writes them (<c>Category: Health</c>); a publication must have every one.</summary>
    public List<string> Label { get; set; } = [];

    /// <summary><c>yes</c>: only publications with linked data.</summary>
    public string? Data { get; set => field = QueryValues.Blank(value)?.ToLowerInvariant(); }

    /// <summary>Words that must all be in the title, authors, journal or abstract.</summary>
    public string? Q { get; set => field = QueryValues.Blank(value); }

    public string? Sort { get; set => field = QueryValues.Blank(value)?.ToLowerInvariant(); }

    public bool IsEmpty => Year is null && Type is null && Labels.Count == 0 && Data is null && Q is null;

    /// <summary>The labels asked for, each once, blanks left out.</summary>
    public IReadOnlyList<string> Labels => Label.Select(QueryValues.Blank).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public int? YearNumber => int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : null;

    public IEnumerable<KeyValuePair<string, string?>> ToQuery() =>
        [new("year", Year), new("type", Type), .. Labels.Select(l => new KeyValuePair<string, string?>("label", l)), new("data", Data), new("q", Q), new("sort", Sort)];

    /// <summary>
    /// The list's query string from a record link's <c>from</c> (the filters the visitor had chosen), keeping only the
    /// list's own keys and values of a sane length: never more than a link back to the list.
    /// </summary>
    public static string ListQuery(string? from)
    {
        if (string.IsNullOrEmpty(from) || from.Length > 2000)
        {
            return "";
        }
        var pairs = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(from.StartsWith('?') ? from : "?" + from)
            .Where(pair => ListKeys.Contains(pair.Key))
            .SelectMany(pair => pair.Value.Where(v => v is { Length: > 0 and <= 200 }).Select(v => new KeyValuePair<string, string?>(pair.Key, v)));
        return QueryString.Create(pairs).Value ?? "";
    }

    /// <summary>What a record link carries back to the list: <c>?from=year%3D2021%26page%3D2</c>, nothing when the list is unfiltered.</summary>
    public string RecordLinkQuery(int page)
    {
        var query = this.ToQueryString([new("page", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null)]);
        return query.Length <= 1 ? "" : "?from=" + Uri.EscapeDataString(query[1..]);
    }

    private static readonly HashSet<string> ListKeys = new(["year", "type", "label", "data", "q", "sort", "page"], StringComparer.Ordinal);

    /// <summary>
    /// A download's name after what was chosen: <c>publications-2021-funder-vr-2026-12-06.bib</c> for the year 2021 and the
    /// label "Funder: VR" exported on that day (another <paramref name="stem"/> for a chart's numbers); at most 80 characters of
    /// choices, cut between them.
    /// </summary>
    public string FileName(DateOnly day, string format, string stem = "publications")
    {
        string?[] chosen = [Year, Type, .. Labels, Data == "yes" ? "with data" : null, Q];
        var choices = chosen.OfType<string>().Select(Slug.From).Where(s => s.Length > 0);
        var name = stem;
        foreach (var choice in choices)
        {
            if (name.Length + 1 + choice.Length > 80 + stem.Length)
            {
                break;
            }
            name += "-" + choice;
        }
        return $"{name}-{day:yyyy-MM-dd}.{format}";
    }

    /// <summary>What cannot be understood; empty when all is well.</summary>
    public IReadOnlyList<FilterProblem> Problems(ResearchOutputs outputs)
    {
        var problems = new List<FilterProblem>();
        if (Year is not null && YearNumber is not (>= 1000 and <= 9999))
        {
            problems.Add(new("The year must be a number like 2021, not “{0}”.", Year));
        }
        if (Type is not null && !PublicationTypes.All.Contains(Type))
        {
            problems.Add(new("There is no publication type “{0}”; choose one from the list.", Type));
        }
        foreach (var label in Labels)
        {
            if (DataPlatform.Content.Label.Parse(label) is null)
            {
                problems.Add(new("A label is written as Group: Value, such as Category: Health, not “{0}”.", label));
            }
            else if (!outputs.HasLabel(label))
            {
                problems.Add(new("No publication has the label “{0}”.", label));
            }
        }
        if (Data is not null && Data != "yes")
        {
            problems.Add(new("“Has linked data” is data=yes, not “{0}”.", Data));
        }
        if (FilterProblem.WordsTooLong(Q) is { } tooLong)
        {
            problems.Add(tooLong);
        }
        if (Sort is not null && !Sorts.Contains(Sort))
        {
            problems.Add(new("Sort by relevance, newest, oldest or title, not “{0}”.", Sort));
        }
        return problems;
    }
}

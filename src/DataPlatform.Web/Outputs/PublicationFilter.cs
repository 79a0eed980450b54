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

    public const int MaximumQueryLength = 200;

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

    /// <summary>What cannot be understood, as English UI strings with <c>{0}</c> for the value (localized by the caller); empty when all is well.</summary>
    public IReadOnlyList<(string Message, string Value)> Problems(ResearchOutputs outputs)
    {
        var problems = new List<(string, string)>();
        if (Year is not null && YearNumber is not (>= 1000 and <= 9999))
        {
            problems.Add(("The year must be a number like 2021, not “{0}”.", Year));
        }
        if (Type is not null && !PublicationTypes.All.Contains(Type))
        {
            problems.Add(("There is no publication type “{0}”; choose one from the list.", Type));
        }
        foreach (var label in Labels)
        {
            if (DataPlatform.Content.Label.Parse(label) is null)
            {
                problems.Add(("A label is written as Group: Value, such as Category: Health, not “{0}”.", label));
            }
            else if (!outputs.HasLabel(label))
            {
                problems.Add(("No publication has the label “{0}”.", label));
            }
        }
        if (Data is not null && Data != "yes")
        {
            problems.Add(("“Has linked data” is data=yes, not “{0}”.", Data));
        }
        if (Q is { Length: > MaximumQueryLength })
        {
            problems.Add(("The search words can be at most {0} characters.", MaximumQueryLength.ToString(CultureInfo.InvariantCulture)));
        }
        if (Sort is not null && !Sorts.Contains(Sort))
        {
            problems.Add(("Sort by relevance, newest, oldest or title, not “{0}”.", Sort));
        }
        return problems;
    }
}

/// <summary>
/// Filters publications and counts the facets in one pass. A facet's counts are those of the other filters
/// (choosing 2021 still shows how many there are from 2020), so a count is what its link will show.
/// </summary>
public sealed class PublicationQuery
{
    private const int YearBit = 1, TypeBit = 2, DataBit = 4, WordsBit = 8;

    public required IReadOnlyList<Publication> Matching { get; init; }
    public required Dictionary<int, int> Years { get; init; }
    public required Dictionary<string, int> Types { get; init; }
    public required int WithData { get; init; }

    /// <summary>Per label group, label value → count.</summary>
    public required Dictionary<string, Dictionary<string, int>> Labels { get; init; }

    public static PublicationQuery Run(ResearchOutputs outputs, PublicationFilter filter)
    {
        var groups = outputs.LabelGroups;
        // A bit per filter part; label groups from bit 4 on, so a label facet counts with the other groups' labels applied.
        int GroupBit(int group) => 16 << Math.Min(group, 26);
        var wanted = filter.Labels.Select(outputs.LabelId).ToArray();
        var words = filter.Q is null ? null : outputs.Words.Match(filter.Q);
        var year = filter.YearNumber ?? 0;
        var type = filter.Type is null ? -1 : PublicationTypes.All.ToList().IndexOf(filter.Type);
        var onlyData = filter.Data == "yes";

        var matching = new List<Publication>();
        var years = new Dictionary<int, int>();
        var types = new int[PublicationTypes.All.Count];
        var labelCounts = new int[outputs.Labels.Count];
        var withData = 0;
        for (var i = 0; i < outputs.Facts.Count; i++)
        {
            var facts = outputs.Facts[i];
            var failed = 0;
            if (year != 0 && facts.Year != year)
            {
                failed |= YearBit;
            }
            if (type >= 0 && facts.Type != type)
            {
                failed |= TypeBit;
            }
            if (onlyData && !facts.HasData)
            {
                failed |= DataBit;
            }
            foreach (var label in wanted)
            {
                if (label < 0 || Array.IndexOf(facts.Labels, label) < 0)
                {
                    failed |= label < 0 ? 1 << 30 : GroupBit(outputs.LabelGroupOf[label]);
                }
            }
            if (words is not null && !words[i])
            {
                failed |= WordsBit;
            }
            if (failed == 0)
            {
                matching.Add(outputs.Publications[i]);
            }
            if ((failed & ~YearBit) == 0 && facts.Year != 0)
            {
                years[facts.Year] = years.GetValueOrDefault(facts.Year) + 1;
            }
            if ((failed & ~TypeBit) == 0)
            {
                types[facts.Type]++;
            }
            if ((failed & ~DataBit) == 0 && facts.HasData)
            {
                withData++;
            }
            foreach (var label in facts.Labels)
            {
                if ((failed & ~GroupBit(outputs.LabelGroupOf[label])) == 0)
                {
                    labelCounts[label]++;
                }
            }
        }
        var labels = groups.ToDictionary(g => g, _ => new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
        for (var label = 0; label < labelCounts.Length; label++)
        {
            if (labelCounts[label] > 0)
            {
                labels[groups[outputs.LabelGroupOf[label]]][outputs.Labels[label].Value] = labelCounts[label];
            }
        }
        var typeCounts = PublicationTypes.All.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => types[x.i]);
        if (filter.SortOrDefault == "relevance" && filter.Q is { } q)
        {
            matching = Relevance(matching, q);
        }
        else if (filter.Sort == "oldest")
        {
            matching.Reverse();
        }
        else if (filter.Sort == "title")
        {
            matching.Sort((a, b) => StringComparer.CurrentCultureIgnoreCase.Compare(a.Title, b.Title));
        }
        return new PublicationQuery { Matching = matching, Years = years, Types = typeCounts, WithData = withData, Labels = labels };
    }

    /// <summary>
    /// Records whose title holds the words first (each word in the title counts three), then those holding them spelled
    /// exactly as typed (accents and all) above those that match only folded; ties keep newest first.
    /// </summary>
    private static List<Publication> Relevance(List<Publication> matching, string q)
    {
        var words = TextQuery.Prepare(q);
        var typed = q.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(w => w.Any(char.IsLetterOrDigit)).ToArray();
        int Score(Publication p) =>
            words.Sum(w => p.TitleSearchText.Contains(w, StringComparison.Ordinal) ? 3 : 0) + typed.Sum(w => p.Title.Contains(w, StringComparison.OrdinalIgnoreCase) ? 1 : 0);
        return [.. matching.OrderByDescending(Score)];
    }
}

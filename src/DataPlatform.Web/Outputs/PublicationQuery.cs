using DataPlatform.Content;

namespace DataPlatform.Web.Outputs;

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

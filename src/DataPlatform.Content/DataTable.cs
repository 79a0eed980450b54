using System.Globalization;

namespace DataPlatform.Content;

/// <summary>
/// A <c>datatable</c> shortcode's table, prepared when content loads: every cell formatted, every facet's values
/// listed, the search text built. Filtering, sorting and paging per request work on the prepared rows
/// (<see cref="Query"/>); only the status of a row depends on the day, and it is computed then.
/// </summary>
public sealed class DataTable : PageEmbed
{
    public required string Caption { get; init; }

    /// <summary>The data file, relative to the content folder (shown to editors and in downloads' names).</summary>
    public required string Source { get; init; }

    public required IReadOnlyList<DataField> Fields { get; init; }

    /// <summary>Field indexes of the columns, in order.</summary>
    public required IReadOnlyList<int> Columns { get; init; }

    /// <summary>Field indexes of the facets, in order.</summary>
    public required IReadOnlyList<int> Facets { get; init; }

    /// <summary>Every facet's values, in order (field index → values).</summary>
    public required IReadOnlyDictionary<int, IReadOnlyList<string>> FacetValues { get; init; }

    public required IReadOnlyList<int> SearchFields { get; init; }

    public DataSort? DefaultSort { get; init; }

    /// <summary>The start and end date fields of <c>status="start..end"</c>, when given.</summary>
    public (int Start, int End)? Status { get; init; }

    public required IReadOnlyList<DataRow> Rows { get; init; }

    public int FieldIndex(string key)
    {
        for (var i = 0; i < Fields.Count; i++)
        {
            if (string.Equals(Fields[i].Key, key, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>A row's status on <paramref name="today"/> (Stockholm's date): before its start, between, after its end.</summary>
    public RowStatus StatusOf(DataRow row, DateOnly today)
    {
        if (Status is not { } status)
        {
            return RowStatus.Undated;
        }
        var (start, end) = (row.Cells[status.Start].Date, row.Cells[status.End].Date);
        return start is null && end is null ? RowStatus.Undated
            : start > today ? RowStatus.Upcoming
            : end < today ? RowStatus.Ended
            : RowStatus.Ongoing;
    }

    /// <summary>The rows a query selects, sorted, with every facet's counts (each counted under the other facets' choices).</summary>
    public DataTableResult Query(DataTableQuery query, DateOnly today)
    {
        var words = TextQuery.Prepare(query.Text);
        var statuses = Status is null ? null : Rows.Select(r => StatusOf(r, today)).ToArray();
        var chosen = Facets.Select(f => query.Facets.TryGetValue(Fields[f].Key, out var values) && values.Count > 0 ? values.ToHashSet(StringComparer.Ordinal) : null).ToArray();

        // Which facet (or the status, index Facets.Count) each row fails; a row failing two is counted nowhere.
        var counts = Facets.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        var statusCounts = new Dictionary<RowStatus, int>();
        var selected = new List<int>();
        for (var r = 0; r < Rows.Count; r++)
        {
            var row = Rows[r];
            if (!TextQuery.Matches(words, row.SearchText))
            {
                continue;
            }
            var failing = -1;
            var failures = 0;
            for (var f = 0; f < Facets.Count && failures < 2; f++)
            {
                if (chosen[f] is { } values && !row.Cells[Facets[f]].Values.Any(values.Contains))
                {
                    failing = f;
                    failures++;
                }
            }
            if (statuses is not null && query.Status is { } wanted && statuses[r] != wanted && failures < 2)
            {
                failing = Facets.Count;
                failures++;
            }
            if (failures == 0)
            {
                selected.Add(r);
            }
            if (failures > 1)
            {
                continue;
            }
            for (var f = 0; f < Facets.Count; f++)
            {
                if (failures == 0 || failing == f)
                {
                    foreach (var value in row.Cells[Facets[f]].Values.Distinct(StringComparer.Ordinal))
                    {
                        counts[f][value] = counts[f].GetValueOrDefault(value) + 1;
                    }
                }
            }
            if (statuses is not null && (failures == 0 || failing == Facets.Count))
            {
                statusCounts[statuses[r]] = statusCounts.GetValueOrDefault(statuses[r]) + 1;
            }
        }

        var sort = query.Sort ?? DefaultSort;
        if (sort is { } order)
        {
            var comparison = Compare(order.Field, order.Descending);
            // Ties keep the file's order, whichever the direction.
            selected.Sort((a, b) => comparison(Rows[a], Rows[b]) is var c && c != 0 ? c : a.CompareTo(b));
        }
        return new DataTableResult(selected.Select(i => Rows[i]).ToList(), counts, statusCounts, statuses is null ? null : selected.Select(i => statuses[i]).ToList(), sort);
    }

    /// <summary>Numbers as numbers, dates as dates, text in Swedish alphabetical order (å, ä, ö last); empty cells last either way.</summary>
    private static Comparison<DataRow> Compare(int field, bool descending) => (a, b) =>
    {
        var (x, y) = (a.Cells[field], b.Cells[field]);
        if (x.Text.Length == 0 || y.Text.Length == 0)
        {
            return (x.Text.Length == 0).CompareTo(y.Text.Length == 0);
        }
        var order = x.Date is { } dx && y.Date is { } dy ? dx.CompareTo(dy)
            : x.Number is { } nx && y.Number is { } ny ? nx.CompareTo(ny)
            : Collation.Compare(x.Text, y.Text, CompareOptions.IgnoreCase);
        return descending ? -order : order;
    };

    private static readonly CompareInfo Collation = CultureInfo.GetCultureInfo("sv-SE").CompareInfo;
}

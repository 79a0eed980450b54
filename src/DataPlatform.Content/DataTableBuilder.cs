using System.Globalization;

namespace DataPlatform.Content;

/// <summary>Builds a <see cref="DataTable"/> from a <c>datatable</c> shortcode and its data file, reporting what is wrong with either.</summary>
public static class DataTableBuilder
{
    public static DataTable? Build(EmbedRequest request, string id, string source, DataDocument document, SiteLanguage language, Action<string> warn)
    {
        var (rows, error) = document.Rows(request.Arg("rows"));
        if (error is not null)
        {
            warn($"datatable '{id}': {source} cannot be shown: {error}.");
            return null;
        }
        var columns = Pairs(request.Arg("columns"));
        if (columns.Count == 0)
        {
            // Without columns, every key the rows have, in the order first seen.
            columns = rows.SelectMany(r => r.Keys).Distinct(StringComparer.Ordinal).Select(k => (k, k)).ToList();
        }
        var fields = new List<DataField>();
        int Field(string key, string? heading = null)
        {
            var index = fields.FindIndex(f => string.Equals(f.Key, key, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                return index;
            }
            fields.Add(new DataField(key, heading ?? key));
            return fields.Count - 1;
        }
        var columnFields = columns.Select(c => Field(c.Key, c.Heading)).ToList();
        // A filter may name its heading (filters="pi_affiliation=Affiliation"); else a column's heading, else its key.
        var facetFields = Pairs(request.Arg("filters")).Select(p => Field(p.Key, p.Heading)).ToList();
        var searchFields = Keys(request.Arg("search")).Select(k => Field(k)).ToList();
        DataSort? sort = null;
        if (request.Arg("sort") is { } sortArg)
        {
            var parts = sortArg.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            sort = new DataSort(Field(parts[0]), parts.Length > 1 && parts[1].Equals("desc", StringComparison.OrdinalIgnoreCase));
        }
        (int, int)? status = null;
        if (request.Arg("status") is { } statusArg)
        {
            var range = statusArg.Split("..", StringSplitOptions.TrimEntries);
            if (range.Length == 2 && range[0].Length > 0 && range[1].Length > 0)
            {
                status = (Field(range[0]), Field(range[1]));
            }
            else
            {
                warn($"datatable '{id}': status=\"{statusArg}\" should name a start and an end key, like status=\"startdate..enddate\"; no status is shown.");
            }
        }

        foreach (var field in fields.Where(f => !rows.Any(r => DataDocument.Has(r, f.Key))))
        {
            warn($"datatable '{id}': no row of {source} has '{field.Key}'{Suggest(field.Key, rows)}; it stays empty.");
        }
        var culture = language.Culture;
        var kinds = fields.Select(_ => new Dictionary<string, (int Count, int FirstRow)>(StringComparer.Ordinal)).ToArray();
        var prepared = new List<DataRow>(rows.Count);
        for (var r = 0; r < rows.Count; r++)
        {
            var cells = new DataCell[fields.Count];
            for (var f = 0; f < fields.Count; f++)
            {
                var value = DataDocument.Lookup(rows[r], fields[f].Key);
                cells[f] = Cell(value, culture);
                var kind = KindOf(value);
                kinds[f][kind] = kinds[f].TryGetValue(kind, out var seen) ? (seen.Count + 1, seen.FirstRow) : (1, r + 1);
            }
            prepared.Add(new DataRow(cells, TextQuery.Searchable((searchFields.Count > 0 ? searchFields : columnFields).Select(f => cells[f].Text)), r + 1));
        }
        for (var f = 0; f < fields.Count; f++)
        {
            var present = kinds[f].Where(k => k.Key != "empty").ToList();
            if (present.Count > 1)
            {
                var minority = present.OrderBy(k => k.Value.Count).First();
                warn($"datatable '{id}': '{fields[f].Key}' in {source} holds {string.Join(" and ", present.OrderByDescending(k => k.Value.Count).Select(k => $"{k.Key} ({k.Value.Count} {(k.Value.Count == 1 ? "row" : "rows")})"))}; " +
                    $"the first of the {minority.Key} is in row {minority.Value.FirstRow}. All are shown as text.");
            }
            if (present.Count > 0 && kinds[f].TryGetValue("empty", out var empty))
            {
                warn($"datatable '{id}': '{fields[f].Key}' is missing or empty in {empty.Count} of {rows.Count} rows of {source} (first: row {empty.FirstRow}).");
            }
        }
        return new DataTable
        {
            Id = id,
            Index = request.Index,
            Caption = request.Arg("title") ?? request.Arg("caption") ?? id,
            Source = source,
            Fields = fields,
            Columns = columnFields,
            Facets = facetFields,
            FacetValues = facetFields.Distinct().ToDictionary(f => f, f => (IReadOnlyList<string>)prepared.SelectMany(r => r.Cells[f].Values).Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), ignoreCase: true)).ToList()),
            SearchFields = searchFields,
            DefaultSort = sort,
            Status = status,
            Rows = prepared,
        };
    }

    /// <summary><c>a=Heading A, b</c> as (key, heading) pairs; a key without a heading is its own heading.</summary>
    private static List<(string Key, string Heading)> Pairs(string? arg) =>
        (arg ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2, StringSplitOptions.TrimEntries) is var kv && kv.Length == 2 ? (kv[0], kv[1]) : (kv[0], kv[0]))
            .Where(p => p.Item1.Length > 0).ToList();

    private static List<string> Keys(string? arg) => (arg ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static string Suggest(string key, IReadOnlyList<IReadOnlyDictionary<string, object?>> rows)
    {
        var near = rows.Take(100).SelectMany(r => r.Keys).Distinct(StringComparer.Ordinal)
            .FirstOrDefault(k => k.Contains(key, StringComparison.OrdinalIgnoreCase) || key.Contains(k, StringComparison.OrdinalIgnoreCase)
                || string.Equals(k.Replace("_", ""), key.Replace("_", ""), StringComparison.OrdinalIgnoreCase));
        return near is null ? "" : $" (did you mean '{near}'?)";
    }

    private static string KindOf(object? value) => value switch
    {
        null => "empty",
        string s when s.Length == 0 => "empty",
        string s when IsoDate(s) is not null => "dates",
        string => "text",
        double => "numbers",
        bool => "yes/no values",
        List<object?> => "lists",
        _ => "objects",
    };

    public static DataCell Cell(object? value, CultureInfo culture)
    {
        switch (value)
        {
            case null:
                return DataCell.Empty;
            case string s:
                s = s.Trim();
                if (IsoDate(s) is { } date)
                {
                    return new DataCell(date.ToString("d MMMM yyyy", culture), s, [s], null, date, false);
                }
                var number = double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : (double?)null;
                return new DataCell(s, s, s.Length == 0 ? [] : [s], number, null, IsUrl(s));
            case double d:
                var text = d.ToString(CultureInfo.InvariantCulture);
                return new DataCell(d.ToString("#,0.############", culture), text, [text], d, null, false);
            case bool b:
                var yesNo = b ? "true" : "false";
                return new DataCell(yesNo, yesNo, [yesNo], null, null, false);
            case List<object?> list:
                var items = list.Select(v => Cell(v, culture)).Where(c => c.Text.Length > 0).ToList();
                return new DataCell(string.Join(", ", items.Select(c => c.Text)), string.Join("; ", items.Select(c => c.Raw)), items.Select(c => c.Text).Distinct(StringComparer.Ordinal).ToArray(),
                    null, null, false);
            case Dictionary<string, object?> map:
                var joined = string.Join(", ", map.Select(kv => $"{kv.Key}: {Cell(kv.Value, culture).Text}"));
                return new DataCell(joined, joined, [joined], null, null, false);
            default:
                return DataCell.Empty;
        }
    }

    /// <summary>An ISO 8601 date (<c>2024-05-31</c>, or a date-time whose date part is used).</summary>
    public static DateOnly? IsoDate(string text) =>
        text.Length >= 10 && text[4] == '-' && text[7] == '-' && (text.Length == 10 || text[10] is 'T' or ' ')
        && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static bool IsUrl(string text) =>
        (text.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        && !text.Contains(' ', StringComparison.Ordinal) && Uri.TryCreate(text, UriKind.Absolute, out _);
}

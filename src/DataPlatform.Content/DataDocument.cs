namespace DataPlatform.Content;

/// <summary>
/// A data file read as rows of named values, for tables and charts. Values are <c>null</c>, <c>string</c>, <c>double</c>,
/// <c>bool</c>, lists (<c>List&lt;object?&gt;</c>) and objects (<c>Dictionary&lt;string, object?&gt;</c>); YAML and CSV
/// scalars stay strings (a number in them is recognised where it is shown or sorted).
/// </summary>
public sealed record DataDocument(object? Root, string? Error, int ErrorLine)
{
    /// <summary>The rows: the file's array of objects, or the array an object holds (<paramref name="property"/> names it when it holds several).</summary>
    public (IReadOnlyList<IReadOnlyDictionary<string, object?>> Rows, string? Error) Rows(string? property)
    {
        var list = Root switch
        {
            List<object?> array when property is null => array,
            Dictionary<string, object?> map when property is not null => map.TryGetValue(property, out var named) ? named as List<object?> : null,
            Dictionary<string, object?> map => map.Values.OfType<List<object?>>().Count() == 1 ? map.Values.OfType<List<object?>>().Single() : null,
            _ => null,
        };
        if (list is null)
        {
            var lists = Root is Dictionary<string, object?> m ? m.Where(kv => kv.Value is List<object?>).Select(kv => kv.Key).ToList() : [];
            return ([], property is not null ? $"it has no list named '{property}'{(lists.Count > 0 ? $" (it has: {string.Join(", ", lists)})" : "")}"
                : lists.Count > 1 ? $"it holds several lists ({string.Join(", ", lists)}): name one with rows=\"…\""
                : "it holds no list of rows (an array of objects, or an object holding one)");
        }
        var rows = new List<IReadOnlyDictionary<string, object?>>(list.Count);
        foreach (var item in list)
        {
            if (item is not Dictionary<string, object?> row)
            {
                return ([], $"row {rows.Count + 1} is not an object with named values");
            }
            rows.Add(row);
        }
        return (rows, null);
    }

    /// <summary>The value at a dotted path (<c>journal.title</c>) in a row, or null.</summary>
    public static object? Lookup(IReadOnlyDictionary<string, object?> row, string path) => TryLookup(row, path, out var value) ? value : null;

    /// <summary>Whether any row has a value (even null) at the path.</summary>
    public static bool Has(IReadOnlyDictionary<string, object?> row, string path) => TryLookup(row, path, out _);

    /// <summary>The key as written (<c>journal.title</c> may be one key), else the path through nested objects.</summary>
    private static bool TryLookup(IReadOnlyDictionary<string, object?> row, string path, out object? value)
    {
        if (row.TryGetValue(path, out value))
        {
            return true;
        }
        object? current = row;
        foreach (var part in path.Split('.'))
        {
            if (current is not IReadOnlyDictionary<string, object?> map || !map.TryGetValue(part, out current))
            {
                value = null;
                return false;
            }
        }
        value = current;
        return true;
    }
}

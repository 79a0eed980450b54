using System.Globalization;
using DataPlatform.Content;
using DataPlatform.Web.Site;
using Microsoft.Extensions.Localization;

namespace DataPlatform.Web.Content;

/// <summary>
/// One data table's part of the query string: every key starts with the table's id (<c>projects-funder=Formas</c>,
/// <c>projects-q</c>, <c>projects-sort=-enddate</c>, <c>projects-status</c>, <c>projects-page</c>), so two tables on a
/// page do not interfere. The other tables' values are kept in every link this one makes.
/// </summary>
public sealed class DataTableFilter : IListFilter
{
    public const int MaxTextLength = 200;

    public required DataTable Table { get; init; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Facets { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public string? Text { get; init; }

    public DataSort? Sort { get; init; }

    public RowStatus? Status { get; init; }

    public int? Page { get; init; }

    /// <summary>csv or json: a download of the selected rows instead of the page.</summary>
    public string? Format { get; init; }

    /// <summary>What could not be understood, in the visitor's language; the rest of the query still applies.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>The query-string values that belong to other tables or to the page.</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Others { get; init; } = [];

    public string Key(string name) => Table.Id + "-" + name;

    public DataTableQuery ToTableQuery() => new(Facets, Text, Sort, Status);

    public IEnumerable<KeyValuePair<string, string?>> ToQuery()
    {
        foreach (var pair in Others)
        {
            yield return pair;
        }
        foreach (var (key, values) in Facets)
        {
            foreach (var value in values)
            {
                yield return new(Key(key), value);
            }
        }
        yield return new(Key("q"), Text);
        yield return new(Key("status"), Status?.ToString().ToLowerInvariant());
        yield return new(Key("sort"), Sort is { } sort ? SortValue(sort) : null);
    }

    public string SortValue(DataSort sort) => (sort.Descending ? "-" : "") + Table.Fields[sort.Field].Key;

    /// <summary>
    /// Reads this table's values from the query string; what does not fit goes to <see cref="Problems"/>. Of the rest, only
    /// the values of the page's other tables (<paramref name="pageTables"/>, their ids) are kept for this table's links:
    /// anything else is read by nothing, and copying it into every link let 7 KB of query make a 318 KB page.
    /// </summary>
    public static DataTableFilter Parse(DataTable table, IQueryCollection query, IReadOnlyCollection<string> pageTables, IStringLocalizer t)
    {
        var prefix = table.Id + "-";
        var errors = new List<string>();
        var facets = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        var others = new List<KeyValuePair<string, string?>>();
        string? text = null, format = null;
        DataSort? sort = null;
        RowStatus? status = null;
        int? page = null;
        foreach (var (key, values) in query)
        {
            if (!key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                if (pageTables.Any(id => key.StartsWith(id + "-", StringComparison.OrdinalIgnoreCase)))
                {
                    others.AddRange(values.Select(v => new KeyValuePair<string, string?>(key, v)));
                }
                continue;
            }
            var name = key[prefix.Length..];
            var value = values.ToString();
            switch (name.ToLowerInvariant())
            {
                case "q":
                    if (value.Length > MaxTextLength)
                    {
                        errors.Add(t["The search text is longer than {0} characters.", MaxTextLength]);
                    }
                    else
                    {
                        text = value.Trim() is { Length: > 0 } trimmed ? trimmed : null;
                    }
                    break;
                case "sort":
                    var descending = value.StartsWith('-');
                    var field = table.FieldIndex(value.TrimStart('-'));
                    if (field < 0 || !table.Columns.Contains(field))
                    {
                        errors.Add(t["This table cannot be sorted by “{0}”.", value]);
                    }
                    else
                    {
                        sort = new DataSort(field, descending);
                    }
                    break;
                case "status" when table.Status is not null:
                    if (Enum.TryParse<RowStatus>(value, ignoreCase: true, out var parsed) && parsed != RowStatus.Undated && value.All(char.IsLetter))
                    {
                        status = parsed;
                    }
                    else
                    {
                        errors.Add(t["“{0}” is not a status: choose upcoming, ongoing or ended.", value]);
                    }
                    break;
                case "page":
                    if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                    {
                        page = number;
                    }
                    else
                    {
                        errors.Add(t["“{0}” is not a page number.", value]);
                    }
                    break;
                case "format":
                    if (value is "csv" or "json")
                    {
                        format = value;
                    }
                    else
                    {
                        errors.Add(t["“{0}” is not a download format: choose csv or json.", value]);
                    }
                    break;
                default:
                    var facet = table.Facets.FirstOrDefault(f => string.Equals(table.Fields[f].Key, name, StringComparison.OrdinalIgnoreCase), -1);
                    if (facet < 0)
                    {
                        errors.Add(t["This table has no filter “{0}”.", name]);
                        break;
                    }
                    var known = table.FacetValues[facet];
                    var chosen = new List<string>();
                    foreach (var v in values)
                    {
                        if (v is not null && known.Contains(v, StringComparer.Ordinal))
                        {
                            chosen.Add(v);
                        }
                        else
                        {
                            errors.Add(t["No row has “{0}” as {1}.", v ?? "", table.Fields[facet].Heading]);
                        }
                    }
                    if (chosen.Count > 0)
                    {
                        facets[table.Fields[facet].Key] = chosen;
                    }
                    break;
            }
        }
        return new DataTableFilter { Table = table, Facets = facets, Text = text, Sort = sort, Status = status, Page = page, Format = format, Problems = errors, Others = others };
    }
}

using System.Globalization;
using System.Text.Json;
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
    public IReadOnlyList<string> Errors { get; init; } = [];

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
    /// Reads this table's values from the query string; what does not fit goes to <see cref="Errors"/>. Of the rest, only
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
        return new DataTableFilter { Table = table, Facets = facets, Text = text, Sort = sort, Status = status, Page = page, Format = format, Errors = errors, Others = others };
    }
}

/// <summary>A data table as one request shows it: the filter, the selected rows, this page of them, and the links.</summary>
public sealed class DataTableView
{
    public required DataTableFilter Filter { get; init; }

    public required DataTableResult Result { get; init; }

    /// <summary>The page of rows shown: the first when the one asked for is not there (<see cref="PageMissing"/>).</summary>
    public required Pager Pager { get; init; }

    /// <summary>The page number asked for is outside the table: the page answers 404 and says so above the first page.</summary>
    public bool PageMissing { get; init; }

    public required string PageUrl { get; init; }

    public DataTable Table => Filter.Table;

    /// <summary>This page's rows with their statuses (when the table has a status column).</summary>
    public IEnumerable<(DataRow Row, RowStatus Status)> PageRows()
    {
        var (skip, take) = (Pager.Skip, Pager.PageSize);
        for (var i = skip; i < Math.Min(skip + take, Result.Rows.Count); i++)
        {
            yield return (Result.Rows[i], Result.Statuses?[i] ?? RowStatus.Undated);
        }
    }

    /// <summary>A link to this page with some of the table's values replaced (and back to its first page).</summary>
    public string Link(params (string Name, string? Value)[] replacing) =>
        PageUrl + Filter.ToQueryString(replacing.Select(r => new KeyValuePair<string, string?>(Filter.Key(r.Name), r.Value)).Append(new(Filter.Key("page"), null))) + "#" + Table.Id;

    /// <summary>A link that toggles one facet value on or off, keeping the others.</summary>
    public string FacetLink(int field, string value)
    {
        var key = Table.Fields[field].Key;
        var current = Filter.Facets.TryGetValue(key, out var values) ? values : [];
        var next = current.Contains(value, StringComparer.Ordinal) ? current.Where(v => v != value).ToList() : [.. current, value];
        var replacing = next.Count == 0
            ? [new KeyValuePair<string, string?>(Filter.Key(key), null)]
            : next.Select(v => new KeyValuePair<string, string?>(Filter.Key(key), v)).ToList();
        return PageUrl + Filter.ToQueryString(replacing.Append(new(Filter.Key("page"), null))) + "#" + Table.Id;
    }

    /// <summary>
    /// The table's facets (its status first, all three always shown) as the one facet component draws them: each value's
    /// link toggles it, keeping the rest of the page's state, and brings the reader back to the table.
    /// </summary>
    /// <summary>
    /// A web address as a cell shows it: without its scheme and <c>www.</c>, at most 32 characters (the link keeps the
    /// whole address), so a column of addresses does not push the table past its area.
    /// </summary>
    public static string LinkText(string url)
    {
        var text = url;
        foreach (var prefix in new[] { "https://", "http://" })
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                text = text[prefix.Length..];
            }
        }
        text = text.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? text[4..] : text;
        text = text.TrimEnd('/');
        return text.Length <= 32 ? text : text[..31] + "…";
    }

    public FacetPanel Panel(string label, string statusTitle, Func<RowStatus, string> statusLabel)
    {
        var facets = new List<Facet>();
        if (Table.Status is not null)
        {
            RowStatus[] statuses = [RowStatus.Ongoing, RowStatus.Upcoming, RowStatus.Ended];
            string Name(RowStatus status) => status.ToString().ToLowerInvariant();
            facets.Add(Facet.Of("status", statusTitle, statuses.ToDictionary(Name, s => Result.StatusCounts.GetValueOrDefault(s)),
                Filter.Status is { } chosen ? [Name(chosen)] : [], v => statusLabel(statuses.First(s => Name(s) == v)),
                (v, isChosen) => Link(("status", isChosen ? null : v)),
                Comparer<string>.Create((a, b) => Array.FindIndex(statuses, s => Name(s) == a).CompareTo(Array.FindIndex(statuses, s => Name(s) == b))), keepEmpty: true));
        }
        for (var f = 0; f < Table.Facets.Count; f++)
        {
            var field = Table.Facets[f];
            var values = Table.FacetValues[field];
            var position = values.Select((v, i) => (v, i)).GroupBy(x => x.v, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
            facets.Add(Facet.Of(Table.Fields[field].Key, Table.Fields[field].Heading, Result.FacetCounts[f],
                Filter.Facets.GetValueOrDefault(Table.Fields[field].Key) ?? [], v => v, (v, _) => FacetLink(field, v),
                Comparer<string>.Create((a, b) => position.GetValueOrDefault(a, int.MaxValue).CompareTo(position.GetValueOrDefault(b, int.MaxValue)))));
        }
        return new FacetPanel(label, facets, Link(("q", null), ("sort", null), ("status", null)));
    }

    public bool IsChosen(int field, string value) =>
        Filter.Facets.TryGetValue(Table.Fields[field].Key, out var values) && values.Contains(value, StringComparer.Ordinal);

    /// <summary>The header link of a column: ascending first, then descending.</summary>
    public string SortLink(int field) =>
        Link(("sort", Filter.SortValue(new DataSort(field, Result.Sort is { } s && s.Field == field && !s.Descending))));

    public string? AriaSort(int field) => Result.Sort is { } s && s.Field == field ? (s.Descending ? "descending" : "ascending") : null;

    public string DownloadLink(string format) => PageUrl + Filter.ToQueryString(new KeyValuePair<string, string?>(Filter.Key("format"), format));

    public static DataTableView Create(DataTable table, IQueryCollection query, IReadOnlyCollection<string> pageTables, string pageUrl, DateOnly today, IStringLocalizer t)
    {
        var filter = DataTableFilter.Parse(table, query, pageTables, t);
        var result = table.Query(filter.ToTableQuery(), today);
        Pager? Page(int? number) => Pager.Create(result.Rows.Count, number, pageUrl, filter, pageKey: filter.Key("page"), fragment: table.Id);
        var pager = Page(filter.Page);
        return new DataTableView { Filter = filter, Result = result, Pager = pager ?? Page(1)!, PageMissing = pager is null, PageUrl = pageUrl };
    }

    /// <summary>The selected rows as a download: the columns as shown (and the status), every row, not one page.</summary>
    public async Task WriteAsync(HttpResponse response, string statusHeading, Func<RowStatus, string> statusLabel, CancellationToken cancel)
    {
        var format = Filter.Format!;
        StreamedExport.Attach(response, format == "csv" ? StreamedExport.CsvType : StreamedExport.JsonType, $"{Table.Id}.{format}");
        var columns = Table.Columns;
        var keys = columns.Select(c => Table.Fields[c].Key).ToList();
        var rows = Result.Rows.Select((row, i) => (Row: row, Status: Result.Statuses?[i]));
        if (format == "csv")
        {
            IReadOnlyList<string> header = Table.Status is null ? [.. columns.Select(c => Table.Fields[c].Heading)] : [.. columns.Select(c => Table.Fields[c].Heading), statusHeading];
            await StreamedExport.WriteCsvAsync(response.Body, header, rows.Select(r =>
            {
                var cells = columns.Select(c => r.Row.Cells[c].Raw);
                return (IReadOnlyList<string>)(r.Status is { } status ? [.. cells, statusLabel(status)] : [.. cells]);
            }), cancel);
            return;
        }
        await StreamedExport.WriteJsonAsync(response.Body, rows, (json, r) =>
        {
            json.WriteStartObject();
            for (var i = 0; i < columns.Count; i++)
            {
                var cell = r.Row.Cells[columns[i]];
                json.WritePropertyName(keys[i]);
                if (cell.Number is { } number && cell.Date is null && cell.Values.Length <= 1)
                {
                    json.WriteNumberValue(number);
                }
                else if (cell.Raw.Length == 0)
                {
                    json.WriteNullValue();
                }
                else
                {
                    json.WriteStringValue(cell.Raw);
                }
            }
            if (r.Status is { } status)
            {
                json.WriteString("status", status.ToString().ToLowerInvariant());
            }
            json.WriteEndObject();
        }, cancel);
    }
}

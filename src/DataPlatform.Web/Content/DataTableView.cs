using DataPlatform.Content;
using DataPlatform.Web.Site;
using Microsoft.Extensions.Localization;

namespace DataPlatform.Web.Content;

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

    /// <summary>The label of a row status, as a key of the shared resource.</summary>
    public static string StatusLabel(RowStatus status) => status switch
    {
        RowStatus.Upcoming => "Upcoming",
        RowStatus.Ongoing => "Ongoing",
        RowStatus.Ended => "Ended",
        _ => "Not dated",
    };
}

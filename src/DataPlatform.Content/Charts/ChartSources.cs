using System.Globalization;

namespace DataPlatform.Content.Charts;

/// <summary>
/// Reads charts from Plotly figure JSON (<c>{"data": [traces], "layout": {…}}</c>: bar and scatter traces, their modes,
/// fills, names and orientation; the layout's title, axis titles and barmode) and from rows (CSV, or JSON: the first
/// column holds x, each other column a series named by its header).
/// </summary>
public static class ChartSources
{
    /// <summary>Series one chart draws; more cannot be told apart anyway, and each costs the page its legend line and table column.</summary>
    public const int MaximumSeries = 50;

    /// <summary>Traces the chart cannot draw that are shown as tables: 1,000 undrawn pie traces made a 10.6 MB page.</summary>
    public const int MaximumUndrawn = 10;

    /// <summary>Rows kept of each undrawn trace (the page shows the first 200).</summary>
    private const int UndrawnRows = 200;

    /// <summary>The options a <c>chart</c> shortcode can set; null leaves the source's own (or the default).</summary>
    public sealed record Options(string? Type, string? Title, string? XTitle, string? YTitle, bool? Stacked, bool? Horizontal, double? Height);

    public static ChartKind? KindFrom(string? type) => type?.Trim().ToLowerInvariant() switch
    {
        "bar" or "bars" or "column" => ChartKind.Bar,
        "line" or "lines" => ChartKind.Line,
        "markers" or "scatter" or "points" => ChartKind.Markers,
        "lines+markers" or "linesmarkers" or "line+markers" => ChartKind.LinesAndMarkers,
        "area" => ChartKind.Area,
        _ => null,
    };

    public static ChartReading FromPlotly(object? root, Options options)
    {
        var warnings = new List<string>();
        if (root is not Dictionary<string, object?> figure || figure.GetValueOrDefault("data") is not List<object?> traces)
        {
            return new ChartReading(null, [], ["it is not a Plotly figure: it needs {\"data\": [traces], \"layout\": {…}}"]);
        }
        var layout = figure.GetValueOrDefault("layout") as Dictionary<string, object?> ?? [];
        var series = new List<ChartSeries>();
        var undrawn = new List<ChartDataTable>();
        var undrawnCut = false;
        var horizontal = false;
        for (var t = 0; t < traces.Count; t++)
        {
            if (traces[t] is not Dictionary<string, object?> trace)
            {
                warnings.Add($"trace {t + 1} is not an object; it is left out");
                continue;
            }
            var type = (trace.GetValueOrDefault("type") as string ?? "scatter").ToLowerInvariant();
            var name = trace.GetValueOrDefault("name") as string ?? $"Series {t + 1}";
            if (type is not ("bar" or "scatter" or "scattergl"))
            {
                if (undrawn.Count < MaximumUndrawn)
                {
                    undrawn.Add(Undrawn(name, type, trace));
                }
                else if (!undrawnCut)
                {
                    warnings.Add($"only the first {MaximumUndrawn} traces this site does not draw are shown as tables; trace {t + 1} ('{name}') and later ones are left out");
                    undrawnCut = true;
                }
                continue;
            }
            var isHorizontal = type == "bar" && trace.GetValueOrDefault("orientation") as string == "h";
            horizontal |= isHorizontal;
            var (xKey, yKey) = isHorizontal ? ("y", "x") : ("x", "y");
            var ys = trace.GetValueOrDefault(yKey) as List<object?>;
            if (ys is null || ys.Count == 0)
            {
                warnings.Add($"trace {t + 1} ('{name}') has no {yKey} values; it is left out");
                continue;
            }
            var xs = trace.GetValueOrDefault(xKey) as List<object?> ?? Enumerable.Range(0, ys.Count).Select(i => (object?)(double)i).ToList();
            if (xs.Count != ys.Count)
            {
                warnings.Add($"trace {t + 1} ('{name}') has {xs.Count} {xKey} values and {ys.Count} {yKey} values; the {Math.Abs(xs.Count - ys.Count)} without a partner are left out");
            }
            var mode = trace.GetValueOrDefault("mode") as string;
            var fill = trace.GetValueOrDefault("fill") as string;
            var kind = type == "bar" ? ChartKind.Bar
                : fill is { Length: > 0 } && fill != "none" ? ChartKind.Area
                : mode switch
                {
                    "markers" => ChartKind.Markers,
                    "lines" => ChartKind.Line,
                    "lines+markers" or "markers+lines" => ChartKind.LinesAndMarkers,
                    // Plotly's own default: markers on short series only.
                    _ => ys.Count < 20 ? ChartKind.LinesAndMarkers : ChartKind.Line,
                };
            series.Add(Series(name, kind, xs, ys, warnings));
        }
        var barmode = layout.GetValueOrDefault("barmode") as string;
        var chart = new Chart(
            options.Title ?? Text(layout.GetValueOrDefault("title")) ?? "",
            options.XTitle ?? Text((layout.GetValueOrDefault(horizontal ? "yaxis" : "xaxis") as Dictionary<string, object?>)?.GetValueOrDefault("title")) ?? "",
            options.YTitle ?? Text((layout.GetValueOrDefault(horizontal ? "xaxis" : "yaxis") as Dictionary<string, object?>)?.GetValueOrDefault("title")) ?? "",
            Keep(series, warnings))
        {
            Stacked = options.Stacked ?? barmode is "stack" or "relative",
            Horizontal = options.Horizontal ?? horizontal,
            Height = options.Height,
        };
        return new ChartReading(chart.Series.Count == 0 ? null : chart, undrawn, warnings);
    }

    /// <summary>Rows as a chart: the first column is x, every other column a series.</summary>
    public static ChartReading FromRows(IReadOnlyList<IReadOnlyDictionary<string, object?>> rows, Options options)
    {
        var keys = rows.SelectMany(r => r.Keys).Distinct(StringComparer.Ordinal).ToList();
        return FromColumns(keys.Select(k => (k, rows.Select(r => r.GetValueOrDefault(k)).ToList())).ToList(), options);
    }

    /// <summary>Columns given as an object of arrays (<c>{"year": [...], "cases": [...]}</c>), or null when it is not one.</summary>
    public static ChartReading? FromColumnObject(object? root, Options options) =>
        root is Dictionary<string, object?> columns && columns.Count >= 2 && columns.Values.All(v => v is List<object?>)
            ? FromColumns(columns.Select(c => (c.Key, (List<object?>)c.Value!)).ToList(), options)
            : null;

    /// <summary>The first column is x, every other column a series named by its header.</summary>
    private static ChartReading FromColumns(List<(string Name, List<object?> Values)> columns, Options options)
    {
        var warnings = new List<string>();
        if (columns.Count < 2 || columns[0].Values.Count == 0)
        {
            return new ChartReading(null, [], [columns.Count == 0 || columns[0].Values.Count == 0 ? "it has no rows" : "it needs a column of x values and at least one column of numbers"]);
        }
        var xs = columns[0].Values;
        var series = new List<ChartSeries>();
        foreach (var (name, values) in columns.Skip(1))
        {
            if (values.Count != xs.Count)
            {
                warnings.Add($"'{name}' has {values.Count} values and the x column {xs.Count}; the {Math.Abs(values.Count - xs.Count)} without a partner are left out");
            }
            series.Add(Series(name, ChartKind.Line, xs, values, warnings));
        }
        var kept = Keep(series, warnings);
        var continuous = kept.Count > 0 && new Chart("", "", "", kept).XAxis != AxisKind.Category;
        var kind = KindFrom(options.Type) ?? (continuous ? ChartKind.Line : ChartKind.Bar);
        var chart = new Chart(options.Title ?? "", options.XTitle ?? Humanise(columns[0].Name), options.YTitle ?? (kept.Count == 1 ? Humanise(kept[0].Name) : ""),
            kept.Select(s => s with { Kind = kind }).ToList())
        {
            Stacked = options.Stacked ?? false,
            Horizontal = options.Horizontal ?? false,
            Height = options.Height,
        };
        return new ChartReading(chart.Series.Count == 0 ? null : chart, [], warnings);
    }

    private static ChartSeries Series(string name, ChartKind kind, List<object?> xs, List<object?> ys, List<string> warnings)
    {
        var count = Math.Min(xs.Count, ys.Count);
        var x = new string[count];
        var y = new double?[count];
        var bad = 0;
        string? firstBad = null;
        var firstBadRow = 0;
        for (var i = 0; i < count; i++)
        {
            x[i] = Text(xs[i]) ?? "";
            y[i] = ys[i] switch
            {
                double d when double.IsFinite(d) => d,
                string s when Chart.ParseNumber(s.Trim()) is { } n => n,
                _ => null,
            };
            if (y[i] is null && ys[i] is not null && !(ys[i] is string empty && empty.Trim().Length == 0))
            {
                bad++;
                if (firstBad is null)
                {
                    (firstBad, firstBadRow) = (Text(ys[i]), i + 1);
                }
            }
        }
        if (bad > 0)
        {
            warnings.Add($"'{name}' has {bad} {(bad == 1 ? "value" : "values")} that {(bad == 1 ? "is" : "are")} not a number (first: '{firstBad}', value {firstBadRow}); left as gaps");
        }
        return new ChartSeries(name, kind, x, y);
    }

    private static List<ChartSeries> Keep(List<ChartSeries> series, List<string> warnings)
    {
        foreach (var empty in series.Where(s => s.Y.All(v => v is null)))
        {
            warnings.Add($"'{empty.Name}' has no numbers; it is left out");
        }
        var kept = series.Where(s => s.Y.Any(v => v is not null)).ToList();
        if (kept.Count > MaximumSeries)
        {
            warnings.Add($"it has {kept.Count} series; the first {MaximumSeries} are drawn and the rest left out");
            kept.RemoveRange(MaximumSeries, kept.Count - MaximumSeries);
        }
        return kept;
    }

    /// <summary>A trace the chart does not draw, as a table of its arrays (labels and values, x, y and z, lat and lon…).</summary>
    private static ChartDataTable Undrawn(string name, string type, Dictionary<string, object?> trace)
    {
        var arrays = trace.Where(kv => kv.Value is List<object?> list && list.Count > 0 && kv.Key is not ("marker" or "line" or "colorscale" or "customdata" or "hovertemplate"))
            .Select(kv => (Key: kv.Key, Values: (List<object?>)kv.Value!)).ToList();
        var length = arrays.Count == 0 ? 0 : arrays.Max(a => a.Values.Count);
        var rows = Enumerable.Range(0, Math.Min(length, UndrawnRows))
            .Select(i => (IReadOnlyList<string>)arrays.Select(a => i < a.Values.Count ? Text(a.Values[i]) ?? "" : "").ToList()).ToList();
        return new ChartDataTable($"{name} ({type})", arrays.Select(a => a.Key).ToList(), rows);
    }

    /// <summary>A title given as text or as Plotly's <c>{"text": …}</c>; numbers as written in JSON; lists (a heatmap's row) joined.</summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        double d => d.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        Dictionary<string, object?> map => map.GetValueOrDefault("text") as string,
        List<object?> list => string.Join(" ", list.Select(Text)),
        _ => value.ToString(),
    };

    /// <summary>
    /// An axis title from a column's header when the shortcode gives none: a data key such as <c>year</c> or
    /// <c>sample_count</c> reads "Year", "Sample count"; a header already written for people is kept as it is.
    /// </summary>
    public static string Humanise(string header)
    {
        if (header.Length == 0 || header.Any(char.IsUpper) || header.Contains(' ', StringComparison.Ordinal))
        {
            return header;
        }
        var words = header.Replace('_', ' ').Replace('-', ' ').Trim();
        return words.Length == 0 ? header : char.ToUpperInvariant(words[0]) + words[1..];
    }
}

namespace DataPlatform.Content.Charts;

/// <summary>Data of a chart that the chart cannot draw (a pie, a map, a heatmap): shown as a table with a notice.</summary>
public sealed record ChartDataTable(string Title, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows);

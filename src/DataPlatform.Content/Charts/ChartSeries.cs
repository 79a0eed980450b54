namespace DataPlatform.Content.Charts;

/// <summary>One named series: its x values as written (names, numbers or ISO dates) and a y value (or a gap) for each.</summary>
public sealed record ChartSeries(string Name, ChartKind Kind, IReadOnlyList<string> X, IReadOnlyList<double?> Y);

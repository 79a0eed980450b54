namespace DataPlatform.Content.Charts;

/// <summary>A chart read from a source: what can be drawn, what can only be tabled, and what the editor should know.</summary>
public sealed record ChartReading(Chart? Chart, IReadOnlyList<ChartDataTable> Undrawn, IReadOnlyList<string> Warnings);

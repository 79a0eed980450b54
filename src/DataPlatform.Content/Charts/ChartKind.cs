namespace DataPlatform.Content.Charts;

/// <summary>How one series is drawn.</summary>
public enum ChartKind
{
    Bar,
    Line,
    Markers,
    LinesAndMarkers,
    Area,
}

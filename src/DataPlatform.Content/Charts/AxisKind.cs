namespace DataPlatform.Content.Charts;

/// <summary>What the x values are: names (bands), numbers or dates (continuous axes with "nice" ticks).</summary>
public enum AxisKind
{
    Category,
    Number,
    Date,
}

namespace DataPlatform.Content;

/// <summary>Where a row stands on the day a table is shown, from its start and end dates.</summary>
public enum RowStatus
{
    Undated,
    Upcoming,
    Ongoing,
    Ended,
}

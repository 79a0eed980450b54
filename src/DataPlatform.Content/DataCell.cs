namespace DataPlatform.Content;

/// <summary>One value of a row as a table shows, sorts, filters and exports it.</summary>
/// <param name="Text">As shown and exported: lists joined with ", ", dates in the page's language.</param>
/// <param name="Raw">As in the file (ISO dates stay ISO), for downloads.</param>
/// <param name="Values">The facet values: one per list element, else the text.</param>
/// <param name="Number">The value as a number, when it is one (for sorting).</param>
/// <param name="Date">The value as a date, when it is an ISO date (for sorting and the status).</param>
/// <param name="IsLink">Whether the value is a web address, shown as a link.</param>
public sealed record DataCell(string Text, string Raw, string[] Values, double? Number, DateOnly? Date, bool IsLink)
{
    public static readonly DataCell Empty = new("", "", [], null, null, false);
}

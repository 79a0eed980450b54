using System.Globalization;

namespace DataPlatform.Content;

/// <summary>
/// A publication date as precise as the export knows it: <c>2021-05-00</c> is May 2021, <c>2021-00-00</c> the
/// year 2021. Shown and sorted at that precision, counted in its year.
/// </summary>
public readonly record struct PartialDate(int Year, int Month, int Day) : IComparable<PartialDate>
{
    /// <summary><c>2021-05-14</c>, <c>2021-05-00</c>, <c>2021-05</c>, <c>2021</c> or an ISO time stamp; null for anything else.</summary>
    /// <summary>
    /// The years a research output can have been published in. Anything else is a slip or hostile data, and one record
    /// dated 1000 beside one dated 9999 made every publications page draw a 9,000-year chart; such a date is reported.
    /// </summary>
    public const int MinimumYear = 1600, MaximumYear = 2200;

    public static PartialDate? Parse(string? text)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length < 4 || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < MinimumYear or > MaximumYear)
        {
            return null;
        }
        var parts = text.Length > 10 ? text[..10].Split('-') : text.Split('-');
        var month = parts.Length > 1 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : 0;
        var day = parts.Length > 2 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : 0;
        if (parts.Length > 3 || month is < 0 or > 12 || day < 0 || (parts.Length > 1 && parts[1].Length != 2) || (parts.Length > 2 && parts[2].Length != 2))
        {
            return null;
        }
        if (month == 0)
        {
            day = 0;
        }
        if (day > 0 && day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }
        return new PartialDate(year, month, day);
    }

    /// <summary>"2021", "December 2021" ("december 2021" in Swedish) or "14 December 2021", in the culture's words.</summary>
    public string Format(CultureInfo culture) => Month == 0 ? Year.ToString(CultureInfo.InvariantCulture)
        : Day == 0 ? new DateTime(Year, Month, 1).ToString("MMMM yyyy", culture)
        : new DateTime(Year, Month, Day).ToString("d MMMM yyyy", culture);

    /// <summary>ISO 8601 at the known precision: <c>2021</c>, <c>2021-05</c>, <c>2021-05-14</c>.</summary>
    public string Iso => Month == 0 ? $"{Year:D4}" : Day == 0 ? $"{Year:D4}-{Month:D2}" : $"{Year:D4}-{Month:D2}-{Day:D2}";

    /// <summary>Unknown parts sort first within their year or month.</summary>
    public int CompareTo(PartialDate other) => (Year * 10000 + Month * 100 + Day).CompareTo(other.Year * 10000 + other.Month * 100 + other.Day);

    public override string ToString() => Iso;

    public static bool operator <(PartialDate left, PartialDate right) => left.CompareTo(right) < 0;

    public static bool operator <=(PartialDate left, PartialDate right) => left.CompareTo(right) <= 0;

    public static bool operator >(PartialDate left, PartialDate right) => left.CompareTo(right) > 0;

    public static bool operator >=(PartialDate left, PartialDate right) => left.CompareTo(right) >= 0;
}

using System.Globalization;
using DataPlatform.Content;

namespace DataPlatform.Web.Site;

/// <summary>Dates and times as visitors read them: in Stockholm time, in the page's language.</summary>
public static class Dates
{
    public static DateTimeOffset InStockholm(DateTimeOffset value) => Stockholm.ToLocal(value);

    public static string Format(DateTimeOffset date) =>
        InStockholm(date).ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>An event's span: one day with times, or a range of days. Midnight starts are treated as "all day".</summary>
    public static string Format(DateTimeOffset start, DateTimeOffset? end)
    {
        var culture = CultureInfo.CurrentCulture;
        var s = InStockholm(start);
        var hasTime = s.TimeOfDay != TimeSpan.Zero;
        var text = s.ToString(hasTime ? "d MMMM yyyy, HH:mm" : "d MMMM yyyy", culture);
        if (end is { } endValue)
        {
            var e = InStockholm(endValue);
            text += e.Date == s.Date
                ? (hasTime ? "–" + e.ToString("HH:mm", culture) : "")
                : " – " + e.ToString(e.TimeOfDay != TimeSpan.Zero ? "d MMMM yyyy, HH:mm" : "d MMMM yyyy", culture);
        }
        return text;
    }

    /// <summary>A moment as staff read it: Stockholm time with its zone, <c>2026-11-22 10:15 CET</c>.</summary>
    public static string Staff(DateTimeOffset moment)
    {
        var local = InStockholm(moment);
        return local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " " + Zone(local);
    }

    /// <summary>A Stockholm wall-clock time as written in a form (<c>2026-05-10T09:30</c>, or a day), with its zone when it has a time.</summary>
    public static string StaffLocal(string value)
    {
        if (DateTime.TryParseExact(value, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " " + Zone(Stockholm.FromLocal(local));
        }
        return value;
    }

    private static string Zone(DateTimeOffset stockholm) => stockholm.Offset == TimeSpan.FromHours(2) ? "CEST" : "CET";
}

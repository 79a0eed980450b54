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
}

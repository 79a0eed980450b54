using System.Globalization;
using System.Text;
using DataPlatform.Content;
using DataPlatform.Web.Site;

namespace DataPlatform.Web.Events;

/// <summary>
/// iCalendar (RFC 5545) for events: CRLF line ends, lines folded at 75 octets, text escaped, times in UTC
/// (all-day events as dates), and a UID that stays the same across languages and reloads.
/// </summary>
public static class ICalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Write(string calendarName, IEnumerable<Page> events, Func<string, string> absolute, string host, DateTimeOffset stamp)
    {
        var sb = new StringBuilder();
        Line(sb, "BEGIN:VCALENDAR");
        Line(sb, "VERSION:2.0");
        Line(sb, "PRODID:-//Life Science Data Portal//Events//EN");
        Line(sb, "CALSCALE:GREGORIAN");
        Line(sb, "METHOD:PUBLISH");
        Line(sb, "X-WR-CALNAME:" + Escape(calendarName));
        Line(sb, "X-WR-TIMEZONE:Europe/Stockholm");
        foreach (var page in events)
        {
            var start = page.Meta.Start!.Value;
            var allDay = page.Meta.IsDateOnly("start") && (page.Meta.End is null || page.Meta.IsDateOnly("end"));
            Line(sb, "BEGIN:VEVENT");
            Line(sb, $"UID:{Uid(page)}@{host}");
            // DTSTAMP: when this calendar data was produced (the content snapshot), or the page's own lastmod.
            Line(sb, "DTSTAMP:" + Utc(page.Meta.LastMod ?? stamp));
            if (allDay)
            {
                var first = DateOnly.FromDateTime(Dates.InStockholm(start).DateTime);
                var last = page.Meta.End is { } end ? DateOnly.FromDateTime(Dates.InStockholm(end).DateTime) : first;
                Line(sb, "DTSTART;VALUE=DATE:" + first.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
                // DTEND of an all-day event is exclusive: the day after the last day.
                Line(sb, "DTEND;VALUE=DATE:" + last.AddDays(1).ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            }
            else
            {
                Line(sb, "DTSTART:" + Utc(start));
                Line(sb, "DTEND:" + Utc(page.Meta.End ?? start.AddHours(1)));
            }
            Line(sb, "SUMMARY:" + Escape(page.Title));
            if (!string.IsNullOrWhiteSpace(page.Summary))
            {
                Line(sb, "DESCRIPTION:" + Escape(page.Summary));
            }
            var location = page.Meta.Location ?? (page.Meta.Online ? "Online" : null);
            if (location is not null)
            {
                Line(sb, "LOCATION:" + Escape(location));
            }
            Line(sb, "URL:" + absolute(page.Url));
            if (page.Meta.EventType is { } type)
            {
                Line(sb, "CATEGORIES:" + Escape(type));
            }
            Line(sb, "END:VEVENT");
        }
        Line(sb, "END:VCALENDAR");
        return sb.ToString();
    }

    /// <summary>The same event has the same UID in English and Swedish: it comes from the language-neutral translation key.</summary>
    public static string Uid(Page page) => "event-" + Slug.From(page.TranslationKey.Replace(".md", "", StringComparison.OrdinalIgnoreCase));

    private static string Utc(DateTimeOffset value) => value.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>TEXT values: backslash, semicolon, comma and newlines escaped (RFC 5545 3.3.11).</summary>
    public static string Escape(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\n", StringComparison.Ordinal);

    /// <summary>Writes a content line folded at 75 octets of UTF-8, never inside a character (RFC 5545 3.1).</summary>
    private static void Line(StringBuilder sb, string line)
    {
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                sb.Append("\r\n ");
                octets = 0;
                limit = 74; // the leading space of a continuation line counts
            }
            sb.Append(rune.ToString());
            octets += size;
        }
        sb.Append("\r\n");
    }
}

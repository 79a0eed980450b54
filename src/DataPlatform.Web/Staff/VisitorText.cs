using System.Text;

namespace DataPlatform.Web.Staff;

/// <summary>
/// Visitor text as staff see it: stored as sent, shown neutralised. Views put it in <c>&lt;bdi&gt;</c>, so a
/// right-to-left override cannot reorder the page around it, and this makes every control and direction character
/// visible as its code (<c>[U+202E]</c>) instead of letting it act.
/// </summary>
public static class VisitorText
{
    public static string Visible(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var acts = (char.IsControl(c) && c is not '\n' and not '\t') || c is >= '\u200B' and <= '\u200F' or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\uFEFF';
            if (acts)
            {
                sb.Append("[U+").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)).Append(']');
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    /// <summary>The message's first words on one line, at most <paramref name="length"/> characters, cut between words: what a row without a subject shows.</summary>
    public static string Excerpt(string? text, int length = 80)
    {
        var line = string.Join(' ', Visible(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (line.Length <= length)
        {
            return line;
        }
        var cut = line.LastIndexOf(' ', length - 1);
        return line[..(cut > length / 2 ? cut : length - 1)].TrimEnd(',', ';', ':', '.') + "…";
    }
}

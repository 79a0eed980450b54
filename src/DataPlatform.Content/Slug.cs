using System.Globalization;
using System.Text;

namespace DataPlatform.Content;

/// <summary>URL slugs for tags and authors: stable, lower case, ASCII, Swedish letters folded (å, ä → a, ö → o).</summary>
public static class Slug
{
    public static string From(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue; // the ring of å and the dots of ä/ö, after decomposition
            }
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (c is 'ø' or 'œ')
            {
                sb.Append('o');
            }
            else if (c is 'æ')
            {
                sb.Append("ae");
            }
            else if (c is 'ß')
            {
                sb.Append("ss");
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }
        var slug = sb.ToString().Trim('-');
        return slug.Length == 0 ? "-" : slug;
    }
}

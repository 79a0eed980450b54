using System.Globalization;
using System.Text;

namespace DataPlatform.Content;

/// <summary>
/// The one rule every search box of the portal follows (publications, datasets, data tables, catalogues; site search
/// and the staff inbox do the same in SQL with <c>unaccent</c>): text is Unicode-normalised, case- and accent-folded
/// (é→e, ñ→n, å/ä→a, ö/ø→o, ß→ss, ł→l, æ→ae…) and split into words (runs of letters and digits); every word of the
/// query must match the start of a word of the text. So "oppna" finds "öppna", "Kaariainen" "Kääriäinen", "genom"
/// "genomics".
/// </summary>
public static class TextQuery
{
    /// <summary>Letters that do not decompose into a base letter and a mark, folded as people type them without the key.</summary>
    private static string? Special(char c) => c switch
    {
        'ß' => "ss",
        'ł' or 'Ł' => "l",
        'ø' or 'Ø' => "o",
        'æ' or 'Æ' => "ae",
        'œ' or 'Œ' => "oe",
        'đ' or 'Đ' or 'ð' or 'Ð' => "d",
        'þ' or 'Þ' => "th",
        'ı' => "i",
        'ħ' or 'Ħ' => "h",
        _ => null,
    };

    /// <summary><paramref name="text"/> folded: lower case, without accents, ligatures spelled out.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        if (Ascii(text))
        {
            return text.ToLowerInvariant();
        }
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }
            if (Special(c) is { } spelled)
            {
                sb.Append(spelled);
            }
            else
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }
        return sb.ToString();
    }

    private static bool Ascii(string text)
    {
        foreach (var c in text)
        {
            if (c >= 0x80)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The folded words of <paramref name="text"/>, in order (each as often as it occurs).</summary>
    public static List<string> Words(string? text)
    {
        var folded = Fold(text);
        return [.. Tokens(folded).Select(range => folded[range])];
    }

    /// <summary>The runs of letters and digits in <paramref name="text"/>.</summary>
    public static List<Range> Tokens(ReadOnlySpan<char> text)
    {
        var tokens = new List<Range>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                tokens.Add(start..i);
                start = -1;
            }
        }
        return tokens;
    }

    /// <summary>
    /// The text as a string <see cref="Matches"/> can look in: its folded words joined by spaces, with a space in front,
    /// so "the start of a word" is " " + the query word. Made once per record, where a list keeps its records.
    /// </summary>
    public static string Searchable(params IEnumerable<string?> texts) =>
        " " + string.Join(' ', texts.SelectMany(Words));

    /// <summary>The query's words, each once, ready for <see cref="Matches"/>; empty when it has none.</summary>
    public static string[] Prepare(string? query) => [.. Words(query).Distinct(StringComparer.Ordinal).Select(w => " " + w)];

    /// <summary>True when every word of <paramref name="prepared"/> (<see cref="Prepare"/>) starts a word of <paramref name="searchable"/> (<see cref="Searchable"/>).</summary>
    public static bool Matches(string[] prepared, string searchable)
    {
        foreach (var word in prepared)
        {
            if (!searchable.Contains(word, StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }
}

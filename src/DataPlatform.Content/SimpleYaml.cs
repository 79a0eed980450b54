namespace DataPlatform.Content;

/// <summary>
/// The front matter nearly every page has, read without a YAML parser: one <c>key: value</c> per line, where a value
/// is a plain word or sentence, a quoted one without escapes, or a list of plain words in brackets. Anything else
/// (nesting, block text, escapes, anchors, tags, comments after a value, a key twice) answers null, and YamlDotNet
/// reads the whole front matter as before.
/// </summary>
/// <remarks>
/// Every page's front matter is read when a site loads: YamlDotNet took 22 µs and 15 KB a page, a fifth of a page's
/// parse. The result is the one <see cref="PageParser.ReadYaml"/> gives for the same text (a test holds the two
/// together on every fixture and on the cases at the edge of what this reads).
/// </remarks>
public static class SimpleYaml
{
    /// <summary>Characters that start something other than a plain scalar, in YAML.</summary>
    private static readonly System.Buffers.SearchValues<char> Indicators = System.Buffers.SearchValues.Create("-?:,[]{}#&*!|>'\"%@`");

    /// <summary>Characters a list item read here may not hold: flow syntax, quotes and the rest of YAML's indicators.</summary>
    private static readonly System.Buffers.SearchValues<char> NotInItems = System.Buffers.SearchValues.Create("[]{}#&*!|>'\"%@`:\t\\");

    /// <summary>Tabs, control characters, and what YAML 1.1 takes for a line break or a byte order mark.</summary>
    private static readonly System.Buffers.SearchValues<char> Unusual = System.Buffers.SearchValues.Create(
        "\t\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000D\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F\u0085\u2028\u2029\uFEFF");

    public static Dictionary<string, object?>? TryRead(string yaml)
    {
        var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        HashSet<string>? keys = null;
        foreach (var range in yaml.AsSpan().Split('\n'))
        {
            var line = yaml.AsSpan(range).TrimEnd(' ');
            if (line.IsEmpty || line[0] == '#')
            {
                continue;
            }
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon <= 0 || !IsKey(line[..colon]) || line.ContainsAny(Unusual))
            {
                return null;
            }
            var key = line[..colon].ToString();
            // The same key twice is an error YamlDotNet reports; keys differing in case are two keys, the last wins.
            if (!(keys ??= new HashSet<string>(StringComparer.Ordinal)).Add(key))
            {
                return null;
            }
            var text = line[(colon + 2)..].TrimStart(' ');
            if (text.IsEmpty)
            {
                return null;
            }
            if (text[0] == '[')
            {
                if (List(text) is not { } list)
                {
                    return null;
                }
                values[key] = list;
            }
            else if (Scalar(text, out var scalar))
            {
                values[key] = scalar;
            }
            else
            {
                return null;
            }
        }
        return values;
    }

    private static bool IsKey(ReadOnlySpan<char> key)
    {
        if (!char.IsAsciiLetter(key[0]) && key[0] != '_')
        {
            return false;
        }
        foreach (var c in key)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-'))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A value on its own: quoted, the text inside; plain, the text, or null for <c>~</c> and <c>null</c>. False when it is not one read here.</summary>
    private static bool Scalar(ReadOnlySpan<char> text, out string? value)
    {
        value = null;
        if (text[0] is '"' or '\'')
        {
            var quote = text[0];
            // Escapes (\" and '') and a quote left open are YamlDotNet's to read.
            if (text.Length < 2 || text[^1] != quote || text[1..^1].Contains(quote) || text[1..^1].Contains('\\'))
            {
                return false;
            }
            value = text[1..^1].ToString();
            return true;
        }
        if (Indicators.Contains(text[0]) || text[^1] == ':' || text.Contains(" #", StringComparison.Ordinal) || text.Contains(": ", StringComparison.Ordinal))
        {
            return false;
        }
        value = text is "~" or "null" ? null : text.ToString();
        return true;
    }

    /// <summary>A list of plain words in brackets, <c>[a, b c]</c>; null when it holds anything more.</summary>
    private static List<object?>? List(ReadOnlySpan<char> text)
    {
        if (text[^1] != ']')
        {
            return null;
        }
        var inner = text[1..^1];
        var list = new List<object?>();
        if (inner.Trim(' ').IsEmpty)
        {
            return list;
        }
        if (inner.ContainsAny(NotInItems))
        {
            return null;
        }
        foreach (var range in inner.Split(','))
        {
            var item = inner[range].Trim(' ');
            if (item.IsEmpty || item[0] is '-' or '?')
            {
                return null;
            }
            list.Add(item is "~" or "null" ? null : item.ToString());
        }
        return list;
    }
}

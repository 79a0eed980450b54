using System.Globalization;
using System.Text;

namespace DataPlatform.Content;

/// <summary>
/// The part of TOML that Hugo front matter uses: <c>key = value</c> with strings, numbers, booleans,
/// dates and arrays, <c>[table]</c> and <c>[[array of tables]]</c> headers. Values come out in the same
/// shapes as YAML front matter (strings, lists, case-insensitive maps) so the rest of the engine does not care.
/// </summary>
public static class TomlFrontMatter
{
    public static Dictionary<string, object?> Parse(string text)
    {
        var root = NewTable();
        var current = root;
        var lineNumber = 1;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = StripComment(rawLine).Trim();
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }
            if (line.StartsWith("[[", StringComparison.Ordinal) && line.EndsWith("]]", StringComparison.Ordinal))
            {
                var (parent, name) = Walk(root, line[2..^2]);
                if (!parent.TryGetValue(name, out var existing) || existing is not List<object?> list)
                {
                    parent[name] = list = [];
                }
                current = NewTable();
                list.Add(current);
                continue;
            }
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                var (parent, name) = Walk(root, line[1..^1]);
                if (!parent.TryGetValue(name, out var existing) || existing is not Dictionary<string, object?> table)
                {
                    parent[name] = table = NewTable();
                }
                current = table;
                continue;
            }
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new FormatException($"line {lineNumber}: expected 'key = value', found '{line}'.");
            }
            var key = Unquote(line[..eq].Trim());
            var position = 0;
            var value = line[(eq + 1)..].Trim();
            current[key] = ReadValue(value, ref position, lineNumber);
        }
        return root;
    }

    private static Dictionary<string, object?> NewTable() => new(StringComparer.OrdinalIgnoreCase);

    private static (Dictionary<string, object?> Parent, string Name) Walk(Dictionary<string, object?> root, string dotted)
    {
        var parts = dotted.Split('.').Select(p => Unquote(p.Trim())).ToArray();
        var table = root;
        foreach (var part in parts[..^1])
        {
            if (!table.TryGetValue(part, out var next) || next is not Dictionary<string, object?> child)
            {
                table[part] = child = NewTable();
            }
            table = child;
        }
        return (table, parts[^1]);
    }

    private static string Unquote(string s) => s.Length >= 2 && (s[0] == '"' || s[0] == '\'') && s[^1] == s[0] ? s[1..^1] : s;

    private static string StripComment(string line)
    {
        var inString = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (inString != '\0')
            {
                if (c == '\\' && inString == '"')
                {
                    i++;
                }
                else if (c == inString)
                {
                    inString = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                inString = c;
            }
            else if (c == '#')
            {
                return line[..i];
            }
        }
        return line;
    }

    private static object? ReadValue(string s, ref int i, int line)
    {
        while (i < s.Length && char.IsWhiteSpace(s[i]))
        {
            i++;
        }
        if (i >= s.Length)
        {
            throw new FormatException($"line {line}: a value is missing.");
        }
        switch (s[i])
        {
            case '"':
            case '\'':
                var quote = s[i++];
                var sb = new StringBuilder();
                while (i < s.Length && s[i] != quote)
                {
                    if (quote == '"' && s[i] == '\\' && i + 1 < s.Length)
                    {
                        i++;
                        sb.Append(s[i] switch { 'n' => '\n', 't' => '\t', _ => s[i] });
                    }
                    else
                    {
                        sb.Append(s[i]);
                    }
                    i++;
                }
                if (i >= s.Length)
                {
                    throw new FormatException($"line {line}: a string is not closed.");
                }
                i++;
                return sb.ToString();
            case '[':
                i++;
                var list = new List<object?>();
                while (true)
                {
                    while (i < s.Length && (char.IsWhiteSpace(s[i]) || s[i] == ','))
                    {
                        i++;
                    }
                    if (i >= s.Length)
                    {
                        throw new FormatException($"line {line}: an array is not closed (arrays must fit on one line here).");
                    }
                    if (s[i] == ']')
                    {
                        i++;
                        return list;
                    }
                    list.Add(ReadValue(s, ref i, line));
                }
            default:
                var start = i;
                while (i < s.Length && s[i] != ',' && s[i] != ']')
                {
                    i++;
                }
                var bare = s[start..i].Trim();
                if (bare is "true" or "false" || double.TryParse(bare, NumberStyles.Float, CultureInfo.InvariantCulture, out _) || FrontMatter.ParseDate(bare) is not null)
                {
                    return bare;
                }
                throw new FormatException($"line {line}: '{bare}' is not a TOML value (strings need quotes).");
        }
    }
}

using System.Globalization;
using Tomlyn;
using Tomlyn.Model;

namespace DataPlatform.Content;

/// <summary>
/// TOML front matter (Hugo's <c>+++</c>), read by Tomlyn. Values come out in the same shapes as YAML front matter
/// (scalars as the text written, lists, case-insensitive maps) so the rest of the engine does not care.
/// </summary>
public static class TomlFrontMatter
{
    /// <summary>The front matter's values; a <see cref="FormatException"/> naming the file line (the first front matter line is line 2) when it is not TOML.</summary>
    public static Dictionary<string, object?> Parse(string text)
    {
        TomlTable table;
        try
        {
            table = TomlSerializer.Deserialize<TomlTable>(text) ?? [];
        }
        catch (TomlException e)
        {
            throw new FormatException($"line {e.Line + 2}: {e.Message.Split('\n')[0]}", e);
        }
        catch (Exception e) when (e is not FormatException)
        {
            // Whatever else the reader stumbles on in hostile input is this file's problem, not the site's.
            throw new FormatException(e.Message, e);
        }
        return Map(table);
    }

    private static Dictionary<string, object?> Map(TomlTable table) =>
        table.ToDictionary(pair => pair.Key, pair => Value(pair.Value), StringComparer.OrdinalIgnoreCase);

    private static object? Value(object? value) => value switch
    {
        TomlTable table => Map(table),
        TomlTableArray tables => tables.Select(t => (object?)Map(t)).ToList(),
        TomlArray array => array.Select(Value).ToList(),
        string s => s,
        bool b => b ? "true" : "false",
        TomlDateTime date => date.ToString(),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        null => null,
        _ => value.ToString(),
    };
}

using System.Collections.Concurrent;
using System.Text.Json;

namespace DataPlatform.Content;

/// <summary>Reads data files (JSON, YAML, CSV), keeping each until it changes on disk, so a reload rereads only edited files.</summary>
public sealed class DataFiles
{
    /// <summary>A bound against a file nobody meant to publish as a table: 64 MB.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    private readonly ConcurrentDictionary<string, (DateTime Modified, long Length, DataDocument Document)> _cache = new(StringComparer.Ordinal);

    public static readonly IReadOnlySet<string> Extensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".json", ".yaml", ".yml", ".csv" };

    /// <summary>The file's modification time and length, for the content version ("" when missing).</summary>
    public static string Version(string fullPath)
    {
        var info = new FileInfo(fullPath);
        return info.Exists ? $"{info.LastWriteTimeUtc.Ticks}|{info.Length}" : "";
    }

    public DataDocument Read(string fullPath)
    {
        var info = new FileInfo(fullPath);
        if (!info.Exists)
        {
            return new DataDocument(null, "the file does not exist", 1);
        }
        if (_cache.TryGetValue(fullPath, out var cached) && cached.Modified == info.LastWriteTimeUtc && cached.Length == info.Length)
        {
            return cached.Document;
        }
        var document = info.Length > MaxBytes ? new DataDocument(null, $"the file is larger than {MaxBytes / 1024 / 1024} MB", 1) : Parse(fullPath);
        _cache[fullPath] = (info.LastWriteTimeUtc, info.Length, document);
        return document;
    }

    public static DataDocument Parse(string fullPath)
    {
        string text;
        try
        {
            text = File.ReadAllText(fullPath).TrimStart('\uFEFF');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new DataDocument(null, $"the file cannot be read ({e.Message})", 1);
        }
        try
        {
            return Path.GetExtension(fullPath).ToLowerInvariant() switch
            {
                ".json" => ParseJson(text),
                ".yaml" or ".yml" => ParseYaml(text),
                ".csv" => ParseCsv(text),
                var other => new DataDocument(null, $"'{other}' is not a data format the portal reads (use .json, .yaml or .csv)", 1),
            };
        }
        catch (Exception e)
        {
            // Whatever the parsers did not foresee: the file is reported and left out, the site goes on.
            return new DataDocument(null, $"it cannot be read ({e.Message})", 1);
        }
    }

    public static DataDocument ParseJson(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
            return new DataDocument(FromJson(json.RootElement), null, 0);
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            return new DataDocument(null, $"it is not valid JSON (line {line}, position {(e.BytePositionInLine ?? 0) + 1})", line);
        }
        catch (InvalidOperationException e)
        {
            return new DataDocument(null, JsonProblems.Reason(e), 1);
        }
    }

    private static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => element.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.Object => element.EnumerateObject().GroupBy(p => p.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => FromJson(g.Last().Value), StringComparer.Ordinal),
        _ => null,
    };

    public static DataDocument ParseYaml(string text)
    {
        try
        {
            var stream = BoundedYaml.Load(text);
            return new DataDocument(stream.Documents.Count == 0 ? null : FromYaml(stream.Documents[0].RootNode), null, 0);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            var line = (int)e.Start.Line;
            return new DataDocument(null, $"it is not valid YAML (line {line}): {e.Message}", line);
        }
    }

    private static object? FromYaml(YamlDotNet.RepresentationModel.YamlNode node) => node switch
    {
        YamlDotNet.RepresentationModel.YamlScalarNode scalar => scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is "" or "~" or "null" ? null : scalar.Value,
        YamlDotNet.RepresentationModel.YamlSequenceNode sequence => sequence.Children.Select(FromYaml).ToList(),
        YamlDotNet.RepresentationModel.YamlMappingNode mapping => mapping.Children
            .GroupBy(kv => (kv.Key as YamlDotNet.RepresentationModel.YamlScalarNode)?.Value ?? "", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => FromYaml(g.Last().Value), StringComparer.Ordinal),
        _ => null,
    };

    /// <summary>CSV with a header row (comma, semicolon or tab, RFC 4180 quoting); every row must have as many cells as the header.</summary>
    private static readonly char[] CsvDelimiters = [',', ';', '\t'];

    public static DataDocument ParseCsv(string text)
    {
        var firstLine = text[..(text.IndexOf('\n') is var n && n >= 0 ? n : text.Length)];
        var delimiter = CsvDelimiters.MaxBy(d => firstLine.Count(c => c == d));
        string[]? header = null;
        var rows = new List<object?>();
        foreach (var (cells, line) in CsvRecords(text, delimiter))
        {
            if (cells.Count == 1 && cells[0].Length == 0)
            {
                continue; // a blank line
            }
            if (header is null)
            {
                header = cells.Select(c => c.Trim()).ToArray();
                continue;
            }
            if (cells.Count != header.Length)
            {
                return new DataDocument(null, $"line {line} has {cells.Count} {(cells.Count == 1 ? "cell" : "cells")} where the header has {header.Length}", line);
            }
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                row[header[i]] = cells[i].Length == 0 ? null : cells[i];
            }
            rows.Add(row);
        }
        return header is null ? new DataDocument(null, "it has no header row", 1) : new DataDocument(rows, null, 0);
    }

    /// <summary>The records of a CSV text with the line each starts on; a quoted cell may hold the delimiter, quotes ("") and line breaks.</summary>
    private static IEnumerable<(List<string> Cells, int Line)> CsvRecords(string text, char delimiter)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var line = 1;
        var start = 1;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c == delimiter)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
                cells.Add(cell.ToString());
                cell.Clear();
                yield return (cells, start);
                cells = [];
                start = ++line;
            }
            else
            {
                cell.Append(c);
            }
        }
        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            yield return (cells, start);
        }
    }
}

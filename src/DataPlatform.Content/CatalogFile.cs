using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DataPlatform.Content;

/// <summary>
/// Reads catalogue data files (YAML, or JSON, which is YAML too) into typed entries, reporting every problem
/// with the file, the line, the entry (index and id) and the field, and leaving out only the broken entries.
/// </summary>
public static class CatalogFile
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    /// <summary>The data file of a catalogue, if there is one.</summary>
    public static string? Find(string root, string file) => Extensions.Select(e => Path.Combine(root, "data", file + e)).FirstOrDefault(File.Exists);

    public static Catalog? Read(string root, string file, string section, List<Diagnostic> diagnostics)
    {
        var path = Find(root, file);
        if (path is null)
        {
            return null;
        }
        var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
        YamlStream stream;
        try
        {
            stream = BoundedYaml.Load(File.ReadAllText(path));
        }
        catch (YamlException e)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, "catalog-syntax", relative, (int)e.Start.Line, $"The file is not valid YAML or JSON: {e.Message}"));
            return new Catalog(file, section, relative, []);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlSequenceNode list)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, "catalog-syntax", relative, 1, "The file must be a list of entries."));
            return new Catalog(file, section, relative, []);
        }
        var entries = new List<CatalogEntry>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < list.Children.Count; index++)
        {
            var node = list.Children[index];
            var problems = new List<Diagnostic>();
            var entry = ReadEntry(node, relative, index, problems);
            if (entry is not null && ids.TryGetValue(entry.Id, out var first))
            {
                var idNode = ((YamlMappingNode)node).Children[new YamlScalarNode("id")];
                problems.Add(Problem(relative, idNode, index, entry.Id, "id", $"the id is already used by entry {first}"));
            }
            diagnostics.AddRange(problems);
            if (entry is not null && problems.All(p => p.Severity != Severity.Error))
            {
                ids[entry.Id] = index;
                entries.Add(entry);
            }
        }
        return new Catalog(file, section, relative, entries);
    }

    private static Diagnostic Problem(string file, YamlNode node, int index, string? id, string field, string message, Severity severity = Severity.Error) =>
        new(severity, "catalog-entry", file, (int)node.Start.Line, $"Entry {index}{(id is null ? "" : $" ('{id}')")}, field '{field}': {message}.");

    private static CatalogEntry? ReadEntry(YamlNode node, string file, int index, List<Diagnostic> problems)
    {
        if (node is not YamlMappingNode map)
        {
            problems.Add(Problem(file, node, index, null, "(entry)", "each entry must be a set of 'field: value' lines"));
            return null;
        }
        var fields = map.Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value ?? "", kv => kv.Value, StringComparer.OrdinalIgnoreCase);
        string? id = fields.TryGetValue("id", out var idNode) ? (idNode as YamlScalarNode)?.Value : null;
        var entry = new CatalogEntry();
        void Fail(string field, string message, YamlNode? at = null) => problems.Add(Problem(file, at ?? node, index, id, field, message));

        string? Scalar(string field, bool required = false)
        {
            if (!fields.TryGetValue(field, out var value) || value is YamlScalarNode { Value: null or "" })
            {
                if (required)
                {
                    Fail(field, "is required");
                }
                return null;
            }
            if (value is not YamlScalarNode scalar)
            {
                Fail(field, "must be a single value", value);
                return null;
            }
            return scalar.Value;
        }
        List<string> List(string field)
        {
            if (!fields.TryGetValue(field, out var value))
            {
                return [];
            }
            if (value is YamlScalarNode { Value: { Length: > 0 } single })
            {
                return [single];
            }
            if (value is not YamlSequenceNode sequence || sequence.Children.Any(c => c is not YamlScalarNode))
            {
                Fail(field, "must be a list of values", value);
                return [];
            }
            return sequence.Children.Select(c => ((YamlScalarNode)c).Value ?? "").Where(v => v.Length > 0).ToList();
        }
        LocalizedText Text(string field, bool required)
        {
            if (!fields.TryGetValue(field, out var value))
            {
                if (required)
                {
                    Fail(field, "is required (with at least 'en')");
                }
                return new LocalizedText();
            }
            if (value is YamlScalarNode scalar)
            {
                return new LocalizedText { En = scalar.Value }; // a plain value is the English text
            }
            if (value is not YamlMappingNode texts)
            {
                Fail(field, "must be a text, or 'en:' and 'sv:' texts", value);
                return new LocalizedText();
            }
            var result = new LocalizedText();
            foreach (var (key, text) in texts.Children)
            {
                var language = ((YamlScalarNode)key).Value;
                var textValue = (text as YamlScalarNode)?.Value;
                switch (language)
                {
                    case "en":
                        result.En = textValue;
                        break;
                    case "sv":
                        result.Sv = textValue;
                        break;
                    default:
                        Fail($"{field}.{language}", "only 'en' and 'sv' are languages of the portal", text);
                        break;
                }
            }
            if (required && string.IsNullOrWhiteSpace(result.En))
            {
                Fail($"{field}.en", "the English text is required (Swedish falls back to it)", value);
            }
            return result;
        }

        entry.Id = Scalar("id", required: true) ?? "";
        if (entry.Id.Length > 0 && !System.Text.RegularExpressions.Regex.IsMatch(entry.Id, "^[a-z0-9]+(-[a-z0-9]+)*$"))
        {
            Fail("id", "use lower-case letters, digits and single hyphens (it becomes the URL)", fields["id"]);
        }
        entry.Name = Text("name", required: true);
        entry.Description = Text("description", required: false);
        entry.Type = Scalar("type");
        entry.Category = Scalar("category");
        entry.Audience = List("audience");
        foreach (var audience in entry.Audience.Where(a => !Catalog.Audiences.Contains(a)))
        {
            Fail("audience", $"'{audience}' is not one of {string.Join(", ", Catalog.Audiences)}", fields["audience"]);
        }
        entry.Keywords = List("keywords");
        entry.Provider = Scalar("provider");
        entry.Licence = Scalar("licence");
        entry.Access = Scalar("access");
        if (entry.Access is not null && !Catalog.AccessLevels.Contains(entry.Access))
        {
            Fail("access", $"'{entry.Access}' is not one of {string.Join(", ", Catalog.AccessLevels)}", fields["access"]);
        }
        entry.RelatedHighlights = List("related_highlights");
        if (fields.TryGetValue("links", out var linksNode))
        {
            if (linksNode is not YamlMappingNode links)
            {
                Fail("links", "must be a set of 'kind: address' lines", linksNode);
            }
            else
            {
                foreach (var (key, value) in links.Children)
                {
                    var kind = ((YamlScalarNode)key).Value ?? "";
                    var address = (value as YamlScalarNode)?.Value;
                    var valid = kind == "contact_email"
                        ? address is not null && EmailAddress.IsValid(address)
                        : Uri.TryCreate(address, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
                    if (!valid)
                    {
                        Fail($"links.{kind}", kind == "contact_email" ? "is not an email address" : "is not an http(s) address", value);
                        continue;
                    }
                    switch (kind)
                    {
                        case "homepage": entry.Links.Homepage = address; break;
                        case "documentation": entry.Links.Documentation = address; break;
                        case "source_code": entry.Links.SourceCode = address; break;
                        case "contact_email": entry.Links.ContactEmail = address; break;
                        case "status_page": entry.Links.StatusPage = address; break;
                        default: Fail($"links.{kind}", "is not a known link (homepage, documentation, source_code, contact_email, status_page)", value); break;
                    }
                }
            }
        }
        var known = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            { "id", "name", "description", "type", "category", "audience", "keywords", "provider", "links", "licence", "access", "related_highlights" };
        foreach (var unknown in fields.Keys.Where(k => !known.Contains(k)))
        {
            problems.Add(Problem(file, fields[unknown], index, id, unknown, "is not a catalogue field; it is ignored (check the spelling)", Severity.Warning));
        }
        return entry;
    }
}

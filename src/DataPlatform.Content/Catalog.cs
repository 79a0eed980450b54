using System.Text.Json.Serialization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DataPlatform.Content;

/// <summary>Prose in both languages; a missing Swedish text falls back to English.</summary>
public sealed class LocalizedText
{
    public string? En { get; set; }
    public string? Sv { get; set; }

    public string For(SiteLanguage language) => (language == SiteLanguage.Swedish ? Sv : En) ?? En ?? Sv ?? "";

    public bool IsTranslated(SiteLanguage language) => language == SiteLanguage.Swedish ? Sv is not null : En is not null;
}

/// <summary>Where to find more about an entry.</summary>
public sealed class CatalogLinks
{
    public string? Homepage { get; set; }
    public string? Documentation { get; set; }
    public string? SourceCode { get; set; }
    public string? ContactEmail { get; set; }
    public string? StatusPage { get; set; }
}

/// <summary>
/// One entry of a catalogue (a service, a data source or a resource), as editors write it in
/// <c>content/data/&lt;catalogue&gt;.yaml</c>. The JSON Schema editors' tools use is generated from this class.
/// </summary>
public sealed class CatalogEntry
{
    /// <summary>Stable identifier and URL slug: lower-case letters, digits and hyphens.</summary>
    [JsonRequired]
    public string Id { get; set; } = "";

    [JsonRequired]
    public LocalizedText Name { get; set; } = new();

    public LocalizedText Description { get; set; } = new();

    /// <summary>For services and resources: what kind of thing it is (analysis, hosting, storage, training, …).</summary>
    public string? Type { get; set; }

    /// <summary>For data sources: the kind of data (genomics, proteomics, imaging, …).</summary>
    public string? Category { get; set; }

    /// <summary>Who it is for: <c>researchers</c>, <c>facilities</c>.</summary>
    public List<string> Audience { get; set; } = [];

    public List<string> Keywords { get; set; } = [];

    public string? Provider { get; set; }

    public CatalogLinks Links { get; set; } = new();

    public string? Licence { get; set; }

    /// <summary><c>open</c> or <c>restricted</c>.</summary>
    public string? Access { get; set; }

    /// <summary>Slugs of data highlights about this entry.</summary>
    public List<string> RelatedHighlights { get; set; } = [];

    private string? _searchEnglish, _searchSwedish;

    /// <summary>
    /// What the catalogue's search box looks in (<see cref="TextQuery.Searchable"/>): name, description, provider, id and
    /// keywords, made once per language (folding 5,000 descriptions on every search made garbage enough to show in p99).
    /// </summary>
    public string SearchText(SiteLanguage language)
    {
        ref var cached = ref language == SiteLanguage.Swedish ? ref _searchSwedish : ref _searchEnglish;
        return cached ??= TextQuery.Searchable([Name.For(language), Description.For(language), Provider, Id, .. Keywords]);
    }
}

/// <summary>A catalogue: its data file's name, the site section it is shown in, and its entries.</summary>
public sealed record Catalog(string Name, string Section, string SourcePath, IReadOnlyList<CatalogEntry> Entries)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<CatalogEntry>> _sorted = new();

    /// <summary>The entries in name order for a language, sorted once (the catalogue never changes).</summary>
    public IReadOnlyList<CatalogEntry> SortedFor(SiteLanguage language) => _sorted.GetOrAdd(language.Code, _ =>
        Entries.OrderBy(e => e.Name.For(language), StringComparer.Create(new System.Globalization.CultureInfo(language.Code), ignoreCase: true)).ToList());

    /// <summary>The catalogues the portal knows: file name (without extension) → section (URL).</summary>
    public static readonly IReadOnlyList<(string File, string Section)> Known = [("services", SectionNames.Services), ("data_sources", SectionNames.DataSources), ("resources", SectionNames.Resources)];

    public static readonly IReadOnlyList<string> Audiences = ["researchers", "facilities"];
    public static readonly IReadOnlyList<string> AccessLevels = ["open", "restricted"];
}

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
                        ? address is not null && System.Net.Mail.MailAddress.TryCreate(address, out _)
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

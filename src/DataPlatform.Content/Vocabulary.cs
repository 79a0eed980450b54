using YamlDotNet.RepresentationModel;

namespace DataPlatform.Content;

/// <summary>
/// Swedish names for the words the data is written in (<c>content/data/vocabulary.yaml</c>, kept by editors): label
/// groups and values of the publications export, data types, catalogue types, audiences and keywords. A Swedish page
/// shows the Swedish name and falls back to the original; a filter's value in the URL stays the original, so links
/// work in both languages.
/// </summary>
/// <remarks>
/// <code>
/// sv:
///   Funder: Finansiär
///   "Health data": Hälsodata
/// </code>
/// </remarks>
public sealed class Vocabulary
{
    public const string RelativePath = "data/vocabulary.yaml";

    public static Vocabulary Empty { get; } = new(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));

    private readonly Dictionary<string, string> _swedish;

    private Vocabulary(Dictionary<string, string> swedish) => _swedish = swedish;

    /// <summary>What <paramref name="term"/> is called in <paramref name="language"/>: the Swedish name when there is one, else the term.</summary>
    public string Name(string term, SiteLanguage language) =>
        language == SiteLanguage.Swedish && _swedish.TryGetValue(term, out var name) ? name : term;

    /// <summary>Whether the file gives <paramref name="term"/> a Swedish name.</summary>
    public bool HasSwedish(string term) => _swedish.ContainsKey(term);

    public static Vocabulary Read(string root, List<Diagnostic> diagnostics)
    {
        var path = Path.Combine(root, RelativePath);
        if (!File.Exists(path))
        {
            return Empty;
        }
        YamlStream stream;
        try
        {
            stream = BoundedYaml.Load(File.ReadAllText(path));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, "vocabulary-syntax", RelativePath, (int)e.Start.Line, $"The vocabulary is not valid YAML: {e.Message}"));
            return Empty;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root1
            || !root1.Children.TryGetValue(new YamlScalarNode("sv"), out var svNode) || svNode is not YamlMappingNode sv)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, "vocabulary-syntax", RelativePath, 1, "The vocabulary must have an 'sv:' map of 'English term: Swedish name' lines."));
            return Empty;
        }
        var swedish = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in sv.Children)
        {
            if (key is YamlScalarNode { Value: { Length: > 0 } term } && value is YamlScalarNode { Value: { Length: > 0 } name })
            {
                swedish[term] = name;
            }
            else
            {
                diagnostics.Add(new Diagnostic(Severity.Warning, "vocabulary-entry", RelativePath, (int)key.Start.Line, "An entry is not 'English term: Swedish name'; it is left out."));
            }
        }
        return new Vocabulary(swedish);
    }

    /// <summary>
    /// A warning for each word the data uses that has no Swedish name, when the site has Swedish pages: label groups and
    /// values, data types, catalogue types and categories, audiences and keywords.
    /// </summary>
    public void ReportMissing(IEnumerable<string> terms, List<Diagnostic> diagnostics)
    {
        foreach (var term in terms.Distinct(StringComparer.OrdinalIgnoreCase).Where(t => !_swedish.ContainsKey(t)).Order(StringComparer.Ordinal))
        {
            diagnostics.Add(new Diagnostic(Severity.Warning, "vocabulary-missing", RelativePath, 0, $"'{term}' has no Swedish name; Swedish pages show it as it is."));
        }
    }

    /// <summary>The words of the data that Swedish pages name through the vocabulary.</summary>
    public static IEnumerable<string> Terms(ResearchOutputs outputs, IEnumerable<Catalog> catalogs) =>
        outputs.LabelGroups
            .Concat(outputs.Labels.Select(l => l.Value))
            .Concat(outputs.DataItems.SelectMany(i => i.DataTypes))
            .Concat(catalogs.SelectMany(c => c.Entries).SelectMany(e => new[] { e.Type, e.Category }.OfType<string>().Concat(e.Audience).Concat(e.Keywords)));
}

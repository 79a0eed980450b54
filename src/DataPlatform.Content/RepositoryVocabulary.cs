using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DataPlatform.Content;

/// <summary>
/// The repositories editors name data by, matched case-insensitively (and ignoring spaces and punctuation) by
/// name or alias. A name that is not in it is kept as written and reported with the nearest known name.
/// </summary>
public sealed class RepositoryVocabulary
{
    public const string FileName = "data/repositories.yaml";

    private readonly Dictionary<string, Repository> _byKey = new(StringComparer.Ordinal);

    public static RepositoryVocabulary Empty { get; } = new([]);

    public RepositoryVocabulary(IReadOnlyList<Repository> repositories)
    {
        All = repositories;
        foreach (var repository in repositories)
        {
            foreach (var name in repository.Aliases.Prepend(repository.Name))
            {
                _byKey.TryAdd(Key(name), repository);
            }
        }
    }

    public IReadOnlyList<Repository> All { get; }

    public Repository? Find(string? name) => string.IsNullOrWhiteSpace(name) ? null : _byKey.GetValueOrDefault(Key(name));

    /// <summary>The known name closest to <paramref name="name"/> (edit distance over names and aliases), for "did you mean …?".</summary>
    public string? Nearest(string name)
    {
        var key = Key(name);
        return _byKey.Select(e => (e.Value.Name, Distance: Lexicon.Distance(key, e.Key))).OrderBy(e => e.Distance).ThenBy(e => e.Name, StringComparer.Ordinal)
            .Select(e => e.Name).FirstOrDefault();
    }

    private static string Key(string name) => new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    /// <summary>Reads <c>data/repositories.yaml</c>: a list of <c>name</c>, <c>aliases</c>, <c>home</c>, <c>accession_url</c>.</summary>
    public static RepositoryVocabulary Read(string root, List<Diagnostic> diagnostics)
    {
        var path = Path.Combine(root, FileName);
        if (!File.Exists(path))
        {
            return Empty;
        }
        YamlStream stream;
        try
        {
            stream = BoundedYaml.Load(File.ReadAllText(path));
        }
        catch (YamlException e)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, "repositories-syntax", FileName, (int)e.Start.Line, $"The file is not valid YAML: {e.Message}"));
            return Empty;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlSequenceNode list)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, "repositories-syntax", FileName, 1, "The file must be a list of repositories."));
            return Empty;
        }
        var repositories = new List<Repository>();
        foreach (var node in list.Children)
        {
            var line = (int)node.Start.Line;
            if (node is not YamlMappingNode map || Scalar(map, "name") is not { Length: > 0 } name)
            {
                diagnostics.Add(new Diagnostic(Severity.Error, "repositories-entry", FileName, line, "Every repository needs a 'name'; this one is left out."));
                continue;
            }
            var aliases = map.Children.TryGetValue(new YamlScalarNode("aliases"), out var a) && a is YamlSequenceNode seq
                ? seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").Where(s => s.Length > 0).ToList()
                : [];
            var pattern = Scalar(map, "accession_url");
            if (pattern is not null && (!pattern.Contains("{accession}", StringComparison.Ordinal) || !IsHttp(pattern)))
            {
                diagnostics.Add(new Diagnostic(Severity.Warning, "repositories-entry", FileName, line,
                    $"'{name}': accession_url must be an http(s) address containing {{accession}}; it is ignored."));
                pattern = null;
            }
            var home = Scalar(map, "home");
            repositories.Add(new Repository(name, aliases, home is not null && IsHttp(home) ? home : null, pattern));
        }
        return new RepositoryVocabulary(repositories);
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode { Value: { } text } && text.Trim().Length > 0 ? text.Trim() : null;

    private static bool IsHttp(string url) => url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
}

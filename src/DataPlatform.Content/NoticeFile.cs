using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DataPlatform.Content;

/// <summary>Reads <c>data/notices.yaml</c>: a list of notices with <c>id</c>, <c>start</c>, <c>end</c>, <c>severity</c>, <c>en</c> and <c>sv</c>.</summary>
public static class NoticeFile
{
    public const string RelativePath = "data/notices.yaml";

    public static IReadOnlyList<Notice> Read(string root, List<Diagnostic> diagnostics)
    {
        var path = Path.Combine(root, RelativePath);
        if (!File.Exists(path))
        {
            return [];
        }
        YamlStream stream;
        try
        {
            stream = BoundedYaml.Load(File.ReadAllText(path));
        }
        catch (YamlException e)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, "notices-yaml", RelativePath, (int)e.Start.Line, $"The notices file is not valid YAML: {e.Message}"));
            return [];
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlSequenceNode list)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, "notices-yaml", RelativePath, 1, "The notices file must be a list of notices."));
            return [];
        }
        var notices = new List<Notice>();
        foreach (var node in list.Children)
        {
            var line = (int)node.Start.Line;
            if (node is not YamlMappingNode map)
            {
                diagnostics.Add(new Diagnostic(Severity.Error, "notice-invalid", RelativePath, line, "Each notice must be a set of 'key: value' lines."));
                continue;
            }
            string? Get(string key) => map.Children.FirstOrDefault(kv => (kv.Key as YamlScalarNode)?.Value == key).Value is YamlScalarNode { Value: { Length: > 0 } v } ? v : null;
            var start = Get("start") is { } s ? FrontMatter.ParseDate(s) : null;
            var end = Get("end") is { } e ? FrontMatter.ParseDate(e) : null;
            var text = new Dictionary<string, string>();
            foreach (var language in SiteLanguage.All)
            {
                if (Get(language.Code) is { } t)
                {
                    text[language.Code] = t;
                }
            }
            var problem = start is null ? "'start' is missing or not a date"
                : end is null ? "'end' is missing or not a date"
                : end <= start ? "'end' is not after 'start'"
                : text.Count == 0 ? "there is no text ('en' or 'sv')"
                : null;
            if (problem is not null)
            {
                diagnostics.Add(new Diagnostic(Severity.Error, "notice-invalid", RelativePath, line, $"Notice left out: {problem}."));
                continue;
            }
            var severity = Enum.TryParse<NoticeSeverity>(Get("severity"), ignoreCase: true, out var parsed) ? parsed : NoticeSeverity.Info;
            notices.Add(new Notice(Get("id") ?? $"notice-{line}", start!.Value, end!.Value, severity, text));
        }
        return notices;
    }
}

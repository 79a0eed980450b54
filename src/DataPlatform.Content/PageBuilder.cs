using System.Globalization;

namespace DataPlatform.Content;

/// <summary>A parsed file becomes a page: its kind, section, inherited front matter (cascade), title and URL (Hugo's rules).</summary>
internal static class PageBuilder
{
    /// <summary>Cascades come from section pages (<c>_index</c>) and apply below them, per language.</summary>
    public static Dictionary<(string, string), IReadOnlyDictionary<string, object?>> Cascades(List<SourceFile> sources, ParsedFile[] parsed)
    {
        var cascades = new Dictionary<(string, string), IReadOnlyDictionary<string, object?>>();
        for (var i = 0; i < sources.Count; i++)
        {
            if (parsed[i].FrontMatter is { } fm && FileName(sources[i].LogicalPath) == "_index" && fm.Cascade.Count > 0)
            {
                cascades[(sources[i].Language.Code, DirectoryOf(sources[i].LogicalPath))] = fm.Cascade;
            }
        }
        return cascades;
    }

    public static Page Build(SourceFile source, ParsedFile file, Dictionary<(string, string), IReadOnlyDictionary<string, object?>> cascades, List<Diagnostic> diagnostics)
    {
        var name = FileName(source.LogicalPath);
        var folder = DirectoryOf(source.LogicalPath);
        PageKind kind;
        string directory, parentDirectory, lastSegment;
        if (name == "_index" || (name == "index" && folder.Length == 0))
        {
            kind = folder.Length == 0 ? PageKind.Home : PageKind.Section;
            directory = folder;
            parentDirectory = Parent(folder);
            lastSegment = LastSegment(folder);
        }
        else if (name == "index")
        {
            kind = PageKind.Page;
            directory = folder;
            parentDirectory = Parent(folder);
            lastSegment = LastSegment(folder);
        }
        else
        {
            kind = PageKind.Page;
            directory = folder.Length == 0 ? name : folder + "/" + name;
            parentDirectory = folder;
            lastSegment = name;
        }

        var meta = file.FrontMatter!.WithInherited(Inherited(source.Language, parentDirectory, cascades));
        var title = meta.Title ?? meta.LinkTitle;
        if (title is null)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, "missing-title", source.RelativePath, 1, "The page has no 'title' in its front matter."));
            title = kind == PageKind.Home ? "Home" : Humanize(lastSegment);
        }

        string url;
        if (meta.Url is { } explicitUrl && kind != PageKind.Home)
        {
            url = NormalizePath(explicitUrl);
            if (SiteLanguage.FromPath(url) != source.Language)
            {
                url = source.Language.Localize(url);
            }
        }
        else
        {
            var path = kind switch
            {
                PageKind.Home => "/",
                PageKind.Section => "/" + directory + "/",
                _ => "/" + (parentDirectory.Length == 0 ? "" : parentDirectory + "/") + (meta.Slug ?? lastSegment) + "/",
            };
            url = source.Language.Localize(Urlize(path));
            if (url.Length > 1 && url.EndsWith("//", StringComparison.Ordinal))
            {
                url = url[..^1];
            }
        }
        if (url == "/sv")
        {
            url = "/sv/";
        }

        return new Page
        {
            Language = source.Language,
            Url = url,
            Kind = kind,
            Section = source.LogicalPath.Contains('/', StringComparison.Ordinal) ? source.LogicalPath[..source.LogicalPath.IndexOf('/', StringComparison.Ordinal)] : "",
            ParentDirectory = parentDirectory,
            Directory = directory,
            TranslationKey = meta.TranslationKey ?? source.LogicalPath,
            SourcePath = source.RelativePath,
            Meta = meta,
            Parsed = file,
            Title = title,
        };
    }

    private static Dictionary<string, object?> Inherited(SiteLanguage language, string directory, Dictionary<(string, string), IReadOnlyDictionary<string, object?>> cascades)
    {
        var chain = new List<IReadOnlyDictionary<string, object?>>();
        var current = directory;
        while (true)
        {
            if (cascades.TryGetValue((language.Code, current), out var cascade) || cascades.TryGetValue((SiteLanguage.Default.Code, current), out cascade))
            {
                chain.Add(cascade);
            }
            if (current.Length == 0)
            {
                break;
            }
            current = Parent(current);
        }
        if (chain.Count == 0)
        {
            return new Dictionary<string, object?>();
        }
        var merged = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            foreach (var (key, value) in chain[i])
            {
                merged[key] = value;
            }
        }
        return merged;
    }

    public static string FileName(string logicalPath) => Path.GetFileNameWithoutExtension(logicalPath);

    public static string DirectoryOf(string logicalPath)
    {
        var slash = logicalPath.LastIndexOf('/');
        return slash < 0 ? "" : logicalPath[..slash];
    }

    public static string Parent(string directory) => DirectoryOf(directory);

    private static string LastSegment(string directory) => directory[(directory.LastIndexOf('/') + 1)..];

    /// <summary>A site path with a leading slash and, unless it names a file, a trailing one.</summary>
    public static string NormalizePath(string path)
    {
        var p = path.Trim();
        var scheme = p.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            var slash = p.IndexOf('/', scheme + 3);
            p = slash < 0 ? "/" : p[slash..];
        }
        p = "/" + p.TrimStart('/');
        var last = p[(p.LastIndexOf('/') + 1)..];
        if (!p.EndsWith('/') && !last.Contains('.', StringComparison.Ordinal))
        {
            p += "/";
        }
        return Urlize(p);
    }

    /// <summary>Hugo's default path treatment: lower case, spaces become hyphens.</summary>
    public static string Urlize(string path) => path.ToLowerInvariant().Replace(' ', '-');

    public static string Humanize(string segment)
    {
        var words = segment.Replace('-', ' ').Replace('_', ' ').Trim();
        return words.Length == 0 ? segment : char.ToUpper(words[0], CultureInfo.InvariantCulture) + words[1..];
    }
}

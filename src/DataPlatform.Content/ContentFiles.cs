namespace DataPlatform.Content;

/// <summary>The walk of the content folder: pages, their resources, and <c>static/</c>, in either language layout.</summary>
internal static class ContentFiles
{
    private static readonly string[] MarkdownExtensions = [".md", ".markdown"];

    public static (List<SourceFile> Sources, List<ResourceFile> Resources, Dictionary<string, string> Static) Enumerate(string root, ContentOptions options, List<Diagnostic> diagnostics)
    {
        var sources = new List<SourceFile>();
        var resources = new List<ResourceFile>();
        var staticFiles = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var staticRoot = Path.Combine(root, "static");
        var realRoot = ContentPaths.RealPath(root) ?? Path.GetFullPath(root);
        if (System.IO.Directory.Exists(staticRoot))
        {
            foreach (var file in Walk(staticRoot, root, realRoot, diagnostics))
            {
                staticFiles.TryAdd("/" + Relative(staticRoot, file.FullName), file.FullName);
            }
        }

        var roots = options.Layout == ContentLayout.Directories
            ? SiteLanguage.All.Select(l => (Language: (SiteLanguage?)l, Folder: Path.Combine(root, options.Directories.GetValueOrDefault(l.Code) ?? l.Code))).ToList()
            : [(Language: null, Folder: root)];
        foreach (var (fixedLanguage, folder) in roots)
        {
            if (!System.IO.Directory.Exists(folder))
            {
                diagnostics.Add(new Diagnostic(Severity.Error, "language-folder", Relative(root, folder), 0,
                    $"The folder for {fixedLanguage?.NativeName} ('{Relative(root, folder)}') does not exist; check Content:Directories."));
                continue;
            }
            foreach (var file in Walk(folder, root, realRoot, diagnostics))
            {
                var relativeToFolder = Relative(folder, file.FullName);
                // static/ is served from the root; data/ holds data files (notices), not pages or downloads.
                if (fixedLanguage is null && (relativeToFolder.StartsWith("static/", StringComparison.Ordinal) || relativeToFolder.StartsWith("data/", StringComparison.Ordinal)))
                {
                    continue;
                }
                var relativeToRoot = Relative(root, file.FullName);
                var (language, logical) = fixedLanguage is null ? SplitLanguage(relativeToFolder) : (fixedLanguage, relativeToFolder);
                if (MarkdownExtensions.Contains(Path.GetExtension(file.Name), StringComparer.OrdinalIgnoreCase) || IsHtmlPage(file.FullName))
                {
                    sources.Add(new SourceFile(file.FullName, relativeToRoot, language, logical, file.LastWriteTimeUtc, file.Length));
                }
                else
                {
                    resources.Add(new ResourceFile(file.FullName, relativeToFolder, language));
                }
            }
        }
        sources.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return (sources, resources, staticFiles);
    }

    /// <summary>As in Hugo, an <c>.html</c> file that opens with front matter is a page; any other is a file served as it is.</summary>
    private static bool IsHtmlPage(string path)
    {
        if (!path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) && !path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        try
        {
            Span<byte> start = stackalloc byte[4];
            using var file = File.OpenRead(path);
            var read = file.ReadAtLeast(start, 4, throwOnEndOfStream: false);
            return read >= 4 && (start[..3].SequenceEqual("---"u8) || start[..3].SequenceEqual("+++"u8)) && start[3] is (byte)'\n' or (byte)'\r';
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>A file found by the walk: enough to decide whether to parse it again.</summary>
    private readonly record struct WalkedFile(string FullName, string Name, DateTime LastWriteTimeUtc, long Length);

    // FileSystemEnumerable with a transform: no FileInfo per file, which made the walk of 15,000 files
    // the largest part of a reload.
    private static System.IO.Enumeration.FileSystemEnumerable<WalkedFile> Walk(string folder, string root, string realRoot, List<Diagnostic> diagnostics)
    {
        // Folders reached through a link in this walk: each is walked once, however many links lead to it.
        var followed = new HashSet<string>(StringComparer.Ordinal);
        return new System.IO.Enumeration.FileSystemEnumerable<WalkedFile>(folder,
            (ref System.IO.Enumeration.FileSystemEntry entry) => new WalkedFile(entry.ToFullPath(), entry.FileName.ToString(), entry.LastWriteTimeUtc.UtcDateTime, entry.Length),
            new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System })
        {
            ShouldIncludePredicate = (ref System.IO.Enumeration.FileSystemEntry entry) =>
                !entry.IsDirectory && (!IsLink(entry) || FollowLink(entry.ToFullPath(), entry.Directory.ToString(), isDirectory: false, root, realRoot, followed, diagnostics)),
            ShouldRecursePredicate = (ref System.IO.Enumeration.FileSystemEntry entry) =>
                !IsLink(entry) || FollowLink(entry.ToFullPath(), entry.Directory.ToString(), isDirectory: true, root, realRoot, followed, diagnostics),
        };
    }

    private static bool IsLink(in System.IO.Enumeration.FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) != 0;

    /// <summary>
    /// A link is followed when it leads inside the content folder; a folder link also only when it does not lead to a
    /// folder it is itself in (a loop) nor to one this walk already followed a link to.
    /// </summary>
    private static bool FollowLink(string path, string parent, bool isDirectory, string root, string realRoot, HashSet<string> followed, List<Diagnostic> diagnostics)
    {
        var target = ContentPaths.RealPath(path);
        string? reason = null;
        if (target is null || (isDirectory ? !System.IO.Directory.Exists(target) : !File.Exists(target)))
        {
            reason = "leads nowhere (a missing target or a loop of links)";
        }
        else if (!ContentPaths.IsBelowOrSame(realRoot, target))
        {
            reason = "leads outside the content folder";
        }
        else if (isDirectory && ContentPaths.RealPath(parent) is { } realParent && ContentPaths.IsBelowOrSame(target, realParent))
        {
            reason = "leads to a folder it is in (a loop)";
        }
        else if (isDirectory && !followed.Add(target))
        {
            return false; // the folder is walked through another link already
        }
        if (reason is null)
        {
            return true;
        }
        diagnostics.Add(new Diagnostic(Severity.Warning, "symlink", Relative(root, path), 0, $"The symbolic link {reason}; it is not followed."));
        return false;
    }

    public static string Relative(string from, string path) => Path.GetRelativePath(from, path).Replace('\\', '/');

    /// <summary><c>about/team.sv.md</c> → (Swedish, <c>about/team.md</c>); no language suffix means English.</summary>
    private static (SiteLanguage, string) SplitLanguage(string relative)
    {
        var extension = Path.GetExtension(relative);
        var withoutExtension = relative[..^extension.Length];
        var languageDot = withoutExtension.LastIndexOf('.');
        if (languageDot > withoutExtension.LastIndexOf('/') + 0 && SiteLanguage.Find(withoutExtension[(languageDot + 1)..]) is { } language)
        {
            return (language, withoutExtension[..languageDot] + extension);
        }
        return (SiteLanguage.Default, relative);
    }
}

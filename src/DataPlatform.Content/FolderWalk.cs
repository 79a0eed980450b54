namespace DataPlatform.Content;

/// <summary>What a walk of the content folder found, to be reused when only known files were written since.</summary>
internal sealed record FolderWalk(List<SourceFile> Sources, List<ResourceFile> Resources, Dictionary<string, string> Static, List<Diagnostic> Diagnostics,
    Dictionary<string, int> SourceIndex, HashSet<string> OtherFiles)
{
    public static FolderWalk Of(string root, ContentOptions options)
    {
        var found = new List<Diagnostic>();
        var (sources, resources, staticFiles) = ContentFiles.Enumerate(root, options, found);
        var index = new Dictionary<string, int>(sources.Count, StringComparer.Ordinal);
        for (var i = 0; i < sources.Count; i++)
        {
            index[sources[i].FullPath] = i;
        }
        var others = new HashSet<string>(resources.Select(r => r.FullPath).Concat(staticFiles.Values), StringComparer.Ordinal);
        return new FolderWalk(sources, resources, staticFiles, found, index, others);
    }

    /// <summary>This walk with the written files' times and sizes brought up to date; null when one of them is not a file it knew.</summary>
    public FolderWalk? Refresh(IReadOnlyCollection<string> changedFiles)
    {
        List<SourceFile>? sources = null;
        foreach (var path in changedFiles)
        {
            if (OtherFiles.Contains(path))
            {
                continue; // an image or a data file: served from disk, read where it is used
            }
            if (!SourceIndex.TryGetValue(path, out var i))
            {
                return null;
            }
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return null;
            }
            sources ??= [.. Sources];
            sources[i] = sources[i] with { Modified = info.LastWriteTimeUtc, Length = info.Length };
        }
        return sources is null ? this : this with { Sources = sources };
    }
}

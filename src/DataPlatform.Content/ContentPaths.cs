namespace DataPlatform.Content;

/// <summary>
/// Where a path really leads. Anyone who can commit to the content repository can add a symbolic link; a link is
/// followed only when what it leads to is inside the content folder, so no file the portal can read elsewhere
/// (<c>static/etc -&gt; /etc</c>) is ever served or parsed, and a folder is never walked twice through links (no loops).
/// </summary>
public static class ContentPaths
{
    /// <summary>Linux gives up after 40 links in one path (ELOOP); so do we.</summary>
    private const int MaximumLinks = 40;

    /// <summary>
    /// The path with every symbolic link along it followed, as <c>realpath</c> gives it; null when it loops or a link
    /// cannot be read. Parts that do not exist are kept as written.
    /// </summary>
    public static string? RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        if (OperatingSystem.IsWindows())
        {
            return full;
        }
        var pending = new Stack<string>(full.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse());
        var resolved = "/";
        var links = 0;
        try
        {
            while (pending.TryPop(out var part))
            {
                if (part == ".")
                {
                    continue;
                }
                if (part == "..")
                {
                    resolved = Path.GetDirectoryName(resolved) ?? "/";
                    continue;
                }
                var next = Path.Join(resolved, part);
                if (new FileInfo(next).LinkTarget is not { } target)
                {
                    resolved = next;
                    continue;
                }
                if (++links > MaximumLinks)
                {
                    return null;
                }
                foreach (var targetPart in target.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse())
                {
                    pending.Push(targetPart);
                }
                if (target.StartsWith('/'))
                {
                    resolved = "/";
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        return resolved;
    }

    /// <summary>
    /// True when <paramref name="path"/>, all links followed, is <paramref name="realRoot"/> (the content folder as
    /// <see cref="RealPath"/> gives it) or below it.
    /// </summary>
    public static bool IsInside(string realRoot, string path) =>
        RealPath(path) is { } real && IsBelowOrSame(realRoot, real);

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or below it (both already resolved).</summary>
    public static bool IsBelowOrSame(string folder, string path) =>
        path == folder || path.StartsWith(Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}

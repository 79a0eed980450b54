namespace DataPlatform.Tests.Infrastructure;

/// <summary>Golden content folders kept beside the tests, and writable copies of them.</summary>
public static class Fixtures
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>
    /// A whole bilingual site (every page kind, catalogues, notices, static files), frozen from the portal's
    /// content when the tests were written. Tests use it rather than <see cref="RepositoryContent"/>, so an
    /// editor's change to <c>content/</c> can never break the build.
    /// </summary>
    public static string Portal => Path("portal");

    /// <summary>The repository's own <c>content/</c> folder: only for the one smoke test that it loads and checks clean.</summary>
    public static string RepositoryContent => System.IO.Path.Combine(RepositoryRoot, "content");

    /// <summary>The folder holding <c>DataPlatform.sln</c>.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "DataPlatform.sln")))
                {
                    return dir.FullName;
                }
            }
            throw new DirectoryNotFoundException("The repository root (DataPlatform.sln) was not found above the test binaries.");
        }
    }

    /// <summary>A copy of a fixture in a temporary folder, for tests that change files.</summary>
    public static string Copy(string name)
    {
        var target = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "portal-content-" + Guid.NewGuid().ToString("N")[..8]);
        CopyDirectory(name.Contains('/') ? name : Path(name), target);
        return target;
    }

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, System.IO.Path.Combine(target, System.IO.Path.GetFileName(file)));
        }
        foreach (var dir in Directory.GetDirectories(source))
        {
            CopyDirectory(dir, System.IO.Path.Combine(target, System.IO.Path.GetFileName(dir)));
        }
    }
}

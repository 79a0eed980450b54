namespace DataPlatform.Tests.Infrastructure;

/// <summary>Golden content folders kept beside the tests, and writable copies of them.</summary>
public static class Fixtures
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>The repository's own <c>content/</c> folder.</summary>
    public static string RepositoryContent
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "DataPlatform.sln")))
                {
                    return System.IO.Path.Combine(dir.FullName, "content");
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

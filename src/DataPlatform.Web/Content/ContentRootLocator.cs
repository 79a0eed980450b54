namespace DataPlatform.Web.Content;

/// <summary>Finds the repository's <c>content/</c> folder when <c>Content:Root</c> is not set, wherever the app is started from.</summary>
public static class ContentRootLocator
{
    public static string Resolve(string configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "DataPlatform.sln")) && Directory.Exists(Path.Combine(dir.FullName, "content")))
                {
                    return Path.Combine(dir.FullName, "content");
                }
            }
        }
        return Path.GetFullPath("content");
    }
}

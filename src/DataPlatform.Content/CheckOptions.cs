namespace DataPlatform.Content;

/// <summary>Settings of a check.</summary>
/// <param name="IsAppRoute">Paths the web app answers itself (forms, search, feeds); links to them are not broken.</param>
/// <param name="UseGit">Date translations by their files' last commits when the folder is a git checkout.</param>
public sealed record CheckOptions(Func<string, ContentSnapshot, bool>? IsAppRoute = null, bool UseGit = true)
{
    /// <summary>Commit times already read (the site caches them per HEAD); when set, git is not asked again.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset>? CommitTimes { get; init; }
}

namespace DataPlatform.Content;

/// <summary>An entry of a named menu, with its children (entries that name it as <c>parent</c>), ordered by weight.</summary>
public sealed record MenuItem(
    string Name,
    string Identifier,
    string Url,
    int Weight,
    string? Pre,
    string? Post,
    IReadOnlyList<MenuItem> Children)
{
    /// <summary>True when <paramref name="path"/> is below this entry (the home page contains nothing, or it would be in every trail).</summary>
    public bool Contains(string path) =>
        (SiteLanguage.FromPath(Url).Neutral(Url) != "/" && path.StartsWith(Url, StringComparison.OrdinalIgnoreCase)) || Children.Any(c => c.Contains(path));
}

namespace DataPlatform.Content;

/// <summary>A data repository of the controlled vocabulary (<c>data/repositories.yaml</c>).</summary>
public sealed record Repository(string Name, IReadOnlyList<string> Aliases, string? Home, string? AccessionUrl)
{
    /// <summary>The entry for an accession: the pattern with <c>{accession}</c> filled in (escaped), or null without a pattern.</summary>
    public string? EntryUrl(string? accession) =>
        AccessionUrl is null || string.IsNullOrWhiteSpace(accession) ? null : AccessionUrl.Replace("{accession}", Uri.EscapeDataString(accession.Trim()).Replace("%2F", "/", StringComparison.Ordinal), StringComparison.Ordinal);
}

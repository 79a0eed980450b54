namespace DataPlatform.Content;

/// <summary>Where to find more about an entry.</summary>
public sealed class CatalogLinks
{
    public string? Homepage { get; set; }
    public string? Documentation { get; set; }
    public string? SourceCode { get; set; }
    public string? ContactEmail { get; set; }
    public string? StatusPage { get; set; }
}

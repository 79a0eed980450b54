namespace DataPlatform.Content;

/// <summary>A link from a publication to data: a repository entry named by a cross-reference or the datasets export.</summary>
public sealed record DataLink(string Repository, string? Accession, string? Url, string? Description);

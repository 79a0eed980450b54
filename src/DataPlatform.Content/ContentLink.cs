namespace DataPlatform.Content;

/// <summary>A link or image reference found in a page's body, with its line in the file.</summary>
public sealed record ContentLink(string Url, int Line, bool IsImage, bool HasAltText);

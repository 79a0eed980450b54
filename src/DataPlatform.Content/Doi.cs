namespace DataPlatform.Content;

/// <summary>Bare DOIs: trimmed, lower case, without <c>https://doi.org/</c>, <c>http://dx.doi.org/</c> or <c>doi:</c>.</summary>
public static class Doi
{
    private static readonly string[] Prefixes = ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi.org/", "doi:"];

    /// <summary>The bare DOI, or null when the text is not one (it must start with <c>10.</c> and have a suffix).</summary>
    public static string? Normalize(string? text)
    {
        var doi = text?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(doi))
        {
            return null;
        }
        foreach (var prefix in Prefixes)
        {
            if (doi.StartsWith(prefix, StringComparison.Ordinal))
            {
                doi = doi[prefix.Length..].Trim();
                break;
            }
        }
        return doi.StartsWith("10.", StringComparison.Ordinal) && doi.IndexOf('/', StringComparison.Ordinal) > 3 && !doi.Any(char.IsWhiteSpace) ? doi : null;
    }
}

namespace DataPlatform.Content;

/// <summary>One author as the export names them: a person, or a group ("NEMA Research Group") written as a family name alone.</summary>
public sealed record Author(string Family, string? Given, string? Initials, string? Orcid)
{
    /// <summary>
    /// A group or consortium: the export writes one as a family name with neither given name nor initials. Reference
    /// managers must keep its name whole, never split it into "Group, NEMA Research".
    /// </summary>
    public bool IsGroup => string.IsNullOrEmpty(Given) && string.IsNullOrEmpty(Initials);

    /// <summary>"Ferree KE", as reference lists write it.</summary>
    public string Cited => Initials is { Length: > 0 } ? $"{Family} {Initials}" : Given is { Length: > 0 } ? $"{Family} {Given[0]}" : Family;

    /// <summary>"Karen E Ferree".</summary>
    public string Full => Given is { Length: > 0 } ? $"{Given} {Family}" : Family;

    /// <summary>
    /// What some exports write where there is no author (<c>"None"</c>, <c>"null"</c>…): never a name, and left out of
    /// the record (<see cref="OutputsFile"/> reports it).
    /// </summary>
    public static bool IsPlaceholder(string family, string? given) =>
        string.IsNullOrEmpty(given) && family.Trim().ToLowerInvariant() is "none" or "null" or "nan" or "n/a" or "na" or "-" or "–" or "unknown" or "anonymous";
}

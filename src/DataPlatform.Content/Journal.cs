namespace DataPlatform.Content;

public sealed record Journal(string? Title, string? Issn, string? Volume, string? Issue, string? Pages)
{
    /// <summary>The first page of <see cref="Pages"/> ("4481" of "4481-4490"), or the article number when there is no range.</summary>
    public string? FirstPage => PageRange().First;

    /// <summary>The last page of a range ("4490" of "4481-4490", also written with an en dash); null for a single page or article number.</summary>
    public string? LastPage => PageRange().Last;

    /// <summary>The title without the full stop abbreviated titles end in ("Epidemiol. Infect."), so a citation adds exactly one.</summary>
    public string? TitleWithoutStop => Title?.TrimEnd('.', ' ') is { Length: > 0 } trimmed ? trimmed : null;

    private (string? First, string? Last) PageRange()
    {
        if (Pages is not { Length: > 0 } pages)
        {
            return (null, null);
        }
        var parts = pages.Split(['-', '–', '—'], 2, StringSplitOptions.TrimEntries);
        return parts.Length == 2 && parts[0].Length > 0 && parts[1].Length > 0 ? (parts[0], parts[1]) : (parts[0].Length > 0 ? parts[0] : null, null);
    }
}

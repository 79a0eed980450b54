namespace DataPlatform.Content;

/// <summary>A data shortcode that could not be shown: the page shows this text in its place (the editor gets a diagnostic).</summary>
public sealed class UnavailableEmbed : PageEmbed
{
    public required string Title { get; init; }

    /// <summary>Where the data was meant to come from, linked when it is a web address.</summary>
    public string? Source { get; init; }
}

namespace DataPlatform.Content;

/// <summary>What a data shortcode became when content loaded: a table or a chart, ready to show.</summary>
public abstract class PageEmbed
{
    /// <summary>Names the embed in query strings and downloads (<c>projects-q</c>, <c>projects-format=csv</c>).</summary>
    public required string Id { get; init; }

    public required int Index { get; init; }
}

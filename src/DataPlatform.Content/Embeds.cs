namespace DataPlatform.Content;

/// <summary>
/// A data shortcode as the parser found it (<c>datatable</c>, <c>chart</c>, <c>plotly</c>): its arguments, its place among
/// the page's embeds, and where it is in the file (<see cref="Offset"/> in the body; <see cref="Line"/> in the file).
/// </summary>
public sealed record EmbedRequest(string Kind, IReadOnlyDictionary<string, string> Args, int Index, int Offset)
{
    public int Line { get; init; } = 1;

    /// <summary>What stands in the page's HTML where the embed is shown.</summary>
    public string Marker => MarkerFor(Index);

    public static string MarkerFor(int index) => $"<!--embed:{index}-->";

    public string? Arg(string name) => Args.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
}

/// <summary>What a data shortcode became when content loaded: a table or a chart, ready to show.</summary>
public abstract class PageEmbed
{
    /// <summary>Names the embed in query strings and downloads (<c>projects-q</c>, <c>projects-format=csv</c>).</summary>
    public required string Id { get; init; }

    public required int Index { get; init; }
}

/// <summary>A data shortcode that could not be shown: the page shows this text in its place (the editor gets a diagnostic).</summary>
public sealed class UnavailableEmbed : PageEmbed
{
    public required string Title { get; init; }

    /// <summary>Where the data was meant to come from, linked when it is a web address.</summary>
    public string? Source { get; init; }
}

/// <summary>Splits a page's HTML at its embed markers.</summary>
public static class EmbedMarkers
{
    /// <summary>The HTML before, between and after the embeds: (text, embed index or -1 for the last piece).</summary>
    public static IEnumerable<(string Html, int EmbedIndex)> Split(string html, int embedCount)
    {
        var start = 0;
        for (var i = 0; i < embedCount; i++)
        {
            var marker = EmbedRequest.MarkerFor(i);
            var at = html.IndexOf(marker, start, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }
            yield return (html[start..at], i);
            start = at + marker.Length;
        }
        yield return (html[start..], -1);
    }
}

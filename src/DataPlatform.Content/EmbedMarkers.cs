namespace DataPlatform.Content;

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

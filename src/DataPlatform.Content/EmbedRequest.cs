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

using DataPlatform.Content;

namespace DataPlatform.Web.Content;

/// <summary>The home page's teaser of the research outputs: how many there are, and the newest publications.</summary>
public sealed record OutputsTeaser(int Publications, int DataItems, IReadOnlyList<Publication> Newest);

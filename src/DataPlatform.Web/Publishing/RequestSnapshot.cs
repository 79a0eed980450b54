using DataPlatform.Content;

namespace DataPlatform.Web.Publishing;

/// <summary>The snapshot a request is served from when it is not the live one (a branch preview); set before anything reads it.</summary>
public sealed class RequestSnapshot
{
    public ContentSnapshot? Snapshot { get; set; }
}

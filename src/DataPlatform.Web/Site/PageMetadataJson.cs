using System.Text.Json;
using System.Text.Json.Serialization;

namespace DataPlatform.Web.Site;

/// <summary>How JSON-LD is written: the one writer for every page's schema.org data.</summary>
public static class PageMetadataJson
{
    // The default encoder escapes <, > and & so the JSON cannot close its script element.
    private static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>
    /// The data as JSON-LD, without null values and empty lists at any depth (the data is built from dictionaries, which
    /// the serializer's null handling does not reach): <c>"sameAs": null</c> tells a reader something false.
    /// </summary>
    public static string Write(object data)
    {
        var node = JsonSerializer.SerializeToNode(data, Options)!;
        Prune(node);
        return node.ToJsonString(Options);
    }

    private static bool Prune(System.Text.Json.Nodes.JsonNode? node)
    {
        switch (node)
        {
            case null:
                return true;
            case System.Text.Json.Nodes.JsonObject obj:
                foreach (var key in obj.Where(p => Prune(p.Value)).Select(p => p.Key).ToList())
                {
                    obj.Remove(key);
                }
                return obj.Count == 0;
            case System.Text.Json.Nodes.JsonArray array:
                for (var i = array.Count - 1; i >= 0; i--)
                {
                    if (Prune(array[i]))
                    {
                        array.RemoveAt(i);
                    }
                }
                return array.Count == 0;
            default:
                return false;
        }
    }
}

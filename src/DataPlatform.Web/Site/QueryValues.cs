namespace DataPlatform.Web.Site;

/// <summary>Query-string values as the filters use them.</summary>
public static class QueryValues
{
    /// <summary>Null for a missing or blank value (an empty select option), the trimmed text otherwise.</summary>
    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

namespace DataPlatform.Content;

/// <summary>A label of the export (<c>"Category: Health"</c>): a group and a value.</summary>
public sealed record Label(string Group, string Value)
{
    /// <summary>The label as the export and the filter URLs write it: <c>Category: Health</c>.</summary>
    public string Key { get; } = $"{Group}: {Value}";

    public static Label? Parse(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 || colon == text.Length - 1 ? null : new Label(text[..colon].Trim(), text[(colon + 1)..].Trim());
    }
}

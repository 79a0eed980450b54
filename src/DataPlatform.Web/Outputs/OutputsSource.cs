namespace DataPlatform.Web.Outputs;

/// <summary>One remote export: where it comes from.</summary>
public sealed class OutputsSource
{
    /// <summary>An http(s) address of the export; empty: none.</summary>
    public string Url { get; set; } = "";
}

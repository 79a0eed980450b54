namespace DataPlatform.Content;

/// <summary>How loud a site-wide notice is.</summary>
public enum NoticeSeverity
{
    Info,
    Warning,
    Critical,
}

namespace DataPlatform.Content;

/// <summary>The <c>Content</c> configuration section: where the Markdown content is and how it is laid out.</summary>
public sealed class ContentOptions
{
    public const string SectionName = "Content";

    /// <summary>The content folder. Relative paths are resolved against the working directory. Default: the repository's <c>content/</c>.</summary>
    public string Root { get; set; } = "";

    /// <summary><see cref="ContentLayout.Suffix"/> (default) or <see cref="ContentLayout.Directories"/>.</summary>
    public ContentLayout Layout { get; set; } = ContentLayout.Suffix;

    /// <summary>With <see cref="ContentLayout.Directories"/>: the folder under <see cref="Root"/> for each language code, e.g. <c>en</c> → <c>english</c>.</summary>
    public Dictionary<string, string> Directories { get; set; } = new(StringComparer.OrdinalIgnoreCase) { ["en"] = "en", ["sv"] = "sv" };

    /// <summary>How long to wait after the last file change before reloading, in milliseconds. Editors' tools write several files at once.</summary>
    public int ReloadDebounceMilliseconds { get; set; } = 30;

    /// <summary>Also look for changes every this many seconds (0, the default: only when the file watcher reports one). A safety net for network file systems.</summary>
    public int PollSeconds { get; set; }

    /// <summary>
    /// A folder of research-output exports fetched from URLs (<c>publications.json</c>, <c>datasets.json</c>), read
    /// beside those in <c>data/</c>. Set by the web app from <c>Outputs</c>; null: none.
    /// </summary>
    public string? FetchedDataDirectory { get; set; }

    /// <summary>Where charts fetched from the web are kept (last good copies, last problems). Set by the web app from <c>Charts</c>; null: remote charts show their notice.</summary>
    public string? RemoteChartDirectory { get; set; }

    /// <summary>The hosts charts may be fetched from (<c>Charts:AllowedHosts</c>); <c>*</c> allows any public host.</summary>
    public List<string> AllowedChartHosts { get; set; } = [];
}

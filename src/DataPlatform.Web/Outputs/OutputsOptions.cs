namespace DataPlatform.Web.Outputs;

/// <summary>The <c>Outputs</c> configuration section: research-output exports fetched from URLs.</summary>
public sealed class OutputsOptions
{
    public const string SectionName = "Outputs";

    /// <summary>A publications export (the format of <c>data/publications.json</c>).</summary>
    public OutputsSource Publications { get; set; } = new();

    /// <summary>A datasets export (the format of <c>data/datasets.json</c>).</summary>
    public OutputsSource Datasets { get; set; } = new();

    /// <summary>How often to fetch again, in minutes (default 60).</summary>
    public int RefreshMinutes { get; set; } = 60;

    /// <summary>Where the last good copy of each export is kept, so a restart while a source is down still serves it (default <c>.local/outputs</c>).</summary>
    public string CacheDirectory { get; set; } = ".local/outputs";

    /// <summary>The largest export accepted, in megabytes (default 200).</summary>
    public int MaximumMegabytes { get; set; } = 200;

    /// <summary>How long one fetch may take from request to last byte, in seconds (default 60): a source that trickles is given up.</summary>
    public int TimeoutSeconds { get; set; } = 60;

    public IEnumerable<(string Name, string Url)> Sources =>
        new[] { ("publications.json", Publications.Url), ("datasets.json", Datasets.Url) }.Where(s => !string.IsNullOrWhiteSpace(s.Item2));

    public static bool IsHttpUrl(string url) =>
        string.IsNullOrWhiteSpace(url) || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps));
}

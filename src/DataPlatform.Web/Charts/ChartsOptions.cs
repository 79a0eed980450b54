using DataPlatform.Content;

namespace DataPlatform.Web.Charts;

/// <summary>The <c>Charts</c> configuration section: charts whose data is on the web.</summary>
public sealed class ChartsOptions
{
    public const string SectionName = "Charts";

    /// <summary>Hosts chart data may be fetched from (<c>data.example.org</c>); <c>*</c> allows any public host. Empty: none.</summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>How often each source is fetched again, in minutes (default 60).</summary>
    public int RefreshMinutes { get; set; } = 60;

    /// <summary>How long one fetch may take, in seconds (default 10).</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>The largest source accepted, in megabytes (default 20).</summary>
    public int MaximumMegabytes { get; set; } = 20;

    /// <summary>Where the last good copy of each source is kept, so a restart while a source is down still shows it (default <c>.local/charts</c>).</summary>
    public string CacheDirectory { get; set; } = ".local/charts";

    public static ContentOptions Apply(ContentOptions content, ChartsOptions charts)
    {
        content.RemoteChartDirectory = Path.GetFullPath(charts.CacheDirectory);
        content.AllowedChartHosts = charts.AllowedHosts;
        return content;
    }
}

namespace DataPlatform.Web.Site;

/// <summary>The <c>Metrics</c> section: who may read <c>/metrics</c>, and where traces go.</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>Networks in CIDR form (<c>10.244.0.0/16</c>, the Prometheus pods') allowed to read <c>/metrics</c> besides loopback; others get 404.</summary>
    public List<string> AllowedNetworks { get; set; } = [];

    /// <summary>An OTLP endpoint (<c>http://collector:4317</c>) to send traces to; empty: no tracing.</summary>
    public string OtlpEndpoint { get; set; } = "";
}

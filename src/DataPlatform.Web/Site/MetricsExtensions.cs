using System.Net;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace DataPlatform.Web.Site;

public static class MetricsExtensions
{
    /// <summary>OpenTelemetry: the framework's HTTP server metrics and <see cref="PortalMetrics"/> for Prometheus; traces through OTLP only when configured.</summary>
    public static void AddPortalMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.SectionName)
            .Validate(o => o.AllowedNetworks.All(n => IPNetwork.TryParse(n, out _)), "Metrics:AllowedNetworks must hold networks in CIDR form (10.244.0.0/16).")
            .Validate(o => o.OtlpEndpoint.Length == 0 || Uri.TryCreate(o.OtlpEndpoint, UriKind.Absolute, out _), "Metrics:OtlpEndpoint must be an absolute address.")
            .ValidateOnStart();
        builder.Services.AddSingleton<PortalMetrics>();
        var otlp = builder.Configuration[$"{MetricsOptions.SectionName}:{nameof(MetricsOptions.OtlpEndpoint)}"];
        var telemetry = builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(PortalMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            // Each scrape reads the figures as they are (the exporter would otherwise answer from a copy up to 300 ms old).
            .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        if (!string.IsNullOrEmpty(otlp))
        {
            telemetry.WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddNpgsql().AddOtlpExporter(o => o.Endpoint = new Uri(otlp)));
        }
    }

    /// <summary><c>/metrics</c> in Prometheus' text format, answered to loopback and <see cref="MetricsOptions.AllowedNetworks"/> only (anyone else: 404, as for any unknown page).</summary>
    public static void UsePortalMetrics(this WebApplication app)
    {
        var networks = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value.AllowedNetworks.Select(n => IPNetwork.Parse(n)).ToList();
        // Resolved now, so the meter and its gauges exist before the first scrape.
        app.Services.GetRequiredService<PortalMetrics>();
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Request.Path == "/metrics" && context.Connection.RemoteIpAddress is { } address
            && (IPAddress.IsLoopback(address) || networks.Any(n => n.Contains(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address))));
    }
}

using DataPlatform.Content;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DataPlatform.Web.Health;

/// <summary>Ready once the content has loaded (a snapshot, even one with errors, is being served).</summary>
public sealed class ContentHealthCheck(ContentStore content) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(content.IsLoaded ? HealthCheckResult.Healthy("content loaded") : HealthCheckResult.Unhealthy("content not loaded"));
}

using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DataPlatform.Web.Publishing;

/// <summary>Degraded (still ready: the last content is served) while the content repository cannot be followed, with the reason.</summary>
public sealed class GitContentHealthCheck(GitContentSource source) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(source.Status is { Error: { } problem }
            ? HealthCheckResult.Degraded($"content repository: {problem}")
            : HealthCheckResult.Healthy("content repository followed"));
}

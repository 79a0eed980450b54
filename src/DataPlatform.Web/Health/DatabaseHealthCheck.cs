using DataPlatform.Web.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace DataPlatform.Web.Health;

/// <summary>Ready when the schema is migrated and the database answers within 2 s.</summary>
public sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource, DatabaseState database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!database.IsMigrated)
        {
            return HealthCheckResult.Unhealthy("database not migrated");
        }
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await using var command = dataSource.CreateCommand("select 1");
            await command.ExecuteScalarAsync(timeout.Token);
            return HealthCheckResult.Healthy("database ready");
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("database unavailable", e);
        }
    }
}

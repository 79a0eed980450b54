using Npgsql;

namespace DataPlatform.Web.Data;

/// <summary>
/// Migrates at start-up. A database that is down does not stop the portal from serving content:
/// the service keeps retrying in the background and <c>/readyz</c> reports not ready until it succeeds.
/// </summary>
public sealed class DatabaseMigrationService(NpgsqlDataSource dataSource, DatabaseState state, Site.BackgroundWork work, ILogger<DatabaseMigrationService> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Try once before the server starts listening, so a healthy start serves a migrated database from the first request.
        if (!await TryMigrate(cancellationToken))
        {
            await base.StartAsync(cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        var migrated = false;
        while (!stoppingToken.IsCancellationRequested
            && !(await work.RunAsync(nameof(DatabaseMigrationService), async () => migrated = await TryMigrate(stoppingToken), stoppingToken) && migrated))
        {
            await Task.Delay(delay, stoppingToken);
            delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 30));
        }
    }

    private async Task<bool> TryMigrate(CancellationToken cancellationToken)
    {
        try
        {
            var applied = await DatabaseMigrator.MigrateAsync(dataSource, cancellationToken);
            if (applied.Count > 0)
            {
                logger.LogInformation("Applied database migrations {Migrations}", applied);
            }
            state.MarkMigrated();
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            logger.LogWarning("The database is not reachable yet ({Reason}); retrying", e.Message);
            return false;
        }
    }
}

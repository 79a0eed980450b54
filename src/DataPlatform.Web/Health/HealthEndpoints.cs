using DataPlatform.Content;
using DataPlatform.Web.Data;
using Npgsql;

namespace DataPlatform.Web.Health;

public static class HealthEndpoints
{
    /// <summary><c>/healthz</c>: the process is up. <c>/version</c>: the build, the content version and the version the search index holds. <c>/readyz</c>: content is loaded and the database answers, with a migrated schema.</summary>
    public static void MapHealthEndpoints(this WebApplication app)
    {
        app.MapGet("/healthz", () => Results.Text("ok\n"));
        // The snapshot is read once, so the version and its load time belong together; `searchIndexed` is the content
        // version the search index holds (equal to `content` once the index has caught up).
        app.MapGet("/version", (ContentStore content, Search.SearchIndexer indexer) =>
        {
            var snapshot = content.Current;
            return Results.Json(new
            {
                version = Site.BuildInfo.Version,
                commit = Site.BuildInfo.Commit,
                content = snapshot.Version,
                contentLoadedAt = snapshot.LoadedAt,
                searchIndexed = indexer.IndexedVersion,
            });
        });
        app.MapGet("/readyz", async (ContentStore content, NpgsqlDataSource dataSource, DatabaseState database, CancellationToken cancellationToken) =>
        {
            if (!content.IsLoaded)
            {
                return Results.Text("content not loaded\n", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
            if (!database.IsMigrated)
            {
                return Results.Text("database not migrated\n", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(2));
                await using var command = dataSource.CreateCommand("select 1");
                await command.ExecuteScalarAsync(timeout.Token);
                return Results.Text("ready\n");
            }
            catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
            {
                return Results.Text("database unavailable\n", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });
    }
}

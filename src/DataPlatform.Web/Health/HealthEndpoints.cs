using DataPlatform.Content;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DataPlatform.Web.Health;

public static class HealthEndpoints
{
    private const string Ready = "ready";

    /// <summary>The framework's health checks: what <c>/readyz</c> asks, in order (content, then the database).</summary>
    public static void AddPortalHealth(this WebApplicationBuilder builder) =>
        builder.Services.AddHealthChecks()
            .AddCheck<ContentHealthCheck>("content", tags: [Ready])
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready]);

    /// <summary><c>/healthz</c>: the process is up. <c>/version</c>: the build, the content version and the version the search index holds. <c>/readyz</c>: content is loaded and the database answers, with a migrated schema.</summary>
    public static void MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = (context, _) => Write(context, "ok") });
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(Ready),
            // The first check that failed says why, as before: "content not loaded", "database not migrated", "database
            // unavailable". Ready but degraded (the content repository cannot be followed, the last content is served): "ready"
            // and a line for each reason.
            ResponseWriter = (context, report) => Write(context, report.Status == HealthStatus.Unhealthy
                ? report.Entries.Values.First(e => e.Status == HealthStatus.Unhealthy).Description ?? "not ready"
                : string.Join('\n', ["ready", .. report.Entries.Values.Where(e => e.Status == HealthStatus.Degraded).Select(e => e.Description)])),
        });
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
    }

    private static Task Write(HttpContext context, string text)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text + "\n");
    }
}

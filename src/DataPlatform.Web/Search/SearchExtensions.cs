using DataPlatform.Web.Data;

namespace DataPlatform.Web.Search;

public static class SearchExtensions
{
    public const string RateLimitPolicy = "search";

    public static void AddPortalSearch(this WebApplicationBuilder builder)
    {
        // Searches per client address (Search:RateLimitPermits per Search:RateLimitWindowSeconds, default 60 a minute);
        // results already in the page cache are answered before this and do not count.
        builder.Services.AddRateLimiter(limiter => limiter.AddPolicy(RateLimitPolicy, context =>
        {
            var configuration = context.RequestServices.GetRequiredService<IConfiguration>();
            return System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, configuration.GetValue("Search:RateLimitPermits", 60)),
                    Window = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Search:RateLimitWindowSeconds", 60))),
                    QueueLimit = 0,
                });
        }));
        builder.Services.AddSingleton(sp => new SearchService(DatabaseExtensions.PortalConnectionString(sp.GetRequiredService<IConfiguration>())));
        builder.Services.AddSingleton<SearchIndexer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SearchIndexer>());
    }
}

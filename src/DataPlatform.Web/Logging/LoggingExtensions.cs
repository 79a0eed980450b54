using Serilog;
using Serilog.Extensions.Logging;

namespace DataPlatform.Web.Logging;

public static class LoggingExtensions
{
    /// <summary>
    /// Serilog from the <c>Serilog</c> configuration section, plugged in as the host's only logging provider.
    /// No static bootstrap logger: several hosts (tests) can start in one process.
    /// </summary>
    public static void AddPortalLogging(this WebApplicationBuilder builder)
    {
        var logger = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new SerilogLoggerProvider(logger, dispose: true));
        // While this category is on at any level, ASP.NET starts an Activity (a random trace id written out in hex)
        // and a logging scope (an AsyncLocal) for every request. The portal writes its own request line
        // (RequestLoggingMiddleware) and reads neither: off, a cached page is served ~4% faster.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        builder.Services.AddHostedService<LogDropReporter>();
    }

    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app) => app.UseMiddleware<RequestLoggingMiddleware>();
}

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
        builder.Services.AddHostedService<LogDropReporter>();
    }

    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app) => app.UseMiddleware<RequestLoggingMiddleware>();
}

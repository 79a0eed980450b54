using System.Diagnostics;

namespace DataPlatform.Web.Logging;

/// <summary>
/// One structured line per request: method, path, status, elapsed milliseconds. Only the path is logged,
/// never the query string or body, so nothing a visitor types ends up in the logs.
/// </summary>
public sealed class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var start = Stopwatch.GetTimestamp();
        var failed = true;
        try
        {
            await next(context);
            failed = false;
        }
        finally
        {
            var status = failed && !context.Response.HasStarted ? 500 : context.Response.StatusCode;
            var level = status >= 500 ? LogLevel.Error : LogLevel.Information;
            // Checked first: the arguments would be boxed into an array on every request even when the level is off.
            if (logger.IsEnabled(level))
            {
                logger.Log(level, "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms",
                    context.Request.Method, context.Request.Path.Value, status, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }
    }
}

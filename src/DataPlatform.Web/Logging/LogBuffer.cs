using Serilog.Sinks.Async;

namespace DataPlatform.Web.Logging;

/// <summary>
/// The bounded buffer between the request threads and the log sinks (Serilog.Sinks.Async in front of them, from
/// <c>appsettings.json</c>): a request never waits for a console or file write. When the sinks fall behind by the
/// whole buffer, new events are dropped rather than slowing requests down, and <see cref="LogDropReporter"/> says
/// how many, so nothing is lost silently.
/// </summary>
public sealed class LogBuffer : IAsyncLogEventSinkMonitor
{
    /// <summary>Named in the configuration: <c>"monitor": "DataPlatform.Web.Logging.LogBuffer::Monitor, DataPlatform.Web"</c>.</summary>
    public static LogBuffer Monitor { get; } = new();

    private volatile IAsyncLogEventSinkInspector? _inspector;

    public long Dropped => _inspector?.DroppedMessagesCount ?? 0;

    public void StartMonitoring(IAsyncLogEventSinkInspector inspector) => _inspector = inspector;

    public void StopMonitoring(IAsyncLogEventSinkInspector inspector) => _inspector = null;
}

/// <summary>Every 10 seconds, logs how many log events the buffer had to drop since the last report (and to standard error, which needs no buffer).</summary>
public sealed class LogDropReporter(ILogger<LogDropReporter> logger, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reported = 0L;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var dropped = LogBuffer.Monitor.Dropped;
            if (dropped > reported)
            {
                var message = $"The log buffer was full: {dropped - reported} log events were dropped in the last 10 s ({dropped} since start).";
                await Console.Error.WriteLineAsync(message);
                logger.LogWarning("The log buffer was full: {Dropped} log events were dropped in the last 10 s ({Total} since start)", dropped - reported, dropped);
                reported = dropped;
            }
        }
    }
}

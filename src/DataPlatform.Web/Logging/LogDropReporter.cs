namespace DataPlatform.Web.Logging;

/// <summary>Every 10 seconds, logs how many log events the buffer had to drop since the last report (and to standard error, which needs no buffer).</summary>
public sealed class LogDropReporter(Microsoft.Extensions.Logging.ILogger<LogDropReporter> logger, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reported = 0L;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var dropped = LogBuffer.Dropped;
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

using Serilog;
using Serilog.Configuration;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace DataPlatform.Web.Logging;

/// <summary>The name <c>LogBuffer</c> takes in the <c>Serilog:WriteTo</c> configuration.</summary>
public static class LogBufferConfiguration
{
    /// <summary>Standard output through a <see cref="LogBuffer"/>: <c>{ "Name": "LogBuffer", "Args": { "bufferSize": 10000 } }</c>.</summary>
    public static LoggerConfiguration LogBuffer(this LoggerSinkConfiguration sinks, string outputTemplate = Logging.LogBuffer.DefaultOutputTemplate,
        int bufferSize = 10000, int flushMilliseconds = 20, LogEventLevel restrictedToMinimumLevel = LogEventLevel.Verbose) =>
        sinks.Sink(new Logging.LogBuffer(new MessageTemplateTextFormatter(outputTemplate), Console.OpenStandardOutput(), bufferSize,
            TimeSpan.FromMilliseconds(flushMilliseconds)), restrictedToMinimumLevel);
}

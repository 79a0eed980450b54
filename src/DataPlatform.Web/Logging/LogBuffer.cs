using System.Collections.Concurrent;
using System.Text;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace DataPlatform.Web.Logging;

/// <summary>
/// The log's way to standard output: a request only puts its event in a bounded queue, and one writer thread
/// formats what has gathered and writes it with one flush, every <c>flushMilliseconds</c> (at once for a warning
/// or worse, or when the queue is half full). Serilog.Sinks.Async, which this replaced, woke its thread for every
/// event: on a one- or two-core replica that was a thread switch per request, and the request log cost a quarter
/// of the cached pages' throughput. When the writer falls behind by the whole queue, new events are dropped
/// rather than slowing requests down, and <see cref="LogDropReporter"/> says how many, so nothing is lost silently.
/// </summary>
public sealed class LogBuffer : ILogEventSink, IDisposable
{
    public const string DefaultOutputTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}";

    private static long s_dropped;

    /// <summary>Events dropped by every buffer of the process since it started.</summary>
    public static long Dropped => Interlocked.Read(ref s_dropped);

    private readonly ConcurrentQueue<LogEvent> _queue = new();
    private readonly int _capacity;
    private int _count;
    private readonly ITextFormatter _formatter;
    private readonly TextWriter _output;
    private readonly TimeSpan _period;
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Thread _writer;
    private int _disposed;

    public LogBuffer(ITextFormatter formatter, Stream output, int capacity, TimeSpan period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _formatter = formatter;
        _capacity = capacity;
        _period = period;
        _output = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024) { AutoFlush = false };
        _writer = new Thread(WriteLoop) { IsBackground = true, Name = "Log writer" };
        _writer.Start();
        // The last lines (the host's "shutting down") are written even when the process ends without disposing the host.
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    private void OnProcessExit(object? sender, EventArgs e) => Dispose();

    public void Emit(LogEvent logEvent)
    {
        var count = Interlocked.Increment(ref _count);
        if (count > _capacity)
        {
            Interlocked.Decrement(ref _count);
            Interlocked.Increment(ref s_dropped);
            return;
        }
        _queue.Enqueue(logEvent);
        if (logEvent.Level >= LogEventLevel.Warning || count == _capacity / 2)
        {
            _wake.Release();
        }
    }

    private void WriteLoop()
    {
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                _wake.Wait(_period, _stopping.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            WriteQueued();
        }
        WriteQueued();
    }

    private void WriteQueued()
    {
        var wrote = false;
        while (_queue.TryDequeue(out var logEvent))
        {
            Interlocked.Decrement(ref _count);
            try
            {
                _formatter.Format(logEvent, _output);
                wrote = true;
            }
            catch (Exception e)
            {
                // A broken event (a property whose ToString throws) must not stop the log.
                Serilog.Debugging.SelfLog.WriteLine("Log event not written: {0}", e);
            }
        }
        if (wrote)
        {
            try
            {
                _output.Flush();
            }
            catch (IOException e)
            {
                Serilog.Debugging.SelfLog.WriteLine("Log not written to standard output: {0}", e);
            }
        }
    }

    /// <summary>Writes what is queued and stops the writer (the host disposes the logger at shutdown).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        _stopping.Cancel();
        _writer.Join(TimeSpan.FromSeconds(5));
        _output.Dispose();
        _wake.Dispose();
        _stopping.Dispose();
    }
}

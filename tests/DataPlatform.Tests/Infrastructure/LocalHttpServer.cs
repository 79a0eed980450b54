using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace DataPlatform.Tests.Infrastructure;

/// <summary>
/// A real HTTP server on loopback for the tests of fetching (exports, chart data): it answers every request with the
/// <see cref="Status"/> and <see cref="Body"/> set at that moment, and <see cref="Stop"/> takes it down.
/// </summary>
/// <remarks>
/// Kestrel on port 0, so the system picks a free port as it binds. (An <c>HttpListener</c> on a port found free a moment
/// before raced other tests for it, and its managed implementation binds the port again while being disposed after
/// <c>Stop</c>: "Address already in use" in a test's clean-up.)
/// </remarks>
public sealed class LocalHttpServer : IDisposable
{
    private readonly WebApplication _app;
    private volatile int _status = 200;
    private volatile byte[] _body = [];
    private bool _stopped;

    public LocalHttpServer()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Run(async context =>
        {
            context.Response.StatusCode = _status;
            if (!Trickle)
            {
                await context.Response.Body.WriteAsync(_body);
                return;
            }
            // Headers and the first byte at once, then nothing until the client gives up: a body that never finishes.
            await context.Response.StartAsync();
            await context.Response.Body.WriteAsync(_body.AsMemory(0, Math.Min(1, _body.Length)), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client hung up, as it should at its timeout.
            }
        });
        _app.StartAsync().GetAwaiter().GetResult();
        Port = new Uri(_app.Urls.Single()).Port;
    }

    public int Port { get; }

    public int Status { get => _status; set => _status = value; }

    public byte[] Body { get => _body; set => _body = value; }

    /// <summary>Send the headers and one byte of the body, then stall until the client gives up.</summary>
    public bool Trickle { get; set; }

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    public void Stop()
    {
        if (!_stopped)
        {
            _stopped = true;
            _app.StopAsync().GetAwaiter().GetResult();
        }
    }

    public void Dispose()
    {
        Stop();
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}

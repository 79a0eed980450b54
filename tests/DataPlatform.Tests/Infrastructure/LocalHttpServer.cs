using System.Net;
using System.Net.Sockets;

namespace DataPlatform.Tests.Infrastructure;

/// <summary>
/// A real HTTP server on loopback for the tests of fetching (exports, chart data): it answers every request with the
/// <see cref="Status"/> and <see cref="Body"/> set at that moment, and <see cref="Stop"/> takes it down.
/// </summary>
public sealed class LocalHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private volatile int _status = 200;
    private volatile byte[] _body = [];

    public LocalHttpServer()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public int Status { get => _status; set => _status = value; }

    public byte[] Body { get => _body; set => _body = value; }

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    public void Stop()
    {
        if (_listener.IsListening)
        {
            _listener.Stop();
        }
    }

    public void Dispose()
    {
        Stop();
        ((IDisposable)_listener).Dispose();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            context.Response.StatusCode = _status;
            await context.Response.OutputStream.WriteAsync(_body);
            context.Response.Close();
        }
    }
}

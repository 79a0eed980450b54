using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DataPlatform.Tests.Infrastructure;

/// <summary>A real SMTP server for tests: Debian's aiosmtpd printing every message it receives.</summary>
public sealed class MailCatcher : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    public int Port { get; }

    private MailCatcher(Process process, int port)
    {
        _process = process;
        Port = port;
        process.OutputDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
    }

    public string Received
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>A catcher on <paramref name="port"/> (a free one when not given), e.g. to bring a mail server back where it was.</summary>
    /// <param name="port">Where to listen.</param>
    /// <param name="smtpUtf8">Offer SMTPUTF8 (RFC 6531): addresses such as ü@example.org. Off, as on many servers.</param>
    public static async Task<MailCatcher> StartAsync(int? port = null, bool smtpUtf8 = false)
    {
        port ??= FreePort();
        var info = new ProcessStartInfo("/usr/bin/python3")
        {
            ArgumentList = { "-u", "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Debugging", "stdout" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (smtpUtf8)
        {
            info.ArgumentList.Insert(4, "--smtputf8");
        }
        var catcher = new MailCatcher(Process.Start(info) ?? throw new InvalidOperationException("python3 -m aiosmtpd did not start; install python3-aiosmtpd"), port.Value);
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port.Value);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }, "the mail catcher listening", seconds: 10, pollMilliseconds: 100);
        return catcher;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }
        _process.Dispose();
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DataPlatform.Tests.Infrastructure;

/// <summary>
/// The real portal as its own process on a loopback port (Kestrel, Release or Debug build as the tests),
/// against a fresh database on the test PostgreSQL: what a browser or a second replica talks to.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    public string BaseUrl { get; }

    public string ConnectionString { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    private PortalProcess(Process process, string baseUrl, string connectionString, IReadOnlyDictionary<string, string> environment)
    {
        _process = process;
        BaseUrl = baseUrl;
        ConnectionString = connectionString;
        Environment = environment;
    }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>The web app's build next to this test build (same configuration).</summary>
    public static string WebAssembly
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            var repo = Fixtures.RepositoryRoot;
            return Path.Combine(repo, "src", "DataPlatform.Web", "bin", configuration, "net10.0", "DataPlatform.Web.dll");
        }
    }

    public static async Task<PortalProcess> StartAsync(string contentRoot, IReadOnlyDictionary<string, string>? settings = null, string? connectionString = null, bool waitUntilReady = true)
    {
        connectionString ??= await (await PostgresServer.Shared).CreateDatabaseAsync();
        var port = FreePort();
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Portal"] = connectionString,
            ["Content__Root"] = contentRoot,
            ["Submissions__SpoolDirectory"] = Path.Combine(Path.GetTempPath(), "portal-spool-" + Guid.NewGuid().ToString("N")[..8]),
            ["Submissions__MinimumFillSeconds"] = "0",
            ["Submissions__RateLimitPermits"] = "100000",
            ["Search__RateLimitPermits"] = "100000",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_hostBuilder__reloadConfigOnChange"] = "false",
            // Separate processes log at Information: some tests read what they logged (migrations, shutdown).
            ["Serilog__MinimumLevel__Default"] = "Information",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        // Started from its own folder, as a deployment does (appsettings.json is read from the working directory).
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(WebAssembly)! };
        info.ArgumentList.Add(WebAssembly);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        var process = Process.Start(info)!;
        var portal = new PortalProcess(process, $"http://127.0.0.1:{port}", connectionString, environment);
        process.OutputDataReceived += (_, e) => portal.Append(e.Data);
        process.ErrorDataReceived += (_, e) => portal.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (waitUntilReady)
        {
            try
            {
                await portal.WaitUntilReadyAsync();
            }
            catch
            {
                await portal.DisposeAsync(); // a portal that never became ready must not outlive the test run
                throw;
            }
        }
        return portal;
    }

    private void Append(string? line)
    {
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    public async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient();
        try
        {
            await Eventually.TrueAsync(async () =>
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"The portal exited with {_process.ExitCode}:\n{Log}");
                }
                try
                {
                    return (await client.GetAsync(BaseUrl + "/readyz")).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false; // not listening yet
                }
            }, "the portal becoming ready", seconds: 60, pollMilliseconds: 200);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}:\n{Log}", e);
        }
    }

    /// <summary>Runs a command of the app (<c>staff add …</c>) with this portal's settings.</summary>
    public async Task<(int Exit, string Output)> RunCommandAsync(string? input, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = Path.GetDirectoryName(WebAssembly)! };
        info.ArgumentList.Add(WebAssembly);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in Environment)
        {
            info.Environment[key] = value;
        }
        info.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        using var process = Process.Start(info)!;
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
        }
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output + error);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Sends SIGTERM, as Kubernetes does, and waits for the process to end; returns its exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        using var wait = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(wait.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace DataPlatform.Tests.Infrastructure;

/// <summary>
/// A real, throwaway PostgreSQL server for tests: <c>initdb</c> into a temporary folder and <c>pg_ctl start</c>
/// on a free loopback port (as the <c>postgres</c> user when the tests run as root). Set
/// <c>PORTAL_TEST_POSTGRES</c> to an admin connection string to use an existing server instead.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private static readonly Lazy<Task<PostgresServer>> SharedServer = new(() => StartNewAsync());

    private readonly string? _dataDirectory;
    private readonly string? _bin;

    public string AdminConnectionString { get; }

    public int Port { get; }

    private PostgresServer(string adminConnectionString, int port, string? dataDirectory, string? bin)
    {
        AdminConnectionString = adminConnectionString;
        Port = port;
        _dataDirectory = dataDirectory;
        _bin = bin;
    }

    /// <summary>One server for the whole test run; each test class makes its own database on it.</summary>
    public static Task<PostgresServer> Shared => SharedServer.Value;

    public static async Task<PostgresServer> StartNewAsync()
    {
        var external = Environment.GetEnvironmentVariable("PORTAL_TEST_POSTGRES");
        if (!string.IsNullOrEmpty(external))
        {
            return new PostgresServer(external, new NpgsqlConnectionStringBuilder(external).Port, null, null);
        }
        var bin = Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d, StringComparer.Ordinal)
            .Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            ?? throw new InvalidOperationException("PostgreSQL server binaries not found under /usr/lib/postgresql; run scripts/test, which installs them.");
        var data = Path.Combine(Path.GetTempPath(), "portal-test-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(data);
        if (IsRoot)
        {
            await Run("chown", ["postgres:postgres", data]);
        }
        await RunAsPostgres(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
        var port = FreePort();
        var server = new PostgresServer($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false", port, data, bin);
        await server.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.StopAsync().GetAwaiter().GetResult();
        return server;
    }

    public async Task StartAsync()
    {
        if (_bin is null || _dataDirectory is null)
        {
            throw new InvalidOperationException("An external server cannot be started by the tests.");
        }
        await RunAsPostgres(Path.Combine(_bin, "pg_ctl"), ["-D", _dataDirectory, "-l", Path.Combine(_dataDirectory, "server.log"), "-w", "-o",
            $"-p {Port} -c listen_addresses=127.0.0.1 -k {_dataDirectory} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300", "start"]);
    }

    public async Task StopAsync()
    {
        if (_bin is null || _dataDirectory is null || !Directory.Exists(_dataDirectory))
        {
            return;
        }
        // "fast", not "immediate": the test server runs with fsync and synchronous commit off, and an immediate stop is a
        // crash that can lose what was committed just before it (a migration, a stored row), which a real outage would not.
        await RunAsPostgres(Path.Combine(_bin, "pg_ctl"), ["-D", _dataDirectory, "-m", "fast", "-w", "stop"], allowFailure: true);
    }

    /// <summary>A new, empty database with the portal's schema not yet applied; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"create database {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_dataDirectory is not null)
        {
            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean up with the rest of /tmp.
            }
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunAsPostgres(string program, IReadOnlyList<string> args, bool allowFailure = false) =>
        IsRoot ? Run("runuser", ["-u", "postgres", "--", program, .. args], allowFailure) : Run(program, args, allowFailure);

    private static async Task Run(string program, IReadOnlyList<string> args, bool allowFailure = false)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 && !allowFailure)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}

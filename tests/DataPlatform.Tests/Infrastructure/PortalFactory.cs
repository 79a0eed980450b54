using Microsoft.AspNetCore.Builder;
using DataPlatform.Content;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;

namespace DataPlatform.Tests.Infrastructure;

/// <summary>
/// The real portal in a test host, pointed at a content folder and a fresh database of its own on the
/// shared test PostgreSQL. Extra settings (form timings, rate limits) can be passed per factory.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    public string ConnectionString { get; }
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public string ContentRoot { get; }

    /// <summary>Each portal spools into a folder of its own.</summary>
    public string SpoolDirectory { get; }

    public PortalFactory(string contentRoot, string connectionString, IReadOnlyDictionary<string, string?>? settings = null)
    {
        ContentRoot = contentRoot;
        ConnectionString = connectionString;
        SpoolDirectory = settings?.GetValueOrDefault("Submissions:SpoolDirectory") ?? System.IO.Path.Combine(System.IO.Path.GetTempPath(), "portal-spool-" + Guid.NewGuid().ToString("N")[..8]);
        _settings = settings ?? new Dictionary<string, string?>();
    }

    /// <summary>A portal over <paramref name="contentRoot"/> with a database of its own.</summary>
    public static async Task<PortalFactory> CreateAsync(string contentRoot, IReadOnlyDictionary<string, string?>? settings = null, PostgresServer? server = null, TimeProvider? clock = null)
    {
        server ??= await PostgresServer.Shared;
        return new PortalFactory(contentRoot, await server.CreateDatabaseAsync(), settings) { Clock = clock };
    }

    /// <summary>Settings for form tests: no minimum fill time and a rate limit no test reaches, unless overridden.</summary>
    public static Dictionary<string, string?> FormSettings(params (string Key, string? Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Submissions:MinimumFillSeconds"] = "0",
            ["Submissions:RateLimitPermits"] = "100000",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }
        return settings;
    }

    public ContentStore Content => Services.GetRequiredService<ContentStore>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Portal", ConnectionString);
        builder.UseSetting("Submissions:SpoolDirectory", SpoolDirectory);
        builder.UseSetting("Content:Root", ContentRoot);
        // Tests search far more often than a visitor; the limit itself has a test of its own.
        builder.UseSetting("Search:RateLimitPermits", "100000");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        // The test server has no client address; a test that needs several clients names theirs in a header.
        builder.ConfigureTestServices(services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddressFromHeader>());
        if (Clock is not null)
        {
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton(Clock);
            });
        }
    }

    public const string ClientAddressHeader = "X-Test-Client-Address";

    /// <summary>A client whose requests come from <paramref name="address"/> (for per-address limits).</summary>
    public HttpClient CreateClientFrom(string address)
    {
        var client = CreatePlainClient();
        client.DefaultRequestHeaders.Add(ClientAddressHeader, address);
        return client;
    }

    private sealed class ClientAddressFromHeader : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers[ClientAddressHeader] is [{ } address])
                {
                    context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(address);
                }
                return nextMiddleware();
            });
            next(app);
        };
    }

    /// <summary>When set, the portal's clock: lists of upcoming events and notices depend on it, today's date never.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>Waits until the search index holds the current content snapshot.</summary>
    public async Task WaitForSearchIndexAsync()
    {
        var indexer = Services.GetRequiredService<DataPlatform.Web.Search.SearchIndexer>();
        await Eventually.TrueAsync(() => indexer.IndexedVersion == Content.Current.Version, "the search index catching up", seconds: 15);
    }

    /// <summary>A client that does not follow redirects, so tests see 301s and 303s.</summary>
    public HttpClient CreatePlainClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}

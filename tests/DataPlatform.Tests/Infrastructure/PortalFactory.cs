using DataPlatform.Content;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DataPlatform.Tests.Infrastructure;

/// <summary>
/// The real portal in a test host, pointed at a content folder and a fresh database of its own on the
/// shared test PostgreSQL. Extra settings (form timings, rate limits) can be passed per factory.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly string _connectionString;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public string ContentRoot { get; }

    public PortalFactory(string contentRoot, string connectionString, IReadOnlyDictionary<string, string?>? settings = null)
    {
        ContentRoot = contentRoot;
        _connectionString = connectionString;
        _settings = settings ?? new Dictionary<string, string?>();
    }

    /// <summary>A portal over <paramref name="contentRoot"/> with a database of its own.</summary>
    public static async Task<PortalFactory> CreateAsync(string contentRoot, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var server = await PostgresServer.Shared;
        return new PortalFactory(contentRoot, await server.CreateDatabaseAsync(), settings);
    }

    public ContentStore Content => Services.GetRequiredService<ContentStore>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Portal", _connectionString);
        builder.UseSetting("Content:Root", ContentRoot);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A client that does not follow redirects, so tests see 301s and 303s.</summary>
    public HttpClient CreatePlainClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}

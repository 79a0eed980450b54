using System.Runtime.CompilerServices;

namespace DataPlatform.Tests.Infrastructure;

/// <summary>
/// One running portal shared by the tests of a class (xunit class fixture), for classes that only read.
/// Classes that change files or the database state make their own portal per test.
/// </summary>
public abstract class PortalFixture : IAsyncLifetime
{
    public PortalFactory Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    protected abstract Task<PortalFactory> CreateAsync();

    public async Task InitializeAsync()
    {
        Factory = await CreateAsync();
        Client = Factory.CreatePlainClient();
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>The portal over <see cref="Fixtures.Portal"/>, the frozen copy of the site's content.</summary>
public sealed class SitePortal : PortalFixture
{
    protected override Task<PortalFactory> CreateAsync() => PortalFactory.CreateAsync(Fixtures.Portal, PortalFactory.FormSettings());
}

internal static class TestProcessSettings
{
    /// <summary>
    /// Many test hosts run in one process; each would otherwise watch appsettings.json with an inotify
    /// instance of its own, and Linux allows 128 per user by default.
    /// </summary>
    [ModuleInitializer]
    internal static void Initialize()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        // Test hosts log warnings and errors only: a line per request from hundreds of tests buries the results.
        Environment.SetEnvironmentVariable("Serilog__MinimumLevel__Default", "Warning");
    }
}

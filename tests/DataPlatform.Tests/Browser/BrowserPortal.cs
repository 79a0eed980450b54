using DataPlatform.Tests.Infrastructure;
using Microsoft.Playwright;

namespace DataPlatform.Tests.Browser;

/// <summary>
/// One running portal (its own process, on a loopback port) and one headless Debian Chromium driven by
/// Playwright, shared by the browser tests. A staff account is made with the app's own command.
/// </summary>
public sealed class BrowserPortal : IAsyncLifetime
{
    public const string StaffPassword = "Browser-Test-Passw0rd!";

    public PortalProcess Portal { get; private set; } = null!;

    /// <summary>A second portal over the data fixture: pages with tables and every kind of chart.</summary>
    public PortalProcess DataPortal { get; private set; } = null!;

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string StaffEmail { get; } = $"browser-{Guid.NewGuid():N}@example.org";

    /// <summary>Where screenshots go: <c>artifacts/screenshots</c> at the repository root.</summary>
    public static string ScreenshotFolder => Path.Combine(Fixtures.RepositoryRoot, "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        try
        {
            await StartAsync();
        }
        catch
        {
            // xunit does not dispose a fixture whose start failed (no Chromium, say): the portals would outlive the test run.
            await DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync()
    {
        var dataPortal = PortalProcess.StartAsync(Fixtures.Path("tables"));
        try
        {
            Portal = await PortalProcess.StartAsync(Fixtures.Portal);
        }
        finally
        {
            DataPortal = await dataPortal;
        }
        var (exit, output) = await Portal.RunCommandAsync(StaffPassword, "staff", "add", StaffEmail, "--role", "Admin", "--password-stdin");
        Assert.True(exit == 0, output);
        // The browser tests are about pages, not the first-sign-in password change (tested elsewhere).
        await using (var connection = new Npgsql.NpgsqlConnection(Portal.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand("update \"AspNetUsers\" set must_change_password = false", connection);
            await command.ExecuteNonQueryAsync();
        }
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PORTAL_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public async Task<IBrowserContext> NewContextAsync(int width = 1280, bool javaScript = true) =>
        await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Portal.BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = width < 600 ? 844 : 900 },
            JavaScriptEnabled = javaScript,
            IsMobile = width < 600,
            HasTouch = width < 600,
            DeviceScaleFactor = 1,
        });

    /// <summary>Signs the context in as the staff account, through the sign-in page.</summary>
    public async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/staff/signin");
        await page.FillAsync("#email", StaffEmail);
        await page.FillAsync("#password", StaffPassword);
        await Task.WhenAll(page.WaitForURLAsync("**/staff/"), page.ClickAsync("form.staff-signin button[type=submit]"));
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (Browser is not null)
            {
                await Browser.DisposeAsync();
            }
            Playwright?.Dispose();
        }
        finally
        {
            if (Portal is not null)
            {
                await Portal.DisposeAsync();
            }
            if (DataPortal is not null)
            {
                await DataPortal.DisposeAsync();
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<BrowserPortal>
{
    public const string Name = "browser";
}

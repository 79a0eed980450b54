using System.Net;
using DataPlatform.Tests.Infrastructure;
using Npgsql;

namespace DataPlatform.Tests.Deployment;

/// <summary>Two replicas of the real app on loopback ports against one PostgreSQL, started at the same moment.</summary>
public sealed class ReplicaTests : IAsyncLifetime
{
    private PortalProcess _first = null!;
    private PortalProcess _second = null!;

    public async Task InitializeAsync()
    {
        var database = await (await PostgresServer.Shared).CreateDatabaseAsync();
        _first = await PortalProcess.StartAsync(Fixtures.Portal, connectionString: database, waitUntilReady: false);
        // The second trusts loopback as its proxy; the first trusts no one.
        _second = await PortalProcess.StartAsync(Fixtures.Portal, new Dictionary<string, string> { ["Proxy:KnownProxies:0"] = "127.0.0.1" },
            connectionString: database, waitUntilReady: false);
        await Task.WhenAll(_first.WaitUntilReadyAsync(), _second.WaitUntilReadyAsync());
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Fact]
    public async Task Replicas_starting_together_migrate_the_schema_exactly_once()
    {
        var logs = new[] { _first.Log, _second.Log };
        Assert.Single(logs, log => log.Contains("Applied database migrations", StringComparison.Ordinal));

        await using var connection = new NpgsqlConnection(_first.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*), count(distinct version) from schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(DataPlatform.Web.Data.DatabaseMigrator.Migrations.Count, reader.GetInt64(0));
        Assert.Equal(reader.GetInt64(0), reader.GetInt64(1));
    }

    [Fact]
    public async Task A_form_served_by_one_replica_is_accepted_by_the_other()
    {
        // Cookies are per host, not per port: one browser talking to both replicas behind a load balancer.
        var cookies = new CookieContainer();
        using var first = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(_first.BaseUrl) };
        using var second = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(_second.BaseUrl) };

        var values = await FormClient.HiddenFieldsAsync(first, "/contact/");
        foreach (var (key, value) in FormClient.ValidContact)
        {
            values[key] = value;
        }
        var response = await second.PostAsync("/contact/", new FormUrlEncodedContent(values));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        await using var connection = new NpgsqlConnection(_first.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select status from submissions where reference = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = SubmissionRows.ReferenceFrom(response) });
        Assert.Equal("new", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_staff_sign_in_on_one_replica_works_on_the_other()
    {
        var email = $"replica-{Guid.NewGuid():N}@example.org";
        var (exit, output) = await _first.RunCommandAsync(StaffAccounts.Password, "staff", "add", email, "--role", "Staff", "--password-stdin");
        Assert.True(exit == 0, output);
        await using (var connection = new NpgsqlConnection(_first.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("update \"AspNetUsers\" set must_change_password = false where email = $1", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = email });
            await command.ExecuteNonQueryAsync();
        }
        var cookies = new CookieContainer();
        using var first = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(_first.BaseUrl) };
        using var second = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(_second.BaseUrl) };

        Assert.Equal(HttpStatusCode.Redirect, (await StaffAccounts.PostSignInAsync(first, email, StaffAccounts.Password)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/staff/")).StatusCode);
    }

    [Fact]
    public async Task Forwarded_headers_count_only_from_configured_proxies()
    {
        static async Task<string> Canonical(string baseUrl)
        {
            using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
            var request = new HttpRequestMessage(HttpMethod.Get, "/privacy/");
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-Host", "data.example.org");
            var document = await Html.ParseAsync(await client.SendAsync(request));
            return document.QuerySelector("link[rel=canonical]")!.GetAttribute("href")!;
        }

        Assert.StartsWith("http://127.0.0.1:", await Canonical(_first.BaseUrl), StringComparison.Ordinal);
        Assert.Equal("https://data.example.org/privacy/", await Canonical(_second.BaseUrl));
    }

    [Fact]
    public async Task Each_request_writes_one_log_line_with_its_path_but_not_its_query()
    {
        using var client = new HttpClient { BaseAddress = new Uri(_first.BaseUrl) };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/about/?q=private-words")).StatusCode);

        // The log writer flushes every 20 ms; the line is there within a second.
        await Eventually.TrueAsync(() => _first.Log.Contains("HTTP GET /about/ responded 200 in ", StringComparison.Ordinal), "the request line");
        var lines = _first.Log.Split('\n');
        Assert.Single(lines, line => line.Contains("/about/", StringComparison.Ordinal));
        Assert.DoesNotContain("private-words", _first.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sigterm_shuts_a_replica_down_cleanly()
    {
        var database = await (await PostgresServer.Shared).CreateDatabaseAsync();
        await using var portal = await PortalProcess.StartAsync(Fixtures.Portal, connectionString: database);
        using var client = new HttpClient { BaseAddress = new Uri(portal.BaseUrl) };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        var exit = await portal.TerminateAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(0, exit);
        Assert.Contains("Application is shutting down", portal.Log, StringComparison.Ordinal);
    }
}

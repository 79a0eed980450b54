using DataPlatform.Web.Submissions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using System.Net;
using DataPlatform.Tests.Infrastructure;

namespace DataPlatform.Tests.Submissions;

/// <summary>Nothing is lost: the database going away, a restart with a full spool, notifications after storing, and the limits.</summary>
public sealed class DeliveryTests
{
    [Fact]
    public async Task A_submission_made_while_the_database_is_down_arrives_once_when_it_is_back()
    {
        await using var server = await PostgresServer.StartNewAsync();
        await using var factory = await PortalFactory.CreateAsync(Fixtures.Portal,
            PortalFactory.FormSettings(("Submissions:SpoolRetryMilliseconds", "200")), server);
        var client = factory.CreatePlainClient();
        var hidden = await FormClient.HiddenFieldsAsync(client, "/contact/");

        await server.StopAsync();
        foreach (var (key, value) in FormClient.ValidContact.With("Message", "sent while the database was down"))
        {
            hidden[key] = value;
        }
        var response = await client.PostAsync("/contact/", new FormUrlEncodedContent(hidden));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Single(Directory.GetFiles(factory.SpoolDirectory, "*.json"));
        // The same form posted again (a retry) must not become a second row either.
        Assert.Equal(HttpStatusCode.SeeOther, (await client.PostAsync("/contact/", new FormUrlEncodedContent(hidden))).StatusCode);

        await server.StartAsync();
        var reference = SubmissionRows.ReferenceFrom(response);
        await WaitAsync(async () => await SubmissionRows.FindAsync(factory.ConnectionString, reference) is not null);
        await WaitAsync(() => Task.FromResult(Directory.GetFiles(factory.SpoolDirectory, "*.json").Length == 0));
        Assert.Single(await SubmissionRows.AllAsync(factory.ConnectionString), r => r.Message == "sent while the database was down");
    }

    [Fact]
    public async Task A_restart_with_a_full_spool_loses_nothing()
    {
        await using var server = await PostgresServer.StartNewAsync();
        var spool = Path.Combine(Path.GetTempPath(), "portal-spool-" + Guid.NewGuid().ToString("N")[..8]);
        var settings = PortalFactory.FormSettings(("Submissions:SpoolDirectory", spool), ("Submissions:SpoolRetryMilliseconds", "200"));
        var connectionString = await server.CreateDatabaseAsync();
        var references = new List<string>();
        await using (var first = new PortalFactory(Fixtures.Portal, connectionString, settings))
        {
            var client = first.CreatePlainClient();
            var forms = new List<Dictionary<string, string>>();
            for (var i = 0; i < 3; i++)
            {
                forms.Add(await FormClient.HiddenFieldsAsync(client, "/sv/contact/"));
            }
            await server.StopAsync();
            for (var i = 0; i < forms.Count; i++)
            {
                foreach (var (key, value) in FormClient.ValidContact.With("Message", $"spooled {i}"))
                {
                    forms[i][key] = value;
                }
                references.Add(SubmissionRows.ReferenceFrom(await client.PostAsync("/sv/contact/", new FormUrlEncodedContent(forms[i]))));
            }
            Assert.Equal(3, Directory.GetFiles(spool, "*.json").Length);
        }

        await server.StartAsync();
        await using var second = new PortalFactory(Fixtures.Portal, connectionString, settings);
        _ = second.CreateClient();
        await WaitAsync(async () => (await SubmissionRows.AllAsync(connectionString)).Count == 3);
        Assert.Equal(references.Order(), (await SubmissionRows.AllAsync(connectionString)).Select(r => r.Reference).Order());
        Assert.Empty(Directory.GetFiles(spool, "*.json"));
    }

    [Fact]
    public async Task Staff_are_emailed_after_the_submission_is_stored()
    {
        using var mail = await MailCatcher.StartAsync();
        await using var factory = await PortalFactory.CreateAsync(Fixtures.Portal, PortalFactory.FormSettings(
            ("Notifications:Smtp:Host", "127.0.0.1"), ("Notifications:Smtp:Port", mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Notifications:To:0", "staff@example.org"), ("Notifications:PollSeconds", "1")));
        var client = factory.CreatePlainClient();

        var response = await FormClient.SubmitAsync(client, "/events/suggest/", FormClient.ValidEvent);
        var reference = SubmissionRows.ReferenceFrom(response);

        await WaitAsync(async () => (await SubmissionRows.FindAsync(factory.ConnectionString, reference))?.NotifiedAt is not null);
        Assert.Contains(reference, mail.Received, StringComparison.Ordinal);
        Assert.Contains("staff@example.org", mail.Received, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_staff_email_gives_Stockholm_time_and_a_link_to_the_submission_in_the_workspace()
    {
        using var mail = await MailCatcher.StartAsync();
        await using var factory = await PortalFactory.CreateAsync(Fixtures.Portal, PortalFactory.FormSettings(
            ("Notifications:Smtp:Host", "127.0.0.1"), ("Notifications:Smtp:Port", mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Notifications:To:0", "staff@example.org"), ("Notifications:PollSeconds", "1"), ("Site:BaseUrl", "https://portal.example.org/")));
        var reference = SubmissionRows.ReferenceFrom(await FormClient.SubmitAsync(factory.CreatePlainClient(), "/events/suggest/", FormClient.ValidEvent));

        await WaitAsync(async () => (await SubmissionRows.FindAsync(factory.ConnectionString, reference))?.NotifiedAt is not null);
        await using var connection = new Npgsql.NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("select id, received_at from submissions where reference = @r", connection);
        command.Parameters.AddWithValue("r", reference);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (id, received) = (reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1));
        var text = BodyText(mail.Received);

        var local = TimeZoneInfo.ConvertTime(received, TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm"));
        Assert.Contains($"Received: {local:yyyy-MM-dd HH:mm} {(local.Offset == TimeSpan.FromHours(1) ? "CET" : "CEST")}", text, StringComparison.Ordinal);
        Assert.Contains($"Review it in the staff workspace: https://portal.example.org/staff/submissions/{id}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_mail_server_neither_loses_nor_delays_a_submission()
    {
        await using var factory = await PortalFactory.CreateAsync(Fixtures.Portal, PortalFactory.FormSettings(
            ("Notifications:Smtp:Host", "127.0.0.1"), ("Notifications:Smtp:Port", MailCatcher.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Notifications:To:0", "staff@example.org"), ("Notifications:PollSeconds", "1")));
        var client = factory.CreatePlainClient();

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var response = await FormClient.SubmitAsync(client, "/contact/", FormClient.ValidContact);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
        var notifier = factory.Services.GetRequiredService<SubmissionNotifier>();
        await Eventually.TrueAsync(() => notifier.FailedPasses > 0, "the notifier tried the mail server");
        var row = await SubmissionRows.FindAsync(factory.ConnectionString, SubmissionRows.ReferenceFrom(response));
        Assert.NotNull(row);
        Assert.Null(row.NotifiedAt);
    }

    [Fact]
    public async Task A_post_within_the_minimum_fill_time_is_stored_as_spam()
    {
        await using var factory = await PortalFactory.CreateAsync(Fixtures.Portal, PortalFactory.FormSettings(("Submissions:MinimumFillSeconds", "30")));
        var client = factory.CreatePlainClient();

        var response = await FormClient.SubmitAsync(client, "/contact/", FormClient.ValidContact);

        var row = await SubmissionRows.FindAsync(factory.ConnectionString, SubmissionRows.ReferenceFrom(response));
        Assert.Equal("spam", row!.Status);
        Assert.Contains("after the form was served", row.SpamReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_shown_again_with_its_errors_keeps_the_time_it_was_first_served()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var factory = await PortalFactory.CreateAsync(Fixtures.Portal, PortalFactory.FormSettings(("Submissions:MinimumFillSeconds", "1")), clock: clock);
        var client = factory.CreatePlainClient();
        var served = await FormClient.HiddenFieldsAsync(client, "/contact/");
        clock.Advance(TimeSpan.FromSeconds(1.2));

        // Sent without a name: shown again at once with the error, and corrected at once.
        var values = new Dictionary<string, string>(served);
        foreach (var (key, value) in FormClient.ValidContact.With("Name", ""))
        {
            values[key] = value;
        }
        var shownAgain = await client.PostAsync("/contact/", new FormUrlEncodedContent(values));
        Assert.Equal(HttpStatusCode.BadRequest, shownAgain.StatusCode);
        var corrected = FormClient.HiddenFields(await Html.ParseAsync(shownAgain));
        Assert.Equal(served["SubmissionKey"], corrected["SubmissionKey"]);
        foreach (var (key, value) in FormClient.ValidContact)
        {
            corrected[key] = value;
        }
        var response = await client.PostAsync("/contact/", new FormUrlEncodedContent(corrected));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var row = await SubmissionRows.FindAsync(factory.ConnectionString, SubmissionRows.ReferenceFrom(response));
        Assert.Equal(("new", null), (row!.Status, row.SpamReason));
    }

    [Fact]
    public async Task Too_many_posts_get_a_bilingual_429()
    {
        await using var factory = await PortalFactory.CreateAsync(Fixtures.Portal, PortalFactory.FormSettings(("Submissions:RateLimitPermits", "2")));
        var client = factory.CreatePlainClient();

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.SeeOther, (await FormClient.SubmitAsync(client, "/sv/contact/", FormClient.ValidContact)).StatusCode);
        }
        var limited = await FormClient.SubmitAsync(client, "/sv/contact/", FormClient.ValidContact);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        Assert.Equal("För många förfrågningar", (await Html.ParseAsync(limited)).QuerySelector("h1")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/sv/contact/")).StatusCode);
    }

    private static Task WaitAsync(Func<Task<bool>> condition) => Eventually.TrueAsync(condition, "delivery", seconds: 20, pollMilliseconds: 100);

    /// <summary>The mail's text as a mail program shows it: its body decoded from base64 or quoted-printable, whichever the sender chose.</summary>
    private static string BodyText(string received)
    {
        // The catcher prints the message's lines: headers, a blank line, the body, then its end marker.
        var text = received.ReplaceLineEndings("\n");
        var split = text.IndexOf("\n\n", StringComparison.Ordinal);
        var headers = text[..split];
        var body = text[(split + 2)..].Split('\n').TakeWhile(l => !l.StartsWith("------------", StringComparison.Ordinal)).ToList();
        if (headers.Contains("Content-Transfer-Encoding: base64", StringComparison.OrdinalIgnoreCase))
        {
            return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.TakeWhile(l => l.Length > 0))));
        }
        if (!headers.Contains("Content-Transfer-Encoding: quoted-printable", StringComparison.OrdinalIgnoreCase))
        {
            return string.Join('\n', body);
        }
        var joined = string.Join('\n', body).Replace("=\n", "", StringComparison.Ordinal);
        var bytes = new List<byte>();
        for (var i = 0; i < joined.Length; i++)
        {
            if (joined[i] == '=' && i + 2 < joined.Length && Uri.IsHexDigit(joined[i + 1]) && Uri.IsHexDigit(joined[i + 2]))
            {
                bytes.Add(Convert.ToByte(joined.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(System.Text.Encoding.UTF8.GetBytes(joined[i].ToString()));
            }
        }
        return System.Text.Encoding.UTF8.GetString(bytes.ToArray());
    }
}

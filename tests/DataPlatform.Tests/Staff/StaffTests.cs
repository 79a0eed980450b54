using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using DataPlatform.Content;
using DataPlatform.Tests.Infrastructure;
using DataPlatform.Web.Data;
using DataPlatform.Web.Submissions;
using DataPlatform.Web.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace DataPlatform.Tests.Staff;

/// <summary>The staff workspace against a real PostgreSQL: roles, the review workflow, concurrency, exports and pages from suggestions.</summary>
public sealed class StaffTests(StaffTests.StaffPortal portal) : IClassFixture<StaffTests.StaffPortal>
{
    public sealed class StaffPortal : PortalFixture
    {
        protected override Task<PortalFactory> CreateAsync() => PortalFactory.CreateAsync(Fixtures.Portal, PortalFactory.FormSettings());
    }

    private readonly PortalFactory _factory = portal.Factory;

    public static TheoryData<string?, string, string, HttpStatusCode> Permissions => new()
    {
        // role (null: signed in without a role; "anonymous": not signed in), method, path, expected
        { "anonymous", "GET", "/staff/", HttpStatusCode.Redirect },
        { "anonymous", "GET", "/staff/content", HttpStatusCode.Redirect },
        { "anonymous", "GET", "/staff/export.csv", HttpStatusCode.Redirect },
        { "anonymous", "GET", "/staff/signin", HttpStatusCode.OK },
        { null, "GET", "/staff/", HttpStatusCode.Redirect },
        { null, "GET", "/staff/export.json", HttpStatusCode.Redirect },
        { StaffRoles.Staff, "GET", "/staff/", HttpStatusCode.OK },
        { StaffRoles.Staff, "GET", "/staff/content", HttpStatusCode.OK },
        { StaffRoles.Staff, "GET", "/staff/submission", HttpStatusCode.OK },
        { StaffRoles.Staff, "GET", "/staff/export.csv", HttpStatusCode.Redirect },
        { StaffRoles.Staff, "GET", "/staff/export.json", HttpStatusCode.Redirect },
        { StaffRoles.Admin, "GET", "/staff/", HttpStatusCode.OK },
        { StaffRoles.Admin, "GET", "/staff/submission", HttpStatusCode.OK },
        { StaffRoles.Admin, "GET", "/staff/export.csv", HttpStatusCode.OK },
        { StaffRoles.Admin, "GET", "/staff/export.json", HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(Permissions))]
    public async Task Each_role_reaches_exactly_what_it_may(string? role, string method, string path, HttpStatusCode expected)
    {
        var client = role == "anonymous" ? _factory.CreatePlainClient() : await StaffAccounts.SignInAsync(_factory, await StaffAccounts.CreateAsync(_factory, role));
        if (path == "/staff/submission")
        {
            path = $"/staff/submissions/{(await StaffAccounts.AddSubmissionAsync(_factory)).Id}";
        }

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Redirect)
        {
            var location = response.Headers.Location!.ToString();
            Assert.Contains(role == "anonymous" ? "/staff/signin" : "/staff/denied", location, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Signing_out_ends_the_session_for_every_copy_of_its_cookie()
    {
        var email = await StaffAccounts.CreateAsync(_factory, StaffRoles.Staff);
        var client = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var signIn = await StaffAccounts.PostSignInAsync(client, email, StaffAccounts.Password);
        var cookie = signIn.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("portal-staff=", StringComparison.Ordinal)).Split(';')[0];
        using var copy = _factory.CreatePlainClient();
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/staff/")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await StaffAccounts.PostFormAsync(client, "/staff/", "/staff/signout", new Dictionary<string, string>())).StatusCode);

        var after = await copy.GetAsync("/staff/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/staff/signin", after.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/staff/export.csv")]
    [InlineData("/staff/export.json")]
    public async Task Staff_downloads_are_never_stored_by_caches(string url)
    {
        var client = await StaffAccounts.SignInAsync(_factory, await StaffAccounts.CreateAsync(_factory, StaffRoles.Admin));

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl!.NoStore);
    }

    [Fact]
    public async Task Staff_cannot_change_a_submission_without_signing_in()
    {
        var submission = await StaffAccounts.AddSubmissionAsync(_factory);
        var anonymous = _factory.CreatePlainClient();

        var response = await anonymous.PostAsync($"/staff/submissions/{submission.Id}/status", new FormUrlEncodedContent(new Dictionary<string, string> { ["status"] = "spam", ["version"] = "0" }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/staff/signin", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(SubmissionStatus.New, (await Reload(submission.Id)).Status);
    }

    [Fact]
    public async Task A_handed_out_password_must_be_changed_first()
    {
        var email = await StaffAccounts.CreateAsync(_factory, StaffRoles.Staff, mustChangePassword: true);
        var client = _factory.CreateClient(new() { AllowAutoRedirect = false });

        var signIn = await StaffAccounts.PostSignInAsync(client, email, StaffAccounts.Password);
        Assert.StartsWith("/staff/password", signIn.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("/staff/password", (await client.GetAsync("/staff/")).Headers.Location!.ToString(), StringComparison.Ordinal);

        // The one-time password was just typed: the form does not ask for it again.
        var form = await Html.GetAsync(client, "/staff/password");
        Assert.Equal((0, 2), (form.QuerySelectorAll("input[name=Current]").Length, form.QuerySelectorAll("input[type=password]").Length));
        var changed = await StaffAccounts.PostFormAsync(client, "/staff/password", "/staff/password", new Dictionary<string, string>
        {
            ["New"] = "A-brand-new-Passw0rd", ["Confirm"] = "A-brand-new-Passw0rd",
        });
        Assert.Equal("/staff/", changed.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff/")).StatusCode);

        // Later changes ask for the current password, and refuse without it.
        Assert.Equal(1, (await Html.GetAsync(client, "/staff/password")).QuerySelectorAll("input[name=Current]").Length);
        var withoutCurrent = await StaffAccounts.PostFormAsync(client, "/staff/password", "/staff/password", new Dictionary<string, string>
        {
            ["New"] = "Another-new-Passw0rd", ["Confirm"] = "Another-new-Passw0rd",
        });
        Assert.Equal(HttpStatusCode.BadRequest, withoutCurrent.StatusCode);
        Assert.Equal("Enter your current password.", (await Html.ParseAsync(withoutCurrent)).QuerySelector(".error-summary")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await StaffAccounts.PostSignInAsync(_factory.CreateClient(new() { AllowAutoRedirect = false }), email, "A-brand-new-Passw0rd")).StatusCode);
    }

    [Fact]
    public async Task Wrong_passwords_slow_the_guesser_down_without_locking_the_owner_out()
    {
        var email = await StaffAccounts.CreateAsync(_factory, StaffRoles.Staff);
        var attacker = _factory.CreateClientFrom("10.66.0.1");
        for (var i = 0; i < SignInThrottle.FreeTriesPerAccountAndAddress; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await StaffAccounts.PostSignInAsync(attacker, email, "wrong password " + i)).StatusCode);
        }

        // The guesser waits, right password or not, before it is even checked...
        var held = await StaffAccounts.PostSignInAsync(attacker, email, StaffAccounts.Password);
        Assert.Equal((HttpStatusCode.TooManyRequests, "1"), (held.StatusCode, held.Headers.RetryAfter!.ToString()));
        Assert.Equal(StaffAccountController.ThrottledMessage(1), (await Html.ParseAsync(held)).QuerySelector(".error-summary")!.TextContent.Trim());
        // ...while the owner, elsewhere, signs in at once: nothing was locked.
        Assert.Equal(HttpStatusCode.Redirect, (await StaffAccounts.PostSignInAsync(_factory.CreateClientFrom("10.66.0.2"), email, StaffAccounts.Password)).StatusCode);
    }

    [Fact]
    public async Task Guessing_from_many_addresses_slows_strangers_but_not_the_owners_browser()
    {
        var email = await StaffAccounts.CreateAsync(_factory, StaffRoles.Staff);
        var owner = _factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        owner.DefaultRequestHeaders.Add(PortalFactory.ClientAddressHeader, "10.67.0.1");
        Assert.Equal(HttpStatusCode.Redirect, (await StaffAccounts.PostSignInAsync(owner, email, StaffAccounts.Password)).StatusCode);

        for (var i = 0; i < SignInThrottle.FreeTriesPerAccount; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await StaffAccounts.PostSignInAsync(_factory.CreateClientFrom($"10.67.1.{i + 1}"), email, "wrong")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await StaffAccounts.PostSignInAsync(_factory.CreateClientFrom("10.67.2.1"), email, StaffAccounts.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffAccounts.PostSignInAsync(owner, email, StaffAccounts.Password)).StatusCode);
    }

    [Fact]
    public async Task One_address_guessing_many_accounts_is_slowed_down()
    {
        var client = _factory.CreateClientFrom("10.68.0.1");
        for (var i = 0; i < SignInThrottle.FreeTriesPerAddress; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await StaffAccounts.PostSignInAsync(client, $"someone{i}@example.org", "wrong")).StatusCode);
        }

        var email = await StaffAccounts.CreateAsync(_factory, StaffRoles.Staff);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await StaffAccounts.PostSignInAsync(client, email, StaffAccounts.Password)).StatusCode);
    }

    [Fact]
    public async Task Disabled_accounts_cannot_sign_in_and_get_the_same_answer()
    {
        var client = _factory.CreateClientFrom("10.69.0.1");
        var other = await StaffAccounts.CreateAsync(_factory, StaffRoles.Staff);
        Assert.Equal(0, await StaffAccounts_Run(["disable", other]));
        var disabled = await StaffAccounts.PostSignInAsync(client, other, StaffAccounts.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, disabled.StatusCode);
        Assert.Equal(StaffAccountController.FailedMessage, (await Html.ParseAsync(disabled)).QuerySelector(".error-summary")!.TextContent.Trim());
        Assert.Equal(0, await StaffAccounts_Run(["enable", other]));
        Assert.Equal(HttpStatusCode.Redirect, (await StaffAccounts.PostSignInAsync(client, other, StaffAccounts.Password)).StatusCode);
    }

    [Fact]
    public async Task Sign_in_does_not_tell_which_accounts_exist()
    {
        var email = await StaffAccounts.CreateAsync(_factory, StaffRoles.Staff);
        var client = _factory.CreateClient(new() { AllowAutoRedirect = false });

        var wrongPassword = await StaffAccounts.PostSignInAsync(client, email, "not the password");
        var unknownAccount = await StaffAccounts.PostSignInAsync(client, "nobody-" + Guid.NewGuid().ToString("N")[..6] + "@example.org", "not the password");

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (wrongPassword.StatusCode, unknownAccount.StatusCode));
        Assert.Equal((await Html.ParseAsync(wrongPassword)).QuerySelector(".error-summary")!.TextContent,
            (await Html.ParseAsync(unknownAccount)).QuerySelector(".error-summary")!.TextContent);
    }

    private async Task<int> StaffAccounts_Run(string[] args) =>
        await StaffCommand.RunAsync(_factory.Services, args, new StringReader(""), TextWriter.Null, TextWriter.Null);

    [Fact]
    public async Task The_staff_command_prints_a_one_time_password_and_lists_accounts()
    {
        var email = $"cli-{Guid.NewGuid():N}@example.org";
        using var output = new StringWriter();
        Assert.Equal(0, await StaffCommand.RunAsync(_factory.Services, ["add", email, "--role", "Admin"], new StringReader(""), output, TextWriter.Null));
        var password = output.ToString().Split("first sign-in): ")[1].Trim();
        Assert.Equal(20, password.Length);

        using var list = new StringWriter();
        Assert.Equal(0, await StaffCommand.RunAsync(_factory.Services, ["list"], new StringReader(""), list, TextWriter.Null));
        Assert.Contains($"{email}\tAdmin\tactive\tmust change password", list.ToString(), StringComparison.Ordinal);

        Assert.Equal(1, await StaffCommand.RunAsync(_factory.Services, ["add", email], new StringReader(""), TextWriter.Null, TextWriter.Null));
        Assert.Equal(2, await StaffCommand.RunAsync(_factory.Services, ["add", "x@example.org", "--role", "Boss"], new StringReader(""), TextWriter.Null, TextWriter.Null));
        Assert.Equal(2, await StaffCommand.RunAsync(_factory.Services, ["frobnicate"], new StringReader(""), TextWriter.Null, TextWriter.Null));
        using var reset = new StringWriter();
        Assert.Equal(0, await StaffCommand.RunAsync(_factory.Services, ["reset", email], new StringReader(""), reset, TextWriter.Null));
        Assert.NotEqual(password, reset.ToString().Split("first sign-in): ")[1].Trim());
    }

    [Fact]
    public async Task Status_assignment_and_notes_are_recorded_in_the_history()
    {
        var email = await StaffAccounts.CreateAsync(_factory, StaffRoles.Staff);
        var client = await StaffAccounts.SignInAsync(_factory, email);
        var submission = await StaffAccounts.AddSubmissionAsync(_factory);
        var page = $"/staff/submissions/{submission.Id}";
        var userId = (await Html.GetAsync(client, page)).QuerySelectorAll("#assignee option").First(o => o.TextContent == email).GetAttribute("value")!;

        Assert.Equal(HttpStatusCode.Redirect, (await StaffAccounts.PostFormAsync(client, page, page + "/status", new Dictionary<string, string> { ["status"] = "in_review" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffAccounts.PostFormAsync(client, page, page + "/assign", new Dictionary<string, string> { ["assignee"] = userId })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffAccounts.PostFormAsync(client, page, page + "/notes", new Dictionary<string, string> { ["text"] = "Called them <b>back</b>." })).StatusCode);

        var detail = await Html.GetAsync(client, page);
        var history = detail.QuerySelectorAll(".history li").Select(li => li.TextContent).ToList();
        Assert.Contains(history, h => h.Contains($"{email}: status (New → In review)", StringComparison.Ordinal));
        Assert.Contains(history, h => h.Contains($"{email}: assigned (– → {email})", StringComparison.Ordinal));
        Assert.Contains(history, h => h.Contains($"{email}: note", StringComparison.Ordinal));
        Assert.Equal("Called them <b>back</b>.", detail.QuerySelector(".notes .pre")!.TextContent);
        Assert.Null(detail.QuerySelector(".notes b"));
        var stored = await Reload(submission.Id);
        Assert.Equal((SubmissionStatus.InReview, userId), (stored.Status, stored.AssignedTo));
    }

    [Fact]
    public async Task Two_staff_changing_the_same_submission_get_a_conflict_not_a_silent_overwrite()
    {
        var first = await StaffAccounts.SignInAsync(_factory, await StaffAccounts.CreateAsync(_factory, StaffRoles.Staff));
        var second = await StaffAccounts.SignInAsync(_factory, await StaffAccounts.CreateAsync(_factory, StaffRoles.Staff));
        var submission = await StaffAccounts.AddSubmissionAsync(_factory);
        var page = $"/staff/submissions/{submission.Id}";
        // Both open the page, then both change the status.
        var firstPage = await Html.GetAsync(first, page);
        var secondPage = await Html.GetAsync(second, page);
        static Dictionary<string, string> StatusForm(AngleSharp.Dom.IDocument document, string status) =>
            document.QuerySelector("form[action*='/status']")!.QuerySelectorAll("input[type=hidden]")
                .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value")!) is var values && (values["status"] = status) is not null ? values : values;

        var accepted = await first.PostAsync(page + "/status", new FormUrlEncodedContent(StatusForm(firstPage, "accepted")));
        var rejected = await second.PostAsync(page + "/status", new FormUrlEncodedContent(StatusForm(secondPage, "rejected")));

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, rejected.StatusCode);
        Assert.Contains("Someone else changed this submission", (await Html.ParseAsync(rejected)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(SubmissionStatus.Accepted, (await Reload(submission.Id)).Status);
    }

    [Fact]
    public async Task The_list_filters_by_kind_status_language_dates_and_full_text()
    {
        var client = await StaffAccounts.SignInAsync(_factory, await StaffAccounts.CreateAsync(_factory, StaffRoles.Staff));
        var marker = "zq" + Guid.NewGuid().ToString("N")[..10];
        var old = await StaffAccounts.AddSubmissionAsync(_factory, s => { s.Message = $"{marker} old"; s.ReceivedAt = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero); });
        var swedishEvent = await StaffAccounts.AddSubmissionAsync(_factory, s => { s.Kind = SubmissionKind.Event; s.Language = "sv"; s.Fields = $"{{\"venue\": \"venue{marker}\"}}"; s.Message = "evenemang"; });
        var spam = await StaffAccounts.AddSubmissionAsync(_factory, s => { s.Status = SubmissionStatus.Spam; s.Message = $"{marker} spam"; });

        async Task<List<string>> References(string query) =>
            (await Html.GetAsync(client, "/staff/" + query)).QuerySelectorAll("table.submissions tbody td:nth-child(2) a").Select(a => a.TextContent).ToList();

        Assert.Equal([spam.Reference, old.Reference], await References($"?q={marker}&status=all"));
        Assert.Equal([old.Reference], await References($"?q={marker}"));
        Assert.Equal([swedishEvent.Reference], await References($"?q=venue{marker}&kind=event&language=sv"));
        Assert.Equal([spam.Reference], await References($"?q={marker}&status=spam"));
        Assert.Equal([old.Reference], await References($"?q={marker}&from=2025-02-28&to=2025-03-01"));
        var bad = await client.GetAsync("/staff/?from=yesterday&status=lost");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(2, (await Html.ParseAsync(bad)).QuerySelectorAll(".error-summary li").Length);
    }

    [Theory]
    [InlineData("/staff/?q=%00", "'q' contains control characters.")]
    [InlineData("/staff/?to=9999-12-31", "'To' must be a date like 2026-11-30.")]
    [InlineData("/staff/?from=0001-01-01", "'From' must be a date like 2026-11-01.")]
    public async Task Filter_values_the_database_cannot_take_are_refused_with_a_message(string url, string message)
    {
        var client = await StaffAccounts.SignInAsync(_factory, await StaffAccounts.CreateAsync(_factory, StaffRoles.Admin));

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await Html.ParseAsync(response)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(url.Replace("/staff/?", "/staff/export.csv?", StringComparison.Ordinal))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(url.Replace("/staff/?", "/staff/export.json?", StringComparison.Ordinal))).StatusCode);
    }

    [Fact]
    public async Task Everything_a_visitor_sent_is_shown_escaped()
    {
        var client = await StaffAccounts.SignInAsync(_factory, await StaffAccounts.CreateAsync(_factory, StaffRoles.Staff));
        var submission = await StaffAccounts.AddSubmissionAsync(_factory, s =>
        {
            s.Name = "<script>alert('name')</script>";
            s.Message = "<img src=x onerror=alert(1)>";
            s.Fields = "{\"venue\": \"<b>bold</b>\"}";
        });

        var html = await (await client.GetAsync($"/staff/submissions/{submission.Id}")).Content.ReadAsStringAsync();
        var list = await (await client.GetAsync("/staff/")).Content.ReadAsStringAsync();

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>bold</b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_export_escapes_commas_quotes_newlines_and_formulas()
    {
        var admin = await StaffAccounts.SignInAsync(_factory, await StaffAccounts.CreateAsync(_factory, StaffRoles.Admin));
        var marker = "ex" + Guid.NewGuid().ToString("N")[..10];
        await StaffAccounts.AddSubmissionAsync(_factory, s =>
        {
            s.Name = "=HYPERLINK(\"http://evil.example\",\"click\")";
            s.Title = "+1, -1 and \"quotes\"";
            s.Message = $"{marker}\nsecond line, with comma";
            s.Email = "@attacker@example.org";
        });

        var bytes = await admin.GetByteArrayAsync($"/staff/export.csv?q={marker}");
        var csv = Encoding.UTF8.GetString(bytes.AsSpan(3)); // after the byte-order mark
        var rows = ParseCsv(csv);

        Assert.Equal(SubmissionExport.Header, rows[0]);
        Assert.Equal(2, rows.Count);
        var row = rows[1];
        Assert.Equal("'=HYPERLINK(\"http://evil.example\",\"click\")", row[Array.IndexOf(SubmissionExport.Header.ToArray(), "name")]);
        Assert.Equal("'+1, -1 and \"quotes\"", row[Array.IndexOf(SubmissionExport.Header.ToArray(), "title")]);
        Assert.Equal($"{marker}\nsecond line, with comma", row[Array.IndexOf(SubmissionExport.Header.ToArray(), "message")]);
        Assert.Equal("'@attacker@example.org", row[Array.IndexOf(SubmissionExport.Header.ToArray(), "email")]);

        using var json = JsonDocument.Parse(await admin.GetStringAsync($"/staff/export.json?q={marker}"));
        Assert.Equal("=HYPERLINK(\"http://evil.example\",\"click\")", json.RootElement[0].GetProperty("name").GetString());
    }

    /// <summary>RFC 4180, read independently of the writer.</summary>
    private static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { cell.Append(c); }
            }
            else if (c == '"') { quoted = true; }
            else if (c == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') { row.Add(cell.ToString()); cell.Clear(); rows.Add([.. row]); row.Clear(); i++; }
            else { cell.Append(c); }
        }
        return rows;
    }

    [Fact]
    public async Task An_accepted_event_suggestion_becomes_a_valid_event_page()
    {
        var client = await StaffAccounts.SignInAsync(_factory, await StaffAccounts.CreateAsync(_factory, StaffRoles.Staff));
        var submission = await StaffAccounts.AddSubmissionAsync(_factory, s =>
        {
            s.Kind = SubmissionKind.Event;
            s.Title = "Workshop: \"single-cell\" data";
            s.Message = "Two days.\n\n<script>alert(1)</script> and {{< shortcode >}}";
            s.Status = SubmissionStatus.Accepted;
            s.Fields = """{"event_type": "workshop", "start": "2026-03-28T09:00", "end": "2026-03-29T16:00", "venue": "Uppsala", "organisers": "SciLifeLab, Data Centre", "event_url": "https://example.org/ws", "registration_url": null, "is_organiser": true}""";
        });

        var snapshot = await LoadSuggestionAsync(client, submission.Id, "events");
        var page = Assert.Single(snapshot.Pages, p => p.Kind == PageKind.Page);
        Assert.Empty(snapshot.Diagnostics);
        Assert.Equal("/events/workshop-single-cell-data/", page.Url);
        Assert.Equal("Workshop: \"single-cell\" data", page.Title);
        Assert.Equal(new DateTimeOffset(2026, 3, 28, 9, 0, 0, TimeSpan.FromHours(1)), page.Meta.Start);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 16, 0, 0, TimeSpan.FromHours(2)), page.Meta.End);
        Assert.Equal(("Uppsala", "workshop", "https://example.org/ws"), (page.Meta.Location, page.Meta.EventType, page.Meta.EventUrl));
        Assert.Equal(["SciLifeLab", "Data Centre"], page.Meta.Organisers);
        Assert.DoesNotContain("<script>", page.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", page.Html, StringComparison.Ordinal);
        Assert.Contains("markdown", (await Html.GetAsync(client, $"/staff/submissions/{submission.Id}")).QuerySelector(".history")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>Downloads a suggestion's Markdown into <paramref name="section"/> of a new content folder and loads that folder as the site would.</summary>
    private static async Task<ContentSnapshot> LoadSuggestionAsync(HttpClient client, Guid id, string section)
    {
        var response = await client.GetAsync($"/staff/submissions/{id}/markdown");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var root = Directory.CreateTempSubdirectory("portal-suggestion-").FullName;
        Directory.CreateDirectory(Path.Combine(root, section));
        await File.WriteAllBytesAsync(Path.Combine(root, section, response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName!.Trim('"')),
            await response.Content.ReadAsByteArrayAsync());
        return new ContentLoader(new ContentOptions { Root = root }).Load();
    }

    [Fact]
    public async Task Visitor_text_in_a_page_made_from_a_suggestion_is_inert()
    {
        var client = await StaffAccounts.SignInAsync(_factory, await StaffAccounts.CreateAsync(_factory, StaffRoles.Staff));
        var submission = await StaffAccounts.AddSubmissionAsync(_factory, s =>
        {
            s.Kind = SubmissionKind.Highlight;
            s.Title = "Inert";
            s.Message = "See [d](javascript:alert(9)) and ![p](https://tracker.example/p.png)\n\n{{% button href=\"javascript:alert(1)\" %}}go{{% /button %}} <b>bold</b> # not a heading";
            s.Status = SubmissionStatus.Accepted;
            s.Fields = """{"links": ["javascript:alert(2)", "https://example.org/data"]}""";
        });

        var page = Assert.Single((await LoadSuggestionAsync(client, submission.Id, "highlights")).Pages, p => p.Kind == PageKind.Page);

        Assert.DoesNotContain("javascript:", page.Html.Replace("javascript:alert(9)", "", StringComparison.Ordinal).Replace("javascript:alert(1)", "", StringComparison.Ordinal)
            .Replace("javascript:alert(2)", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("<a href=\"javascript", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"button\"", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", page.Html, StringComparison.Ordinal);
        Assert.Contains("See [d](javascript:alert(9)) and ![p](https://tracker.example/p.png)", page.Html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org/data\">https://example.org/data</a>", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Direction_and_control_characters_are_shown_neutralised_and_stored_as_sent()
    {
        var client = await StaffAccounts.SignInAsync(_factory, await StaffAccounts.CreateAsync(_factory, StaffRoles.Staff));
        var submission = await StaffAccounts.AddSubmissionAsync(_factory, s => s.Name = "Ada\u202Egpj.exe");

        var document = await Html.GetAsync(client, $"/staff/submissions/{submission.Id}");

        Assert.Contains(document.QuerySelectorAll("dd > bdi"), b => b.TextContent == "Ada[U+202E]gpj.exe");
        Assert.Equal("Ada\u202Egpj.exe", (await Reload(submission.Id)).Name);
    }

    [Fact]
    public async Task A_suggestion_whose_title_has_no_letters_is_named_by_its_reference()
    {
        var client = await StaffAccounts.SignInAsync(_factory, await StaffAccounts.CreateAsync(_factory, StaffRoles.Staff));
        var submission = await StaffAccounts.AddSubmissionAsync(_factory, s =>
        {
            s.Kind = SubmissionKind.Highlight;
            s.Title = "???";
            s.Status = SubmissionStatus.Accepted;
        });

        var response = await client.GetAsync($"/staff/submissions/{submission.Id}/markdown");

        Assert.Equal($"{submission.Reference.ToLowerInvariant()}.md", response.Content.Headers.ContentDisposition!.FileNameStar);
    }

    [Fact]
    public async Task Only_accepted_suggestions_become_pages()
    {
        var client = await StaffAccounts.SignInAsync(_factory, await StaffAccounts.CreateAsync(_factory, StaffRoles.Staff));
        var newSuggestion = await StaffAccounts.AddSubmissionAsync(_factory, s => s.Kind = SubmissionKind.Highlight);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/staff/submissions/{newSuggestion.Id}/markdown")).StatusCode);
    }

    [Fact]
    public async Task The_content_report_lists_problems_and_translations()
    {
        var client = await StaffAccounts.SignInAsync(_factory, await StaffAccounts.CreateAsync(_factory, StaffRoles.Staff));

        var document = await Html.GetAsync(client, "/staff/content");

        Assert.Contains("0 errors", document.QuerySelector(".result-count")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(document.QuerySelectorAll("table.translations tbody tr"));
    }

    private async Task<Submission> Reload(Guid id)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Submissions.FindAsync(id) ?? throw new InvalidOperationException("gone");
    }
}

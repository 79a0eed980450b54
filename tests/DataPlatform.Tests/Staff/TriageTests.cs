using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using DataPlatform.Tests.Infrastructure;
using DataPlatform.Web.Data;
using DataPlatform.Web.Staff;
using DataPlatform.Web.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataPlatform.Tests.Staff;

/// <summary>Staff triage on a real PostgreSQL: the inbox and its counts, bulk changes, walking the list, readable details.</summary>
public sealed class TriageTests(StaffTests.StaffPortal portal) : IClassFixture<StaffTests.StaffPortal>
{
    private readonly PortalFactory _factory = portal.Factory;

    private static string Marker() => "tq" + Guid.NewGuid().ToString("N")[..10];

    private Task<Submission> Add(string marker, SubmissionStatus status, int minutesAgo, Action<Submission>? change = null) =>
        StaffAccounts.AddSubmissionAsync(_factory, s =>
        {
            s.Status = status;
            s.Message = $"{marker} {status}";
            s.ReceivedAt = DateTimeOffset.UtcNow.AddMinutes(-minutesAgo);
            change?.Invoke(s);
        });

    private static List<string> References(IDocument document) =>
        document.QuerySelectorAll("table.submissions tbody td:nth-child(2) a").Select(a => a.TextContent).ToList();

    private async Task<Submission> Reload(Guid id)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Submissions.AsNoTracking().SingleAsync(s => s.Id == id);
    }

    private async Task<List<string>> History(Guid id)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().SubmissionEvents.AsNoTracking().Where(e => e.SubmissionId == id)
            .OrderBy(e => e.Id).Select(e => e.Action + ":" + e.OldValue + "→" + e.NewValue).ToListAsync();
    }

    [Fact]
    public async Task The_list_opens_on_the_inbox_with_a_count_for_every_status_and_spam_only_when_chosen()
    {
        var client = await StaffAccounts.SignInAsync(_factory, await StaffAccounts.CreateAsync(_factory, StaffRoles.Staff));
        var marker = Marker();
        var newest = await Add(marker, SubmissionStatus.New, 1);
        var reviewing = await Add(marker, SubmissionStatus.InReview, 2);
        await Add(marker, SubmissionStatus.Accepted, 3);
        await Add(marker, SubmissionStatus.Done, 4);
        var spam = await Add(marker, SubmissionStatus.Spam, 5);
        await Add(marker, SubmissionStatus.Spam, 6);

        var inbox = await Html.GetAsync(client, $"/staff/?q={marker}");

        Assert.Equal([newest.Reference, reviewing.Reference], References(inbox));
        Assert.Equal(["Open (new and in review) 2", "New 1", "In review 1", "Accepted 1", "Rejected 0", "Done 1", "Spam 2", "All 6"],
            inbox.QuerySelectorAll(".status-links li").Select(li => string.Join(' ', li.TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries))));
        Assert.Equal($"/staff/?status=spam&q={marker}", inbox.QuerySelectorAll(".status-links a")[6].GetAttribute("href"));
        Assert.Equal("page", inbox.QuerySelectorAll(".status-links a")[0].GetAttribute("aria-current"));
        var spamOnly = References(await Html.GetAsync(client, $"/staff/?status=spam&q={marker}"));
        Assert.Equal((2, true), (spamOnly.Count, spamOnly.Contains(spam.Reference)));
        Assert.Equal(6, References(await Html.GetAsync(client, $"/staff/?status=all&q={marker}")).Count);
    }

    [Fact]
    public async Task A_bulk_change_applies_to_the_checked_rows_and_leaves_one_changed_meanwhile_alone()
    {
        var client = await StaffAccounts.SignInAsync(_factory, await StaffAccounts.CreateAsync(_factory, StaffRoles.Staff));
        var other = await StaffAccounts.SignInAsync(_factory, await StaffAccounts.CreateAsync(_factory, StaffRoles.Staff));
        var marker = Marker();
        var a = await Add(marker, SubmissionStatus.New, 1);
        var b = await Add(marker, SubmissionStatus.New, 2);
        var c = await Add(marker, SubmissionStatus.New, 3);
        var list = await Html.GetAsync(client, $"/staff/?q={marker}");
        var boxes = list.QuerySelectorAll("input[name=selected]").Select(i => i.GetAttribute("value")!).ToList();

        // Someone else marks b as spam while the list is open.
        var detail = await Html.GetAsync(other, $"/staff/submissions/{b.Id}");
        var version = detail.QuerySelector("form[action*='/status'] input[name=version]")!.GetAttribute("value")!;
        await StaffAccounts.PostFormAsync(other, $"/staff/submissions/{b.Id}", $"/staff/submissions/{b.Id}/status", new Dictionary<string, string> { ["status"] = "spam", ["version"] = version });

        var response = await Post(client, $"/staff/?q={marker}", $"/staff/bulk?q={marker}", [("change", "status:accepted"), ("scope", "selected"), .. boxes.Select(v => ("selected", v))]);
        // Back to the list it was made from, with the outcome above it (once).
        Assert.Equal((HttpStatusCode.Redirect, $"/staff/?q={marker}"), (response.StatusCode, response.Headers.Location!.OriginalString));
        var result = await Html.GetAsync(client, response.Headers.Location!.OriginalString);
        Assert.Empty((await Html.GetAsync(client, $"/staff/?q={marker}")).QuerySelectorAll(".bulk-notice"));

        Assert.Equal("Set the status to accepted: 2 changed, 0 already so, 1 left alone.", result.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal([$"{b.Reference} (now Spam)"], result.QuerySelectorAll(".conflicts li").Select(li => li.TextContent));
        Assert.Equal((SubmissionStatus.Accepted, SubmissionStatus.Spam, SubmissionStatus.Accepted), ((await Reload(a.Id)).Status, (await Reload(b.Id)).Status, (await Reload(c.Id)).Status));
        Assert.Equal(["status:new→accepted"], await History(a.Id));
        Assert.Equal(["status:new→spam"], await History(b.Id));
    }

    [Fact]
    public async Task All_matching_asks_first_with_the_number_then_changes_each_once_and_reports_later_changes()
    {
        var staffEmail = await StaffAccounts.CreateAsync(_factory, StaffRoles.Staff);
        var client = await StaffAccounts.SignInAsync(_factory, staffEmail);
        var marker = Marker();
        var rows = new[] { await Add(marker, SubmissionStatus.New, 1), await Add(marker, SubmissionStatus.New, 2), await Add(marker, SubmissionStatus.InReview, 3) };
        await Add(marker, SubmissionStatus.Done, 4);

        var confirm = await Html.ParseAsync(await Post(client, $"/staff/?q={marker}", $"/staff/bulk?q={marker}", [("change", "status:spam"), ("scope", "all")]));
        Assert.Equal("Set the status to spam for all 3 submissions matching this filter?", confirm.QuerySelector("h1 + p")!.TextContent);
        Assert.Equal(SubmissionStatus.New, (await Reload(rows[0].Id)).Status);

        // After the count was shown, someone takes one of them on (it still matches the filter): a request later, so later than the count.
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<StaffUser>>();
            var someone = (await users.FindByEmailAsync(staffEmail))!;
            var review = scope.ServiceProvider.GetRequiredService<SubmissionReview>();
            Assert.Equal(ChangeResult.Saved, await review.AssignAsync(rows[2].Id, someone.Id, someone.UserName, (await Reload(rows[2].Id)).Version, "someone@example.org", CancellationToken.None));
        }
        var fields = confirm.QuerySelectorAll("form input[type=hidden]").Where(i => i.GetAttribute("name") != "__RequestVerificationToken")
            .Select(i => (i.GetAttribute("name")!, i.GetAttribute("value")!)).ToList();
        var applied = await Post(client, $"/staff/?q={marker}", $"/staff/bulk?q={marker}", fields, confirm);
        var done = await Html.GetAsync(client, applied.Headers.Location!.OriginalString);

        Assert.Equal("Set the status to spam: 2 changed, 0 already so, 1 left alone.", done.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal([SubmissionStatus.Spam, SubmissionStatus.Spam, SubmissionStatus.InReview], [(await Reload(rows[0].Id)).Status, (await Reload(rows[1].Id)).Status, (await Reload(rows[2].Id)).Status]);
        Assert.Equal(["status:new→spam"], await History(rows[0].Id));
    }

    [Fact]
    public async Task Dates_typed_in_the_filter_are_Stockholm_dates_as_the_list_shows_them()
    {
        var client = await StaffAccounts.SignInAsync(_factory, await StaffAccounts.CreateAsync(_factory, StaffRoles.Staff));
        var marker = Marker();
        // 23:47 UTC on 6 December is 00:47 on 7 December in Stockholm.
        var late = await Add(marker, SubmissionStatus.New, 0, s => s.ReceivedAt = new DateTimeOffset(2026, 12, 6, 23, 47, 0, TimeSpan.Zero));
        var early = await Add(marker, SubmissionStatus.New, 0, s => s.ReceivedAt = new DateTimeOffset(2026, 12, 6, 22, 59, 0, TimeSpan.Zero));

        var list = await Html.GetAsync(client, $"/staff/?q={marker}");
        Assert.Equal(["2026-12-07 00:47 CET", "2026-12-06 23:59 CET"], list.QuerySelectorAll("table.submissions tbody td:nth-child(3)").Select(td => td.TextContent));
        Assert.Equal([late.Reference], References(await Html.GetAsync(client, $"/staff/?q={marker}&from=2026-12-07")));
        Assert.Equal([early.Reference], References(await Html.GetAsync(client, $"/staff/?q={marker}&from=2026-12-06&to=2026-12-06")));
        Assert.Equal([late.Reference], References(await Html.GetAsync(client, $"/staff/?q={marker}&to=2026-12-07&from=2026-12-07")));
    }

    [Fact]
    public async Task A_row_without_a_subject_shows_the_first_words_of_its_message_and_history_reads_in_words()
    {
        var client = await StaffAccounts.SignInAsync(_factory, await StaffAccounts.CreateAsync(_factory, StaffRoles.Staff));
        var marker = Marker();
        var row = await Add(marker, SubmissionStatus.New, 1, s =>
        {
            s.Title = null;
            s.Message = $"{marker} We would like\nto host a workshop on FAIR data in Uppsala next spring, for about forty researchers from three universities.";
        });

        var list = await Html.GetAsync(client, $"/staff/?q={marker}");
        Assert.Equal($"{marker} We would like to host a workshop on FAIR data in Uppsala next…", list.QuerySelector("table.submissions tbody td:nth-child(6) .excerpt")!.TextContent);

        var detail = await Html.GetAsync(client, $"/staff/submissions/{row.Id}");
        var version = detail.QuerySelector("form[action*='/status'] input[name=version]")!.GetAttribute("value")!;
        await StaffAccounts.PostFormAsync(client, $"/staff/submissions/{row.Id}", $"/staff/submissions/{row.Id}/status", new Dictionary<string, string> { ["status"] = "in_review", ["version"] = version });
        var history = (await Html.GetAsync(client, $"/staff/submissions/{row.Id}")).QuerySelectorAll(".history li").Select(li => li.TextContent).ToList();
        Assert.Contains(history, h => h.EndsWith(": status (New → In review)", StringComparison.Ordinal));
        Assert.DoesNotContain(history, h => h.Contains("in_review", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_row_on_the_page_can_be_changed_at_once_and_the_change_returns_to_that_page()
    {
        var client = await StaffAccounts.SignInAsync(_factory, await StaffAccounts.CreateAsync(_factory, StaffRoles.Staff));
        var marker = Marker();
        var rows = new List<Submission>();
        for (var i = 0; i < SubmissionReview.PageSize + 2; i++)
        {
            rows.Add(await Add(marker, SubmissionStatus.New, i + 1));
        }
        var second = await Html.GetAsync(client, $"/staff/?q={marker}&page=2");
        Assert.Equal("to every row on this page (2)", second.QuerySelector("label[for=scope-page]")!.TextContent);

        var response = await Post(client, $"/staff/?q={marker}&page=2", $"/staff/bulk?q={marker}", [("change", "status:done"), ("scope", "page"), ("page", "2"),
            ("onPage", second.QuerySelector("input[name=onPage]")!.GetAttribute("value")!)], second);

        Assert.Equal($"/staff/?q={marker}&page=2", response.Headers.Location!.OriginalString);
        // Both rows left the open list, and with them its second page: the list's last page shows the outcome.
        var gone = await client.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal((HttpStatusCode.Redirect, $"/staff/?q={marker}"), (gone.StatusCode, gone.Headers.Location!.OriginalString));
        var back = await Html.GetAsync(client, gone.Headers.Location!.OriginalString);
        Assert.Equal("Set the status to done: 2 changed, 0 already so.", back.QuerySelector(".bulk-notice [role=status]")!.TextContent);
        Assert.Equal([SubmissionStatus.Done, SubmissionStatus.Done, SubmissionStatus.New], [(await Reload(rows[^1].Id)).Status, (await Reload(rows[^2].Id)).Status, (await Reload(rows[^3].Id)).Status]);
    }

    [Fact]
    public async Task Bulk_changes_follow_the_role_rules_and_refuse_what_they_cannot_read()
    {
        var marker = Marker();
        var target = await Add(marker, SubmissionStatus.New, 1);
        var noRole = await StaffAccounts.SignInAsync(_factory, await StaffAccounts.CreateAsync(_factory, null));
        var anonymous = _factory.CreatePlainClient();
        var staff = await StaffAccounts.SignInAsync(_factory, await StaffAccounts.CreateAsync(_factory, StaffRoles.Staff));

        var refused = await noRole.PostAsync("/staff/bulk", new FormUrlEncodedContent([new("change", "status:spam"), new("selected", $"{target.Id}:{target.Version}")]));
        var signIn = await anonymous.PostAsync("/staff/bulk", new FormUrlEncodedContent([new("change", "status:spam"), new("selected", $"{target.Id}:{target.Version}")]));
        var nothingChecked = await Post(staff, $"/staff/?q={marker}", $"/staff/bulk?q={marker}", [("change", "status:spam"), ("scope", "selected")]);
        var badChange = await Post(staff, $"/staff/?q={marker}", $"/staff/bulk?q={marker}", [("change", "status:lost"), ("scope", "selected"), ("selected", $"{target.Id}:1")]);

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (refused.StatusCode, signIn.StatusCode));
        Assert.Equal(HttpStatusCode.BadRequest, nothingChecked.StatusCode);
        Assert.Equal("Check at least one submission, or choose all matching the filter.", (await Html.ParseAsync(nothingChecked)).QuerySelector(".error-summary li")!.TextContent);
        Assert.Equal("Choose what to do with the submissions.", (await Html.ParseAsync(badChange)).QuerySelector(".error-summary li")!.TextContent);
        Assert.Equal(SubmissionStatus.New, (await Reload(target.Id)).Status);
    }

    [Fact]
    public async Task Hand_made_bulk_posts_and_filters_get_a_message_not_a_server_error()
    {
        var marker = Marker();
        var target = await Add(marker, SubmissionStatus.New, 1);
        var staff = await StaffAccounts.SignInAsync(_factory, await StaffAccounts.CreateAsync(_factory, StaffRoles.Staff));

        var negative = await Post(staff, $"/staff/?q={marker}", $"/staff/bulk?q={marker}", [("change", "status:spam"), ("scope", "all"), ("confirm", "yes"), ("asOf", "-1")]);
        var tooLate = await Post(staff, $"/staff/?q={marker}", $"/staff/bulk?q={marker}", [("change", "status:spam"), ("scope", "all"), ("confirm", "yes"), ("asOf", long.MaxValue.ToString(CultureInfo.InvariantCulture))]);
        var twice = await Post(staff, $"/staff/?q={marker}", $"/staff/bulk?q={marker}",
            [("change", "status:accepted"), ("scope", "selected"), ("selected", $"{target.Id}:{target.Version}"), ("selected", $"{target.Id}:{target.Version}")]);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (negative.StatusCode, tooLate.StatusCode));
        Assert.Equal("The confirmation could not be read; choose the change again.", (await Html.ParseAsync(negative)).QuerySelector(".error-summary li")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, twice.StatusCode);
        Assert.Equal(SubmissionStatus.Accepted, (await Reload(target.Id)).Status);
        Assert.Equal(["status:new→accepted"], await History(target.Id));

        var unassigned = await Add(marker, SubmissionStatus.New, 2);
        Assert.Equal([unassigned.Reference], References(await Html.GetAsync(staff, $"/staff/?q={marker}&assigned=none")));
        Assert.Equal([unassigned.Reference], References(await Html.GetAsync(staff, $"/staff/?q={marker}&assigned=nobody")));
        var unknown = await staff.GetAsync($"/staff/?q={marker}&assigned=someone");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("'Assigned' is me or nobody, not 'someone'.", (await Html.ParseAsync(unknown)).QuerySelector(".error-summary li")!.TextContent);
        var hyphens = await staff.GetAsync("/staff/?q=" + new string('-', 40));
        Assert.Equal(HttpStatusCode.OK, hyphens.StatusCode);
    }

    [Fact]
    public async Task The_inbox_search_folds_accents_and_a_reference_goes_straight_to_its_submission()
    {
        var marker = Marker();
        var baltic = await Add(marker, SubmissionStatus.New, 1, s => s.Message = $"{marker} Data från Östersjön och Kääriäinen");
        var staff = await StaffAccounts.SignInAsync(_factory, await StaffAccounts.CreateAsync(_factory, StaffRoles.Staff));

        Assert.Equal([baltic.Reference], References(await Html.GetAsync(staff, $"/staff/?q={marker}+ostersjon")));
        Assert.Equal([baltic.Reference], References(await Html.GetAsync(staff, $"/staff/?q={marker}+kaariainen")));
        var byReference = await staff.GetAsync($"/staff/?q={baltic.Reference.ToLowerInvariant()}");
        Assert.Equal(HttpStatusCode.Redirect, byReference.StatusCode);
        Assert.Equal($"/staff/submissions/{baltic.Id}", byReference.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_detail_page_walks_the_list_it_came_from_and_reads_in_words_and_stockholm_time()
    {
        var client = await StaffAccounts.SignInAsync(_factory, await StaffAccounts.CreateAsync(_factory, StaffRoles.Staff));
        var marker = Marker();
        var newer = await Add(marker, SubmissionStatus.New, 1);
        var middle = await Add(marker, SubmissionStatus.New, 2, s =>
        {
            s.Kind = SubmissionKind.Event;
            s.ReceivedAt = new DateTimeOffset(2026, 1, 15, 9, 30, 0, TimeSpan.Zero);
            s.Fields = """{"end": "2026-06-12T16:00", "start": "2026-06-10T09:00", "venue": "Uppsala", "event_url": "https://example.org/e", "is_organiser": true, "event_type": "workshop"}""";
        });
        var older = await Add(marker, SubmissionStatus.New, 3, s => s.ReceivedAt = new DateTimeOffset(2026, 1, 14, 9, 30, 0, TimeSpan.Zero));
        await Add(marker, SubmissionStatus.Spam, 0);

        var page = await Html.GetAsync(client, $"/staff/submissions/{middle.Id}?q={marker}");

        Assert.Equal($"/staff/submissions/{newer.Id}?q={marker}", page.QuerySelector(".walk a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal($"/staff/submissions/{older.Id}?q={marker}", page.QuerySelector(".walk a[rel=next]")!.GetAttribute("href"));
        Assert.Null((await Html.GetAsync(client, $"/staff/submissions/{older.Id}?q={marker}")).QuerySelector(".walk a[rel=next]"));
        var fields = page.QuerySelectorAll(".submission-fields dt").Select(dt => dt.TextContent + ": " + dt.NextElementSibling!.TextContent).ToList();
        Assert.Equal("Received: 2026-01-15 10:30 CET", fields[0]);
        Assert.Equal(["Type of event: workshop", "Start: 2026-06-10 09:00 CEST", "End: 2026-06-12 16:00 CEST", "Venue: Uppsala", "Event URL: https://example.org/e", "Organiser of the event: yes"],
            fields.SkipWhile(f => !f.StartsWith("Type of event", StringComparison.Ordinal)).ToList());
        Assert.Equal($"/staff/submissions/{middle.Id}/status?q={marker}", page.QuerySelector("form[action*='/status']")!.GetAttribute("action"));
    }

    /// <summary>Posts a form's fields with the antiforgery token of the page it is on.</summary>
    private static async Task<HttpResponseMessage> Post(HttpClient client, string pageUrl, string action, IEnumerable<(string Name, string Value)> fields, IDocument? page = null)
    {
        page ??= await Html.GetAsync(client, pageUrl);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await client.PostAsync(action, new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]));
    }
}

/// <summary>Replies to visitors through a real SMTP server (the tests' mail catcher), in their language, never lost while the server is down.</summary>
public sealed class ReplyTests
{
    private static Dictionary<string, string?> Settings(int port) => PortalFactory.FormSettings(
        ("Notifications:Smtp:Host", "127.0.0.1"), ("Notifications:Smtp:Port", port.ToString(CultureInfo.InvariantCulture)),
        ("Notifications:ReplyTo", "team@example.org"), ("Notifications:From", "portal@example.org"), ("Notifications:PollSeconds", "600"));

    private static async Task<HttpResponseMessage> Reply(PortalFactory factory, HttpClient client, Submission submission, string text, string? status = null)
    {
        var page = await Html.GetAsync(client, $"/staff/submissions/{submission.Id}");
        var form = page.QuerySelector("form[action*='/reply']")!;
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["version"] = form.QuerySelector("input[name=version]")!.GetAttribute("value")!,
            // The text box starts with the greeting; the staff member writes below it.
            ["text"] = form.QuerySelector("textarea[name=text]")!.TextContent + text,
            ["status"] = status ?? form.QuerySelector("select[name=status] option[selected]")!.GetAttribute("value")!,
            ["send"] = "preview",
        };
        // Nothing is sent before the preview; sending what was previewed queues it.
        var preview = await Html.ParseAsync(await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields)));
        fields["previewed"] = preview.QuerySelector("input[name=previewed]")!.GetAttribute("value")!;
        fields["send"] = "yes";
        return await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
    }

    private static async Task<SubmissionReply> ReplyRow(PortalFactory factory, Guid submission)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().SubmissionReplies.AsNoTracking().SingleAsync(r => r.SubmissionId == submission);
    }

    [Fact]
    public async Task A_reply_is_sent_in_the_visitors_language_quoting_them_and_moves_a_new_submission_to_in_review()
    {
        using var mail = await MailCatcher.StartAsync();
        await using var factory = await PortalFactory.CreateAsync(Fixtures.Portal, Settings(mail.Port));
        var client = await StaffAccounts.SignInAsync(factory, await StaffAccounts.CreateAsync(factory, StaffRoles.Staff));
        var english = await StaffAccounts.AddSubmissionAsync(factory, s => { s.Message = "Can we host our tool?\n<b>Thanks</b>"; s.ReceivedAt = new DateTimeOffset(2026, 3, 2, 8, 5, 0, TimeSpan.Zero); });
        var swedish = await StaffAccounts.AddSubmissionAsync(factory, s => { s.Language = "sv"; s.Name = "Åsa Lind"; s.Title = "Fråga"; s.Message = "Hej!"; s.ReceivedAt = new DateTimeOffset(2026, 7, 2, 8, 5, 0, TimeSpan.Zero); });

        Assert.Equal(HttpStatusCode.Redirect, (await Reply(factory, client, english, "Yes, you can.")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Reply(factory, client, swedish, "Ja, det går bra.", "done")).StatusCode);
        // The sender wakes when a reply is queued.
        await Eventually.TrueAsync(async () => (await ReplyRow(factory, english.Id)).State == SubmissionReply.Sent && (await ReplyRow(factory, swedish.Id)).State == SubmissionReply.Sent, "both replies sent");

        var sent = await ReplyRow(factory, english.Id);
        Assert.Equal((SubmissionReply.Sent, $"Re: Hosting a tool [{english.Reference}]"), (sent.State, sent.Subject));
        Assert.Equal(
            "Dear Ada Lovelace,\n\nYes, you can.\n\nBest regards,\nThe Life Science Data Portal team\n\nOn 2 March 2026, 09:05, Ada Lovelace wrote:\n> Can we host our tool?\n> <b>Thanks</b>\n",
            sent.Body);
        var svenska = await ReplyRow(factory, swedish.Id);
        Assert.Equal($"Sv: Fråga [{swedish.Reference}]", svenska.Subject);
        Assert.StartsWith("Hej Åsa Lind!\n\nJa, det går bra.\n\nVänliga hälsningar\n", svenska.Body, StringComparison.Ordinal);
        Assert.Contains("Den 2 juli 2026 10:05 skrev Åsa Lind:\n> Hej!\n", svenska.Body, StringComparison.Ordinal);

        await Eventually.TrueAsync(() => mail.Received.Contains($"Re: Hosting a tool [{english.Reference}]", StringComparison.Ordinal), "the reply at the mail server");
        Assert.Contains("Reply-To: team@example.org", mail.Received, StringComparison.Ordinal);
        Assert.Contains("From: portal@example.org", mail.Received, StringComparison.Ordinal);
        Assert.Contains("Dear Ada Lovelace,", mail.Received, StringComparison.Ordinal);

        var page = await Html.GetAsync(client, $"/staff/submissions/{english.Id}");
        Assert.Equal("In review", page.QuerySelector("#status option[selected]")!.TextContent);
        Assert.Contains("sent", page.QuerySelector(".reply-sent .hint")!.TextContent, StringComparison.Ordinal);
        var history = page.QuerySelectorAll(".history li").Select(li => li.TextContent).ToList();
        Assert.Contains(history, h => h.Contains("reply queued", StringComparison.Ordinal));
        Assert.Contains(history, h => h.Contains("status (New → In review)", StringComparison.Ordinal));
        Assert.Contains(history, h => h.Contains("mail server: reply sent", StringComparison.Ordinal));
        Assert.Equal(SubmissionStatus.Done, (await StaffAccounts_Reload(factory, swedish.Id)).Status);
    }

    [Fact]
    public async Task A_reply_starts_with_a_greeting_staff_can_remove_and_is_shown_whole_before_it_is_sent()
    {
        using var mail = await MailCatcher.StartAsync();
        await using var factory = await PortalFactory.CreateAsync(Fixtures.Portal, Settings(mail.Port));
        var client = await StaffAccounts.SignInAsync(factory, await StaffAccounts.CreateAsync(factory, StaffRoles.Staff));
        var submission = await StaffAccounts.AddSubmissionAsync(factory, s => { s.Language = "sv"; s.Name = "Björn Ångström"; s.Title = "Fråga"; s.Message = "Hej!"; });
        var page = await Html.GetAsync(client, $"/staff/submissions/{submission.Id}");
        var form = page.QuerySelector("form[action*='/reply']")!;
        Assert.Equal("Hej Björn Ångström!\n\n", form.QuerySelector("textarea[name=text]")!.TextContent);
        Assert.Equal(["preview"], form.QuerySelectorAll("button[name=send]").Select(b => b.GetAttribute("value")));

        // The staff member writes their own greeting instead of the suggested one.
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["version"] = form.QuerySelector("input[name=version]")!.GetAttribute("value")!,
            ["text"] = "Hej Björn,\n\nJa, det går bra.", ["status"] = "in_review", ["send"] = "preview",
        };
        var preview = await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
        var shown = await Html.ParseAsync(preview);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal($"Subject: Sv: Fråga [{submission.Reference}]", shown.QuerySelector(".reply-preview p")!.TextContent);
        var body = shown.QuerySelector(".reply-preview pre")!.TextContent;
        Assert.StartsWith("Hej Björn,\n\nJa, det går bra.\n\nVänliga hälsningar\n", body, StringComparison.Ordinal);
        Assert.EndsWith("skrev Björn Ångström:\n> Hej!\n", body, StringComparison.Ordinal);
        Assert.Empty(await factory.Services.CreateScope().ServiceProvider.GetRequiredService<PortalDbContext>().SubmissionReplies.Where(r => r.SubmissionId == submission.Id).ToListAsync());

        // Sending a text changed after its preview shows the new preview instead.
        fields["previewed"] = shown.QuerySelector("input[name=previewed]")!.GetAttribute("value")!;
        fields["send"] = "yes";
        fields["text"] = "Hej Björn,\n\nJa, det går utmärkt.";
        var changed = await Html.ParseAsync(await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields)));
        Assert.Equal("The text changed after the preview: this is the message as it will be sent now.", changed.QuerySelector(".notice, .error-summary, [role=alert], [role=status]")!.TextContent.Trim());
        Assert.StartsWith("Hej Björn,\n\nJa, det går utmärkt.", changed.QuerySelector(".reply-preview pre")!.TextContent, StringComparison.Ordinal);

        fields["previewed"] = changed.QuerySelector("input[name=previewed]")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields))).StatusCode);
        await Eventually.TrueAsync(async () => (await ReplyRow(factory, submission.Id)).State == SubmissionReply.Sent, "the reply sent");
        Assert.Equal(changed.QuerySelector(".reply-preview pre")!.TextContent, (await ReplyRow(factory, submission.Id)).Body);
    }

    [Fact]
    public async Task A_reply_waits_while_the_mail_server_is_down_and_is_sent_once_it_is_back()
    {
        var port = MailCatcher.FreePort();
        await using var factory = await PortalFactory.CreateAsync(Fixtures.Portal, Settings(port));
        var client = await StaffAccounts.SignInAsync(factory, await StaffAccounts.CreateAsync(factory, StaffRoles.Staff));
        var submission = await StaffAccounts.AddSubmissionAsync(factory);
        var sender = factory.Services.GetRequiredService<ReplySender>();

        Assert.Equal(HttpStatusCode.Redirect, (await Reply(factory, client, submission, "We will get back to you.")).StatusCode);
        // The sender tries at once, fails, and backs off; the reply stays queued with the reason.
        await Eventually.TrueAsync(async () => (await ReplyRow(factory, submission.Id)).Attempts >= 1, "a first attempt");
        var queued = await ReplyRow(factory, submission.Id);
        Assert.Equal(SubmissionReply.Queued, queued.State);
        Assert.NotNull(queued.LastError);
        Assert.Equal(-1, await sender.SendQueuedAsync(CancellationToken.None));
        Assert.Contains("queued (the mail server did not answer", (await Html.GetAsync(client, $"/staff/submissions/{submission.Id}")).QuerySelector(".reply .hint")!.TextContent, StringComparison.Ordinal);

        using var mail = await MailCatcher.StartAsync(port);
        Assert.Equal(1, await sender.SendQueuedAsync(CancellationToken.None));
        Assert.Equal(0, await sender.SendQueuedAsync(CancellationToken.None));

        Assert.Equal(SubmissionReply.Sent, (await ReplyRow(factory, submission.Id)).State);
        await Eventually.TrueAsync(() => mail.Received.Contains($"[{submission.Reference}]", StringComparison.Ordinal), "the reply at the mail server");
        Assert.Equal(1, mail.Received.Split($"Subject: Re: Hosting a tool [{submission.Reference}]").Length - 1);
    }

    [Fact]
    public async Task A_reply_the_server_cannot_take_is_marked_failed_and_the_replies_behind_it_go_out()
    {
        // Like many servers, this one does not offer SMTPUTF8: an address with ü before the @ cannot be sent to it.
        using var mail = await MailCatcher.StartAsync();
        await using var factory = await PortalFactory.CreateAsync(Fixtures.Portal, Settings(mail.Port));
        var client = await StaffAccounts.SignInAsync(factory, await StaffAccounts.CreateAsync(factory, StaffRoles.Staff));
        var international = await StaffAccounts.AddSubmissionAsync(factory, s => s.Email = "ü@example.org");
        var plain = await StaffAccounts.AddSubmissionAsync(factory);

        Assert.Equal(HttpStatusCode.Redirect, (await Reply(factory, client, international, "First in the queue.")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Reply(factory, client, plain, "Second in the queue.")).StatusCode);
        await Eventually.TrueAsync(async () => (await ReplyRow(factory, international.Id)).State == SubmissionReply.Failed && (await ReplyRow(factory, plain.Id)).State == SubmissionReply.Sent,
            "the first reply failed and the second sent", seconds: 15);

        Assert.StartsWith("The address has letters outside ASCII before the @, and the mail server does not accept such addresses (SMTPUTF8)", (await ReplyRow(factory, international.Id)).LastError, StringComparison.Ordinal);
        await Eventually.TrueAsync(() => mail.Received.Contains("Second in the queue.", StringComparison.Ordinal), "the second reply at the mail server");
    }

    [Fact]
    public async Task An_international_address_is_sent_with_SMTPUTF8_when_the_server_offers_it()
    {
        using var mail = await MailCatcher.StartAsync(smtpUtf8: true);
        await using var factory = await PortalFactory.CreateAsync(Fixtures.Portal, Settings(mail.Port));
        var client = await StaffAccounts.SignInAsync(factory, await StaffAccounts.CreateAsync(factory, StaffRoles.Staff));
        var international = await StaffAccounts.AddSubmissionAsync(factory, s => s.Email = "ü@example.org");

        Assert.Equal(HttpStatusCode.Redirect, (await Reply(factory, client, international, "Hej.")).StatusCode);

        await Eventually.TrueAsync(async () => (await ReplyRow(factory, international.Id)).State == SubmissionReply.Sent, "the reply sent", seconds: 15);
        await Eventually.TrueAsync(() => mail.Received.Contains("ü@example.org", StringComparison.Ordinal), "the reply at the mail server");
    }

    private static async Task<Submission> StaffAccounts_Reload(PortalFactory factory, Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Submissions.AsNoTracking().SingleAsync(s => s.Id == id);
    }
}

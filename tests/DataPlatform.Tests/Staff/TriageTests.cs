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
        var result = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
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

        // After the count was shown, someone takes one of them on (it still matches the filter).
        await Task.Delay(10);
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<StaffUser>>();
            var someone = (await users.FindByEmailAsync(staffEmail))!;
            var review = scope.ServiceProvider.GetRequiredService<SubmissionReview>();
            Assert.Equal(ChangeResult.Saved, await review.AssignAsync(rows[2].Id, someone.Id, someone.UserName, (await Reload(rows[2].Id)).Version, "someone@example.org", CancellationToken.None));
        }
        var fields = confirm.QuerySelectorAll("form input[type=hidden]").Where(i => i.GetAttribute("name") != "__RequestVerificationToken")
            .Select(i => (i.GetAttribute("name")!, i.GetAttribute("value")!)).ToList();
        var done = await Html.ParseAsync(await Post(client, $"/staff/?q={marker}", $"/staff/bulk?q={marker}", fields, confirm));

        Assert.Equal("Set the status to spam: 2 changed, 0 already so, 1 left alone.", done.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal([SubmissionStatus.Spam, SubmissionStatus.Spam, SubmissionStatus.InReview], [(await Reload(rows[0].Id)).Status, (await Reload(rows[1].Id)).Status, (await Reload(rows[2].Id)).Status]);
        Assert.Equal(["status:new→spam"], await History(rows[0].Id));
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
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
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
            ["text"] = text,
            ["status"] = status ?? form.QuerySelector("select[name=status] option[selected]")!.GetAttribute("value")!,
        };
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
        Assert.Contains(history, h => h.Contains("status (new → in_review)", StringComparison.Ordinal));
        Assert.Contains(history, h => h.Contains("mail server: reply sent", StringComparison.Ordinal));
        Assert.Equal(SubmissionStatus.Done, (await StaffAccounts_Reload(factory, swedish.Id)).Status);
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

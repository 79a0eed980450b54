using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using DataPlatform.Tests.Infrastructure;
using DataPlatform.Web.Staff;

namespace DataPlatform.Tests.Content;

/// <summary>Content served from a branch of a real bare repository on disk, followed by polling and by the signed hook.</summary>
public sealed class GitContentTests : IDisposable
{
    private const string Secret = "hook-secret";
    private readonly string _root = Directory.CreateTempSubdirectory("portal-git-").FullName;
    private string Origin => Path.Combine(_root, "origin.git");
    private string Editor => Path.Combine(_root, "editor");

    public GitContentTests()
    {
        Git(_root, "init", "--quiet", "--bare", "-b", "main", Origin);
        Git(_root, "clone", "--quiet", Origin, Editor);
        CopyFolder(Fixtures.Portal, Path.Combine(Editor, "content"));
        Commit("The site as it is");
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string Git(string directory, params string[] arguments)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-c", "user.name=Editor", "-c", "user.email=editor@example.org" }.Concat(arguments))
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)}: {error}");
        return output.Trim();
    }

    private void Commit(string message)
    {
        Git(Editor, "add", "--all");
        Git(Editor, "commit", "--quiet", "-m", message);
        Git(Editor, "push", "--quiet", "origin", "HEAD:main");
    }

    /// <summary>An editor changes the About page's title and pushes.</summary>
    private void PushTitle(string title)
    {
        var page = Path.Combine(Editor, "content", "about", "_index.md");
        File.WriteAllText(page, File.ReadAllText(page).Replace("title: About the platform", $"title: {title}", StringComparison.Ordinal));
        Commit($"Title: {title}");
    }

    private Task<PortalFactory> PortalAsync(int pollSeconds, string publishTo = "suggestion") => PortalFactory.CreateAsync(Fixtures.Portal, new Dictionary<string, string?>
    {
        ["Content:Git:Repository"] = "file://" + Origin,
        ["Content:Git:PublishTo"] = publishTo,
        ["Content:Git:PollSeconds"] = pollSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Content:Git:WorkDirectory"] = Path.Combine(_root, "portal"),
        ["Content:Git:WebhookSecret"] = Secret,
    });

    private static async Task<string> Title(HttpClient client) => (await Html.GetAsync(client, "/about/")).QuerySelector("h1")!.TextContent.Trim();

    private static HttpRequestMessage Hook(string? signature, string body = "{\"ref\":\"refs/heads/main\"}")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/hooks/content") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.Add("X-Hub-Signature-256", signature);
        }
        return request;
    }

    private static string Sign(string body) => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(body)));

    [Fact]
    public async Task A_push_to_the_branch_is_served_within_the_poll_interval()
    {
        await using var portal = await PortalAsync(pollSeconds: 1);
        var client = portal.CreatePlainClient();
        Assert.Equal("About the platform", await Title(client));

        PushTitle("About us, from git");

        await Eventually.TrueAsync(async () => await Title(client) == "About us, from git", "the pushed title served", seconds: 10);
    }

    [Fact]
    public async Task The_signed_hook_brings_a_push_at_once_and_a_wrong_signature_is_refused()
    {
        await using var portal = await PortalAsync(pollSeconds: 3600);
        var client = portal.CreatePlainClient();
        PushTitle("About us, by the hook");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Hook(null))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Hook("sha256=" + new string('0', 64)))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Hook(Sign("{}")))).StatusCode);
        Assert.Equal("About the platform", await Title(client));

        var body = "{\"ref\":\"refs/heads/main\"}";
        Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(Hook(Sign(body), body))).StatusCode);
        await Eventually.TrueAsync(async () => await Title(client) == "About us, by the hook", "the pushed title served", seconds: 5);
    }

    [Fact]
    public async Task A_repository_that_cannot_be_reached_keeps_the_last_content_and_says_why()
    {
        await using var portal = await PortalAsync(pollSeconds: 3600);
        var client = portal.CreatePlainClient();
        Directory.Move(Origin, Origin + ".gone");

        var body = "{}";
        Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(Hook(Sign(body), body))).StatusCode);
        var source = (DataPlatform.Web.Publishing.GitContentSource)portal.Services.GetService(typeof(DataPlatform.Web.Publishing.GitContentSource))!;
        await Eventually.TrueAsync(() => source.Status?.Error is not null, "the failed fetch", seconds: 10);

        Assert.Equal("About the platform", await Title(client));
        var ready = await client.GetAsync("/readyz");
        var readiness = await ready.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.StartsWith("ready\ncontent repository: ", readiness, StringComparison.Ordinal);
        var staff = await StaffAccounts.SignInAsync(portal, await StaffAccounts.CreateAsync(portal, StaffRoles.Staff));
        var report = await Html.GetAsync(staff, "/staff/content");
        var row = report.QuerySelectorAll(".fetches tbody tr")[0].QuerySelectorAll("td").Select(td => td.TextContent).ToList();
        Assert.StartsWith("content repository (main at ", row[0], StringComparison.Ordinal);
        Assert.Equal(source.Status!.Error, row[5]);
        var preview = await staff.GetAsync("/staff/preview/main/about/");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, preview.StatusCode);
        Assert.StartsWith("The branch cannot be previewed now: ", await preview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Task<DataPlatform.Web.Submissions.Submission> AcceptedEvent(PortalFactory portal, string language = "en") =>
        StaffAccounts.AddSubmissionAsync(portal, s =>
        {
            s.Kind = DataPlatform.Web.Submissions.SubmissionKind.Event;
            s.Status = DataPlatform.Web.Submissions.SubmissionStatus.Accepted;
            s.Reference = "E-" + s.Reference[2..];
            s.Language = language;
            s.Title = "Single-cell workshop";
            s.Message = "Two days of single-cell analysis.";
            s.Fields = "{\"start\":\"2027-03-01\",\"end\":\"2027-03-02\",\"venue\":\"Uppsala\"}";
        });

    /// <summary>Staff open "Publish as a page", change the text and publish it; the answer.</summary>
    private static async Task<HttpResponseMessage> PublishAsync(HttpClient staff, Guid id, Func<string, string> edit)
    {
        var page = await Html.GetAsync(staff, $"/staff/submissions/{id}/publish");
        return await staff.PostAsync($"/staff/submissions/{id}/publish", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["markdown"] = edit(page.QuerySelector("textarea#markdown")!.TextContent),
        }));
    }

    [Fact]
    public async Task A_published_suggestion_is_one_commit_by_the_staff_member_on_its_own_branch_also_when_asked_twice()
    {
        await using var portal = await PortalAsync(pollSeconds: 3600);
        var email = await StaffAccounts.CreateAsync(portal, StaffRoles.Staff);
        var staff = await StaffAccounts.SignInAsync(portal, email);
        var suggestion = await AcceptedEvent(portal, language: "sv");

        var published = await PublishAsync(staff, suggestion.Id, text => text + "\nEdited by staff.\n");
        Assert.Equal((HttpStatusCode.Redirect, $"/staff/submissions/{suggestion.Id}"), (published.StatusCode, published.Headers.Location!.OriginalString));
        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(staff, suggestion.Id, text => text)).StatusCode);

        var branch = $"suggestion/{suggestion.Reference}";
        Assert.Equal("1", Git(Origin, "rev-list", "--count", $"main..{branch}"));
        Assert.Equal($"{email}|Publish suggestion {suggestion.Reference}: Single-cell workshop", Git(Origin, "log", "-1", "--format=%ae|%s", branch));
        Assert.Equal(["content/events/single-cell-workshop.md", "content/events/single-cell-workshop.sv.md"],
            Git(Origin, "diff", "--name-only", "main", branch).Split('\n'));
        Assert.EndsWith("Edited by staff.\n", Git(Origin, "show", $"{branch}:content/events/single-cell-workshop.md") + "\n", StringComparison.Ordinal);
        var history = (await Html.GetAsync(staff, $"/staff/submissions/{suggestion.Id}")).QuerySelectorAll(".history li").Select(li => li.TextContent).ToList();
        Assert.Single(history, h => h.EndsWith($"published to {branch} at {Git(Origin, "rev-parse", branch)[..12]} (preview)", StringComparison.Ordinal));
        var detail = await Html.GetAsync(staff, $"/staff/submissions/{suggestion.Id}");
        var previewLink = detail.QuerySelector(".history a")!.GetAttribute("href")!;
        Assert.Equal($"/staff/preview/{branch}/", previewLink);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(previewLink + "events/single-cell-workshop/")).StatusCode);
    }

    [Fact]
    public async Task Published_to_the_branch_it_is_served_and_a_refused_push_can_be_tried_again()
    {
        await using var portal = await PortalAsync(pollSeconds: 1, publishTo: "branch");
        var staff = await StaffAccounts.SignInAsync(portal, await StaffAccounts.CreateAsync(portal, StaffRoles.Staff));
        var suggestion = await AcceptedEvent(portal);
        var hook = Path.Combine(Origin, "hooks", "pre-receive");
        File.WriteAllText(hook, "#!/bin/sh\necho 'pushes are closed today' >&2\nexit 1\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var refused = await PublishAsync(staff, suggestion.Id, text => text);
        Assert.Equal(HttpStatusCode.BadGateway, refused.StatusCode);
        Assert.Contains("pushes are closed today", (await Html.ParseAsync(refused)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        File.Delete(hook);
        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(staff, suggestion.Id, text => text)).StatusCode);
        Assert.Equal(1, Git(Origin, "log", "--format=%s", "main").Split('\n').Count(s => s.Contains(suggestion.Reference, StringComparison.Ordinal)));
        var client = portal.CreatePlainClient();
        await Eventually.TrueAsync(async () => (await client.GetAsync("/events/single-cell-workshop/")).StatusCode == HttpStatusCode.OK, "the published page served", seconds: 10);
    }

    [Fact]
    public async Task A_pushed_branch_is_previewed_by_staff_and_by_nobody_else()
    {
        await using var portal = await PortalAsync(pollSeconds: 3600);
        Git(Editor, "checkout", "--quiet", "-b", "suggestion/new-title");
        var page = Path.Combine(Editor, "content", "about", "_index.md");
        File.WriteAllText(page, File.ReadAllText(page).Replace("title: About the platform", "title: About us, not merged yet", StringComparison.Ordinal));
        Git(Editor, "commit", "--quiet", "-am", "A title to review");
        Git(Editor, "push", "--quiet", "origin", "suggestion/new-title");
        var commit = Git(Editor, "rev-parse", "HEAD");

        var anonymous = await portal.CreatePlainClient().GetAsync("/staff/preview/suggestion/new-title/about/");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/staff/signin", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var staff = await StaffAccounts.SignInAsync(portal, await StaffAccounts.CreateAsync(portal, StaffRoles.Staff));
        var list = await Html.GetAsync(staff, "/staff/preview/");
        Assert.Equal(["main", "suggestion/new-title"], list.QuerySelectorAll(".previews tbody td:first-child").Select(td => td.TextContent).Order());

        var response = await staff.GetAsync("/staff/preview/suggestion/new-title/about/");
        var preview = await Html.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("About us, not merged yet", preview.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal($"Preview of suggestion/new-title at {commit[..12]} — the live page", preview.QuerySelector(".preview-banner")!.TextContent);
        Assert.Equal("/about/", preview.QuerySelector(".preview-banner a")!.GetAttribute("href"));
        Assert.Equal((true, "noindex"), (response.Headers.CacheControl!.NoStore, response.Headers.GetValues("X-Robots-Tag").Single()));
        // Links stay inside the preview (the staff workspace's are the workspace's).
        Assert.DoesNotContain(preview.QuerySelectorAll("main a[href^='/']").Select(a => a.GetAttribute("href")!),
            href => !href.StartsWith("/staff/", StringComparison.Ordinal));
        Assert.Contains(preview.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!), href => href == "/staff/preview/suggestion/new-title/sv/om/" || href.StartsWith("/staff/preview/suggestion/new-title/sv/", StringComparison.Ordinal));
        Assert.Equal("About the platform", await Title(portal.CreatePlainClient()));
        var checkedRow = (await Html.GetAsync(staff, "/staff/preview/")).QuerySelectorAll(".previews tbody tr")
            .Single(tr => tr.QuerySelector("td")!.TextContent == "suggestion/new-title").QuerySelectorAll("td")[4].TextContent;
        var report = DataPlatform.Content.ContentCheck.Run(new DataPlatform.Content.ContentLoader(new DataPlatform.Content.ContentOptions { Root = Path.Combine(Editor, "content") }).Load(), Path.Combine(Editor, "content"));
        Assert.Equal($"{report.Errors} errors, {report.Warnings} warnings", checkedRow);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}

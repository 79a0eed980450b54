using DataPlatform.Web.Data;
using DataPlatform.Web.Submissions;
using DataPlatform.Web.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DataPlatform.Tests.Infrastructure;

/// <summary>Staff accounts made with the app's own <c>staff</c> command, and browsers signed in as them.</summary>
public static class StaffAccounts
{
    public const string Password = "Correct-Horse-42-battery";

    /// <summary>Creates an account through the command; with <paramref name="role"/> null, an account without a role.</summary>
    public static async Task<string> CreateAsync(PortalFactory factory, string? role, bool mustChangePassword = false)
    {
        var email = $"{role?.ToLowerInvariant() ?? "norole"}-{Guid.NewGuid():N}@example.org";
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await StaffCommand.RunAsync(factory.Services, ["add", email, "--role", role ?? StaffRoles.Staff, "--password-stdin"], new StringReader(Password), output, error);
        Assert.True(exit == 0, error.ToString());
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        if (role is null)
        {
            await users.RemoveFromRoleAsync(user, StaffRoles.Staff);
        }
        user.MustChangePassword = mustChangePassword;
        await users.UpdateAsync(user);
        return email;
    }

    /// <summary>A client (with its own cookies) signed in as <paramref name="email"/>.</summary>
    public static async Task<HttpClient> SignInAsync(PortalFactory factory, string email, string password = Password)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await PostSignInAsync(client, email, password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string email, string password)
    {
        var page = await Html.GetAsync(client, "/staff/signin");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await client.PostAsync("/staff/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Email"] = email,
            ["Password"] = password,
        }));
    }

    /// <summary>Posts a staff form on a page (its antiforgery token and hidden fields included).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, string action, IReadOnlyDictionary<string, string> fields)
    {
        var page = await Html.GetAsync(client, pageUrl);
        var form = page.QuerySelectorAll("form").First(f => f.GetAttribute("action") == action);
        var values = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }
        return await client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    /// <summary>Stores a submission directly, as the intake would.</summary>
    public static async Task<Submission> AddSubmissionAsync(PortalFactory factory, Action<Submission>? change = null)
    {
        var submission = new Submission
        {
            Id = Guid.CreateVersion7(),
            Reference = "C-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(),
            IdempotencyKey = Guid.NewGuid(),
            Kind = SubmissionKind.Contact,
            Language = "en",
            SourcePage = "/contact/",
            Name = "Ada Lovelace",
            Email = "ada@example.org",
            Title = "Hosting a tool",
            Message = "We would like to host our tool.",
            ReceivedAt = DateTimeOffset.UtcNow,
            StoredAt = DateTimeOffset.UtcNow,
        };
        change?.Invoke(submission);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.Submissions.Add(submission);
        await db.SaveChangesAsync();
        return submission;
    }
}

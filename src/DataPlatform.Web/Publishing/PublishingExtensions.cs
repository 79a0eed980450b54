using System.Security.Cryptography;
using System.Text;
using DataPlatform.Content;
using Microsoft.Extensions.Options;

namespace DataPlatform.Web.Publishing;

public static class PublishingExtensions
{
    /// <summary>Content from a git repository when <c>Content:Git:Repository</c> is set; registered before the content loads.</summary>
    public static void AddPortalGitContent(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<GitContentOptions>().BindConfiguration(GitContentOptions.SectionName)
            .Validate(o => o.PollSeconds >= 1, "Content:Git:PollSeconds must be at least 1.")
            .Validate(o => o.PublishTo is "suggestion" or "branch", "Content:Git:PublishTo is suggestion or branch.")
            .Validate(o => !o.IsConfigured || (o.Branch.Length > 0 && !o.Branch.StartsWith('-') && !o.ContentPath.Contains("..", StringComparison.Ordinal)),
                "Content:Git:Branch must name a branch and Content:Git:ContentPath a folder inside the repository.")
            .ValidateOnStart();
        var configured = builder.Configuration.GetSection(GitContentOptions.SectionName).Get<GitContentOptions>() is { IsConfigured: true };
        if (!configured)
        {
            return;
        }
        // The content is the checkout's content folder, whatever Content:Root says.
        builder.Services.AddOptions<ContentOptions>().PostConfigure<IOptions<GitContentOptions>>((content, git) => content.Root = git.Value.ContentRoot);
        builder.Services.AddSingleton<GitClient>();
        builder.Services.AddSingleton<GitContentSource>();
        builder.Services.AddSingleton<SuggestionPublisher>();
        builder.Services.AddSingleton<PreviewStore>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<GitContentSource>());
        builder.Services.AddHealthChecks().AddCheck<GitContentHealthCheck>("content repository", tags: ["ready"]);
    }

    /// <summary>Branch previews for staff, answered after the page cache (which never keeps a <c>/staff</c> answer).</summary>
    public static void UsePreviews(this WebApplication app)
    {
        if (app.Services.GetService<PreviewStore>() is not null)
        {
            app.UseMiddleware<PreviewMiddleware>();
        }
    }

    /// <summary>
    /// <c>POST /hooks/content</c>: a push notification signed like GitHub's (<c>X-Hub-Signature-256: sha256=&lt;HMAC of the
    /// body&gt;</c> with <c>Content:Git:WebhookSecret</c>) makes the portal look for new commits at once; unsigned or wrongly
    /// signed: 401. Without a secret there is no hook (404).
    /// </summary>
    public static void MapContentHook(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<IOptions<GitContentOptions>>().Value;
        if (!settings.IsConfigured || settings.WebhookSecret.Length == 0)
        {
            return;
        }
        var key = Encoding.UTF8.GetBytes(settings.WebhookSecret);
        app.MapPost("/hooks/content", async (HttpContext context, GitContentSource source) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(key, body.ToArray()));
            var given = context.Request.Headers["X-Hub-Signature-256"].ToString();
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given)))
            {
                return Results.Text("The signature is missing or wrong.\n", statusCode: StatusCodes.Status401Unauthorized);
            }
            source.Wake();
            return Results.Text("Looking for new commits.\n", statusCode: StatusCodes.Status202Accepted);
        }).WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(1024 * 1024));
    }
}

using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using DataPlatform.Web.Site;
using Microsoft.AspNetCore.Identity;

namespace DataPlatform.Web.Publishing;

/// <summary>
/// <c>/staff/preview/&lt;branch&gt;/&lt;any portal address&gt;</c>: the portal answers the address from the branch's
/// snapshot, for signed-in staff only (anyone else gets the sign-in page, never the content). Links stay inside the
/// preview, a banner names the branch and commit and links to the live page, and the answer is <c>no-store</c> and
/// <c>noindex</c>.
/// </summary>
public sealed partial class PreviewMiddleware(RequestDelegate next, PreviewStore previews)
{
    public const string Prefix = "/staff/preview/";

    [GeneratedRegex("""\b(href|src|action)="/(?!/|staff/)""")]
    private static partial Regex LocalLink();

    [GeneratedRegex("<body[^>]*>")]
    private static partial Regex Body();

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (!path.StartsWith(Prefix, StringComparison.Ordinal) || path.Length == Prefix.Length)
        {
            await next(context);
            return;
        }
        var signedIn = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (signedIn.Principal is not { } staff || !(staff.IsInRole(Staff.StaffRoles.Staff) || staff.IsInRole(Staff.StaffRoles.Admin)))
        {
            context.Response.Redirect("/staff/signin?returnUrl=" + Uri.EscapeDataString(path));
            return;
        }
        var rest = path[Prefix.Length..];
        var (branches, problem) = await previews.BranchesAsync(context.RequestAborted);
        // A branch name may hold slashes (suggestion/E-…): the longest one the address starts with.
        var branch = branches.Select(b => b.Name).Where(n => rest == n || rest.StartsWith(n + "/", StringComparison.Ordinal)).OrderByDescending(n => n.Length).FirstOrDefault();
        (PreviewBranch Branch, DataPlatform.Content.ContentSnapshot Snapshot)? preview = null;
        try
        {
            preview = branch is null ? null : await previews.GetAsync(branch, context.RequestAborted);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            problem = e.Message;
        }
        if (preview is null)
        {
            // The repository cannot be read, or has no such branch: said in words, never an error page.
            context.Response.StatusCode = problem is null ? StatusCodes.Status404NotFound : StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsync(problem is null ? "No such branch.\n" : $"The branch cannot be previewed now: {problem}\n");
            return;
        }
        context.RequestServices.GetRequiredService<RequestSnapshot>().Snapshot = preview.Value.Snapshot;
        var inside = Prefix + branch;
        var live = rest.Length > branch!.Length ? rest[branch.Length..] : "/";
        context.Request.Path = live;
        var body = await BufferedResponse.RunAsync(context, next);
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Robots-Tag"] = "noindex";
        if (response.Headers.Location.ToString() is ['/', ..] location && !location.StartsWith("/staff/", StringComparison.Ordinal))
        {
            response.Headers.Location = inside + location;
        }
        if (response.ContentType?.StartsWith("text/html", StringComparison.Ordinal) == true)
        {
            var banner = $"""<div class="preview-banner" role="note">Preview of <strong>{WebUtility.HtmlEncode(branch)}</strong> at {preview.Value.Branch.Commit[..12]} — <a href="{WebUtility.HtmlEncode(live)}">the live page</a></div>""";
            var html = LocalLink().Replace(Encoding.UTF8.GetString(body), m => $"{m.Groups[1].Value}=\"{inside}/");
            body = Encoding.UTF8.GetBytes(Body().Replace(html, m => m.Value + banner, 1));
        }
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted);
    }
}

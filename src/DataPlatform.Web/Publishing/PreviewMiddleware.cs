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
        var (branches, _) = await previews.BranchesAsync(context.RequestAborted);
        // A branch name may hold slashes (suggestion/E-…): the longest one the address starts with.
        var branch = branches.Select(b => b.Name).Where(n => rest == n || rest.StartsWith(n + "/", StringComparison.Ordinal)).OrderByDescending(n => n.Length).FirstOrDefault();
        if (branch is null || await previews.GetAsync(branch, context.RequestAborted) is not { } preview)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsync("No such branch.\n");
            return;
        }
        context.RequestServices.GetRequiredService<RequestSnapshot>().Snapshot = preview.Snapshot;
        var inside = Prefix + branch;
        var live = rest.Length > branch.Length ? rest[branch.Length..] : "/";
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
            var banner = $"""<div class="preview-banner" role="note">Preview of <strong>{WebUtility.HtmlEncode(branch)}</strong> at {preview.Branch.Commit[..12]} — <a href="{WebUtility.HtmlEncode(live)}">the live page</a></div>""";
            var html = LocalLink().Replace(Encoding.UTF8.GetString(body), m => $"{m.Groups[1].Value}=\"{inside}/");
            body = Encoding.UTF8.GetBytes(Body().Replace(html, m => m.Value + banner, 1));
        }
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted);
    }
}

using DataPlatform.Content;
using DataPlatform.Web.Site;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace DataPlatform.Web.Submissions;

/// <summary>
/// A form page is personal (its antiforgery token, which carries the form's stamp, and its submission key) but everything else on it
/// is the same for everyone until the content changes. So the page is rendered once per address and content
/// snapshot (<see cref="PageTemplate"/>), cut where that request's two values stand; later requests get the kept bytes
/// with fresh values put in, without running Razor. A new snapshot (an edit, a notice starting) renders it again. Once kept, the page is
/// served by <see cref="SubmissionsExtensions.UseFormPages"/> before MVC runs: the controller, its filters and
/// its services cost more than the page itself.
/// </summary>
public sealed class FormPageTemplates(PageTemplates templates, IAntiforgery antiforgery)
{
    /// <summary>
    /// The page for this request: the kept template with a fresh key and antiforgery token (and so stamp), or, the first
    /// time, the view rendered (and kept) with them.
    /// </summary>
    /// <remarks><paramref name="model"/> is only built when the page is rendered: a kept page needs no layout, menus or notices.</remarks>
    public async Task<IActionResult> PageAsync(Controller controller, string view, SubmissionForm form, Func<object> model)
    {
        var values = Issue(controller.HttpContext, form.Kind);
        form.SubmissionKey = values[1];
        // The token and the key are random, so where they stand in the page is where they go.
        var template = await templates.FindOrRenderAsync(Key(controller.HttpContext), controller.HttpContext.RequestServices.GetRequiredService<ContentSnapshot>(),
            async snapshot => PageTemplate.Cut(snapshot, await PageTemplate.RenderAsync(controller, view, model()), values));
        return template.Result(values);
    }

    /// <summary>The kept page for this request's address, with fresh values, when it is still that of the current content; otherwise null (MVC renders it).</summary>
    public Task? TryServe(HttpContext context, SubmissionKind kind) =>
        templates.Find(Key(context), context.RequestServices.GetRequiredService<ContentSnapshot>()) is { } template ? template.WriteAsync(context, Issue(context, kind)) : null;

    private string Key(HttpContext context) => templates.Key(context, context.Request.Path.Value ?? "/");

    /// <summary>The request's antiforgery token and a new submission key, in the order of the template's slots.</summary>
    private string[] Issue(HttpContext context, SubmissionKind kind)
    {
        // Sets the antiforgery cookie when the browser has none, and the no-store headers; the view's hidden field reuses these tokens.
        FormStamp.Serve(context, kind);
        var tokens = antiforgery.GetAndStoreTokens(context);
        return [tokens.RequestToken!, Guid.NewGuid().ToString()];
    }
}

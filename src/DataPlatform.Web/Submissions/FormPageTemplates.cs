using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using DataPlatform.Content;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace DataPlatform.Web.Submissions;

/// <summary>
/// A form page is personal (its antiforgery token, which carries the form's stamp, and its submission key) but everything else on it
/// is the same for everyone until the content changes. So the page is rendered once per address and content
/// snapshot, with that request's two values marked; later requests get the kept bytes with fresh values put in,
/// without running Razor. A new snapshot (an edit, a notice starting) renders it again. Once kept, the page is
/// served by <see cref="SubmissionsExtensions.UseFormPages"/> before MVC runs: the controller, its filters and
/// its services cost more than the page itself.
/// </summary>
public sealed class FormPageTemplates(ContentStore content, IAntiforgery antiforgery)
{
    private sealed record Template(ContentSnapshot Snapshot, string FormKind, byte[][] Literals, Slot[] Slots);

    private enum Slot
    {
        Token,
        Key,
    }

    private readonly ConcurrentDictionary<string, Template> _templates = new(StringComparer.Ordinal);

    /// <summary>
    /// The page for this request: the kept template with a fresh key and antiforgery token (and so stamp), or, the first
    /// time, the view rendered (and kept) with them.
    /// </summary>
    /// <remarks><paramref name="model"/> is only built when the page is rendered: a kept page needs no layout, menus or notices.</remarks>
    public async Task<IActionResult> PageAsync(Controller controller, string view, SubmissionForm form, Func<object> model)
    {
        var context = controller.HttpContext;
        var kind = form.Kind.ToString();
        var values = Issue(context, kind);
        form.SubmissionKey = values.Key;
        var key = TemplateKey(context);
        var snapshot = content.Current;
        if (!_templates.TryGetValue(key, out var template) || !ReferenceEquals(template.Snapshot, snapshot))
        {
            var html = await RenderAsync(controller, view, model());
            template = Cut(snapshot, kind, html, [(values.Token, Slot.Token), (values.Key, Slot.Key)]);
            _templates[key] = template;
        }
        return new TemplateResult(template, values);
    }

    /// <summary>The kept page for this request's address, with fresh values, when it is still that of the current content; otherwise null (MVC renders it).</summary>
    public Task? TryServe(HttpContext context)
    {
        if (!_templates.TryGetValue(TemplateKey(context), out var template) || !ReferenceEquals(template.Snapshot, content.Current))
        {
            return null;
        }
        return WriteAsync(context, template, Issue(context, template.FormKind));
    }

    // The host too: without Site:BaseUrl, the page's absolute links (canonical, hreflang) come from it.
    private static string TemplateKey(HttpContext context) => context.Request.Host.Value + context.Request.Path.Value;

    private readonly record struct Values(string Token, string Key);

    private Values Issue(HttpContext context, string formKind)
    {
        // Sets the antiforgery cookie when the browser has none, and the no-store headers; the view's hidden field reuses these tokens.
        FormStamp.Serve(context, formKind);
        var tokens = antiforgery.GetAndStoreTokens(context);
        return new Values(tokens.RequestToken!, Guid.NewGuid().ToString());
    }

    private static async Task<string> RenderAsync(Controller controller, string view, object model)
    {
        var engine = controller.HttpContext.RequestServices.GetRequiredService<ICompositeViewEngine>();
        var found = engine.FindView(controller.ControllerContext, view, isMainPage: true);
        if (found.View is null)
        {
            throw new InvalidOperationException($"The view '{view}' was not found: {string.Join(", ", found.SearchedLocations)}");
        }
        controller.ViewData.Model = model;
        await using var writer = new StringWriter();
        var viewContext = new ViewContext(controller.ControllerContext, found.View, controller.ViewData, controller.TempData, writer, new HtmlHelperOptions());
        await found.View.RenderAsync(viewContext);
        return writer.ToString();
    }

    /// <summary>The page cut at every place one of the request's values stands.</summary>
    private static Template Cut(ContentSnapshot snapshot, string formKind, string html, (string Value, Slot Slot)[] values)
    {
        var literals = new List<byte[]>();
        var slots = new List<Slot>();
        var start = 0;
        while (true)
        {
            var next = values.Select(v => (v.Slot, At: html.IndexOf(v.Value, start, StringComparison.Ordinal), v.Value.Length))
                .Where(v => v.At >= 0).OrderBy(v => v.At).FirstOrDefault();
            if (next.Length == 0)
            {
                literals.Add(Encoding.UTF8.GetBytes(html[start..]));
                return new Template(snapshot, formKind, [.. literals], [.. slots]);
            }
            literals.Add(Encoding.UTF8.GetBytes(html[start..next.At]));
            slots.Add(next.Slot);
            start = next.At + next.Length;
        }
    }

    private static async Task WriteAsync(HttpContext context, Template template, Values values)
    {
        var response = context.Response;
        response.ContentType = "text/html; charset=utf-8";
        var bytes = new[] { Encoding.UTF8.GetBytes(values.Token), Encoding.UTF8.GetBytes(values.Key) };
        response.ContentLength = template.Literals.Sum(l => (long)l.Length) + template.Slots.Sum(s => (long)bytes[(int)s].Length);
        var body = response.BodyWriter;
        for (var i = 0; i < template.Literals.Length; i++)
        {
            body.Write(template.Literals[i]);
            if (i < template.Slots.Length)
            {
                body.Write(bytes[(int)template.Slots[i]]);
            }
        }
        await body.FlushAsync(context.RequestAborted);
    }

    private sealed class TemplateResult(Template template, Values values) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => WriteAsync(context.HttpContext, template, values);
    }
}

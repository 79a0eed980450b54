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
/// A form page is personal (its antiforgery token, its signed stamp, its submission key) but everything else on it
/// is the same for everyone until the content changes. So the page is rendered once per address and content
/// snapshot, with that request's three values marked; later requests get the kept bytes with fresh values put in,
/// without running Razor. A new snapshot (an edit, a notice starting) renders it again.
/// </summary>
public sealed class FormPageTemplates(ContentStore content)
{
    private sealed record Template(ContentSnapshot Snapshot, byte[][] Literals, Slot[] Slots);

    private enum Slot
    {
        Token,
        Stamp,
        Key,
    }

    private readonly ConcurrentDictionary<string, Template> _templates = new(StringComparer.Ordinal);

    /// <summary>
    /// The page for this request: the kept template with <paramref name="stamp"/>, <paramref name="key"/> and a fresh
    /// antiforgery token, or, the first time, the view rendered (and kept) with them.
    /// </summary>
    /// <remarks><paramref name="model"/> is only built when the page is rendered: a kept page needs no layout, menus or notices.</remarks>
    public async Task<IActionResult> PageAsync(Controller controller, string view, Func<object> model, string stamp, string key)
    {
        var context = controller.HttpContext;
        // Sets the antiforgery cookie when the browser has none, and the no-store headers; the view's hidden field reuses these tokens.
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        // The host too: without Site:BaseUrl, the page's absolute links (canonical, hreflang) come from it.
        var path = context.Request.Host.Value + context.Request.Path.Value;
        var snapshot = content.Current;
        if (!_templates.TryGetValue(path, out var template) || !ReferenceEquals(template.Snapshot, snapshot))
        {
            var html = await RenderAsync(controller, view, model());
            template = Cut(snapshot, html, [(tokens.RequestToken!, Slot.Token), (stamp, Slot.Stamp), (key, Slot.Key)]);
            _templates[path] = template;
        }
        return new TemplateResult(template, tokens.RequestToken!, stamp, key);
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
    private static Template Cut(ContentSnapshot snapshot, string html, (string Value, Slot Slot)[] values)
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
                return new Template(snapshot, [.. literals], [.. slots]);
            }
            literals.Add(Encoding.UTF8.GetBytes(html[start..next.At]));
            slots.Add(next.Slot);
            start = next.At + next.Length;
        }
    }

    private sealed class TemplateResult(Template template, string token, string stamp, string key) : IActionResult
    {
        public async Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            response.ContentType = "text/html; charset=utf-8";
            var values = new[] { Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(stamp), Encoding.UTF8.GetBytes(key) };
            response.ContentLength = template.Literals.Sum(l => (long)l.Length) + template.Slots.Sum(s => (long)values[(int)s].Length);
            var body = response.BodyWriter;
            for (var i = 0; i < template.Literals.Length; i++)
            {
                body.Write(template.Literals[i]);
                if (i < template.Slots.Length)
                {
                    body.Write(values[(int)template.Slots[i]]);
                }
            }
            await body.FlushAsync(context.HttpContext.RequestAborted);
        }
    }
}

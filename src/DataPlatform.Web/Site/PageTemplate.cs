using System.Buffers;
using System.Text;
using DataPlatform.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace DataPlatform.Web.Site;

/// <summary>
/// A page that is the same for everyone but for a few values (a form's token, the 404 page's language switch),
/// rendered once for a content snapshot and kept as UTF-8 pieces cut where those values stand. Each request writes
/// the pieces with its own values between them: no Razor, no layout, no menus. A new snapshot (an edit, a notice
/// starting) means rendering it again; <see cref="IsFor"/> tells.
/// </summary>
public sealed class PageTemplate
{
    private readonly ContentSnapshot _snapshot;
    private readonly byte[][] _literals;
    private readonly int[] _slots;
    private readonly long _literalBytes;

    private PageTemplate(ContentSnapshot snapshot, byte[][] literals, int[] slots)
    {
        _snapshot = snapshot;
        _literals = literals;
        _slots = slots;
        _literalBytes = literals.Sum(l => (long)l.Length);
    }

    /// <summary>Whether the template was rendered from <paramref name="snapshot"/> (compared by reference).</summary>
    public bool IsFor(ContentSnapshot snapshot) => ReferenceEquals(_snapshot, snapshot);

    /// <summary>
    /// <paramref name="html"/> cut at every place one of <paramref name="markers"/> stands; marker <c>i</c> becomes value
    /// <c>i</c> when written. A marker must be unlikely anywhere else in the page (random, like a token), and read the
    /// same HTML-encoded.
    /// </summary>
    public static PageTemplate Cut(ContentSnapshot snapshot, string html, IReadOnlyList<string> markers)
    {
        var literals = new List<byte[]>();
        var slots = new List<int>();
        var start = 0;
        while (true)
        {
            var next = markers.Select((marker, slot) => (Slot: slot, At: html.IndexOf(marker, start, StringComparison.Ordinal), marker.Length))
                .Where(m => m.At >= 0).OrderBy(m => m.At).FirstOrDefault();
            if (next.Length == 0)
            {
                literals.Add(Encoding.UTF8.GetBytes(html[start..]));
                return new PageTemplate(snapshot, [.. literals], [.. slots]);
            }
            literals.Add(Encoding.UTF8.GetBytes(html[start..next.At]));
            slots.Add(next.Slot);
            start = next.At + next.Length;
        }
    }

    /// <summary>Renders <paramref name="view"/> with its layout for <paramref name="controller"/>'s request, as a string.</summary>
    public static async Task<string> RenderAsync(Controller controller, string view, object model)
    {
        var engine = controller.HttpContext.RequestServices.GetRequiredService<ICompositeViewEngine>();
        // A path ("~/Views/…") or a name looked up beside the controller's views, as a ViewResult does.
        var found = engine.GetView(executingFilePath: null, view, isMainPage: true) is { Success: true } byPath
            ? byPath : engine.FindView(controller.ControllerContext, view, isMainPage: true);
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

    /// <summary>Writes the page as HTML with <paramref name="values"/> (already encoded for where they stand) in its slots.</summary>
    public async Task WriteAsync(HttpContext context, IReadOnlyList<string> values)
    {
        var response = context.Response;
        response.ContentType = "text/html; charset=utf-8";
        var bytes = values.Select(Encoding.UTF8.GetBytes).ToArray();
        response.ContentLength = _literalBytes + _slots.Sum(s => (long)bytes[s].Length);
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }
        var body = response.BodyWriter;
        for (var i = 0; i < _literals.Length; i++)
        {
            body.Write(_literals[i]);
            if (i < _slots.Length)
            {
                body.Write(bytes[_slots[i]]);
            }
        }
        await body.FlushAsync(context.RequestAborted);
    }

    /// <summary>The template written as a controller's answer.</summary>
    public IActionResult Result(IReadOnlyList<string> values) => new TemplateResult(this, values);

    private sealed class TemplateResult(PageTemplate template, IReadOnlyList<string> values) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => template.WriteAsync(context.HttpContext, values);
    }
}

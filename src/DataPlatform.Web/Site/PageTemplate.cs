using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
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

/// <summary>
/// The kept <see cref="PageTemplate"/>s, by key, while they are of the current content. Pages carry absolute URLs
/// (canonical, hreflang): without <c>Site:BaseUrl</c> those come from the request's host, so the host is part of the
/// key. A Host header is anyone's to vary, so at most <see cref="MaxKept"/> are kept, all forgotten when full.
/// </summary>
public sealed class PageTemplates(Microsoft.Extensions.Options.IOptions<SiteOptions> site, HtmlEncoder encoder)
{
    public const int MaxKept = 1000;

    // Stands in the kept 404 page where the language switch's address goes (it reads the same HTML-encoded).
    private const string SwitchMarker = "not-found-switch-2f7c4e91a8d3";
    private readonly HtmlEncoder _encoder = encoder;
    private readonly ConcurrentDictionary<string, PageTemplate> _kept = new(StringComparer.Ordinal);
    private readonly bool _keyByHost = string.IsNullOrEmpty(site.Value.BaseUrl);

    /// <summary>The key of the page named <paramref name="name"/> (its address, say) for this request.</summary>
    public string Key(HttpContext context, string name) => _keyByHost ? string.Concat(context.Request.Host.Value, " ", name) : name;

    /// <summary>The kept template, when it was rendered from <paramref name="snapshot"/> (the request's content).</summary>
    public PageTemplate? Find(string key, ContentSnapshot snapshot) => _kept.TryGetValue(key, out var template) && template.IsFor(snapshot) ? template : null;

    /// <summary>
    /// The kept template, or the one <paramref name="render"/> makes, kept from now on. <paramref name="snapshot"/> is the
    /// request's own: the page is rendered from it, so it is stamped with it too. Stamping it with the store's current
    /// content instead kept an old page under a new version when a reload landed while it was rendered.
    /// </summary>
    public async Task<PageTemplate> FindOrRenderAsync(string key, ContentSnapshot snapshot, Func<ContentSnapshot, Task<PageTemplate>> render)
    {
        if (_kept.TryGetValue(key, out var template) && template.IsFor(snapshot))
        {
            return template;
        }
        template = await render(snapshot);
        if (_kept.Count >= MaxKept)
        {
            _kept.Clear();
        }
        _kept[key] = template;
        return template;
    }

    /// <summary>
    /// The 404 page for <paramref name="model"/>'s language, kept with only its language switch written per request:
    /// anyone can ask for any number of addresses that do not exist, and rendering the layout for each cost five
    /// times a cached page. The menus still mark the entries the missing address is below, so it is kept per trail.
    /// </summary>
    public IActionResult NotFoundPage(Controller controller, LayoutViewModel model)
    {
        controller.Response.StatusCode = StatusCodes.Status404NotFound;
        return new NotFoundPageResult(this, controller, model);
    }

    private sealed class NotFoundPageResult(PageTemplates templates, Controller controller, LayoutViewModel model) : IActionResult
    {
        public async Task ExecuteResultAsync(ActionContext context)
        {
            var switchUrl = templates._encoder.Encode(model.SwitchUrl ?? "/");
            // Rendered for a path below the same menu entries as the real one (MenuItem.Contains) and equal to the same
            // entry, if any (a list's page that does not exist, /events/?page=999, still marks its entry current).
            var requestSnapshot = context.HttpContext.RequestServices.GetRequiredService<ContentSnapshot>();
            var trail = Trail(requestSnapshot, model.Language, model.CurrentPath);
            var menuPath = string.Equals(trail, model.CurrentPath, StringComparison.OrdinalIgnoreCase) ? trail : trail + "\0";
            var template = await templates.FindOrRenderAsync(templates.Key(context.HttpContext, $"404 {model.Language.Code} {menuPath}"), requestSnapshot, async snapshot =>
            {
                model.SwitchUrl = SwitchMarker;
                model.CurrentPath = menuPath;
                return PageTemplate.Cut(snapshot, await PageTemplate.RenderAsync(controller, "~/Views/Status/NotFound.cshtml", model), [SwitchMarker]);
            });
            await template.WriteAsync(context.HttpContext, [switchUrl]);
        }

        /// <summary>The longest menu address (not the home page) that <paramref name="path"/> starts with, or "".</summary>
        private static string Trail(ContentSnapshot snapshot, SiteLanguage language, string path)
        {
            var longest = "";
            void Walk(IEnumerable<MenuItem> items)
            {
                foreach (var item in items)
                {
                    if (item.Url.Length > longest.Length && language.Neutral(item.Url) != "/" && path.StartsWith(item.Url, StringComparison.OrdinalIgnoreCase))
                    {
                        longest = item.Url;
                    }
                    Walk(item.Children);
                }
            }
            if (snapshot.Menus.TryGetValue(language.Code, out var menus))
            {
                foreach (var menu in menus.Values)
                {
                    Walk(menu);
                }
            }
            return longest;
        }
    }

    /// <summary>How many are kept (tests: the bound).</summary>
    public int Count => _kept.Count;
}

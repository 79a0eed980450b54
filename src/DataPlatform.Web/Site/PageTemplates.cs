using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using DataPlatform.Content;
using Microsoft.AspNetCore.Mvc;

namespace DataPlatform.Web.Site;

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

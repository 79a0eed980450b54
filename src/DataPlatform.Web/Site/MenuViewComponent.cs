using DataPlatform.Content;
using DataPlatform.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace DataPlatform.Web.Site;

/// <summary>Renders a front-matter menu for the current language, marking the current page.</summary>
public sealed class MenuViewComponent(ContentSnapshot snapshot, IOptions<SiteOptions> options) : ViewComponent
{
    public IViewComponentResult Invoke(MenuPlace place, string label, string currentPath)
    {
        var language = PortalLanguage.Of(HttpContext);
        var names = place switch
        {
            MenuPlace.Main => [options.Value.MainMenu],
            MenuPlace.Top => [options.Value.TopMenu],
            _ => options.Value.FooterMenus,
        };
        var items = names.SelectMany(n => snapshot.Menu(language, n)).ToList();
        return View(place == MenuPlace.Footer ? "Footer" : "Default", new MenuViewModel(place, label, items, currentPath));
    }
}

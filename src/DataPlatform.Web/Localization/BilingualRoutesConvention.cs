using DataPlatform.Content;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace DataPlatform.Web.Localization;

/// <summary>Adds the <c>sv/</c> twin of every route marked <see cref="BilingualAttribute"/>, so no route is written twice.</summary>
public sealed class BilingualRoutesConvention : IApplicationModelConvention
{
    public void Apply(ApplicationModel application)
    {
        foreach (var action in application.Controllers.SelectMany(c => c.Actions))
        {
            if (!action.Attributes.OfType<BilingualAttribute>().Any() && !action.Controller.Attributes.OfType<BilingualAttribute>().Any())
            {
                continue;
            }
            var twins = new List<SelectorModel>();
            foreach (var selector in action.Selectors.Where(s => s.AttributeRouteModel?.Template is not null))
            {
                foreach (var language in SiteLanguage.All.Where(l => l.UrlPrefix.Length > 0))
                {
                    var twin = new SelectorModel(selector);
                    twin.AttributeRouteModel!.Template = language.UrlPrefix.TrimStart('/') + "/" + selector.AttributeRouteModel!.Template!.TrimStart('/');
                    // Route names must be unique; the twin is reached by its path, never by name.
                    twin.AttributeRouteModel.Name = null;
                    twins.Add(twin);
                }
            }
            foreach (var twin in twins)
            {
                action.Selectors.Add(twin);
            }
        }
    }
}

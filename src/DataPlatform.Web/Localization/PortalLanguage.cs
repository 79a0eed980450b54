using DataPlatform.Content;
using Microsoft.AspNetCore.Diagnostics;

namespace DataPlatform.Web.Localization;

public static class PortalLanguage
{
    /// <summary>The language of the page the visitor asked for, also when an error page is rendered for it.</summary>
    public static SiteLanguage Of(HttpContext context) => SiteLanguage.FromPath(OriginalPath(context));

    public static string OriginalPath(HttpContext context) =>
        context.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
        ?? context.Features.Get<IExceptionHandlerPathFeature>()?.Path
        ?? context.Request.Path.Value
        ?? "/";
}

using Microsoft.AspNetCore.Localization;

namespace DataPlatform.Web.Localization;

/// <summary>
/// The page's language comes from its URL and nothing else: <c>/sv/…</c> is Swedish, the rest English.
/// Error pages rendered by re-execution use the URL the visitor asked for.
/// </summary>
public sealed class UrlCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var language = PortalLanguage.Of(httpContext);
        return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(language.Code));
    }
}

using System.Globalization;
using DataPlatform.Content;
using Microsoft.Extensions.Localization;

namespace DataPlatform.Web.Localization;

public static class LocalizerExtensions
{
    /// <summary>
    /// A text in a language other than the request's (a reply in the visitor's language, written on an English staff
    /// page), from the same resource as every other text; <paramref name="values"/> are formatted in that language.
    /// </summary>
    public static string In(this IStringLocalizer t, SiteLanguage language, string key, params object[] values)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = language.Culture;
        try
        {
            return values.Length == 0 ? t[key].Value : t[key, values].Value;
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}

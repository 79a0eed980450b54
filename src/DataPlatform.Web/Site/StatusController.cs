using DataPlatform.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace DataPlatform.Web.Site;

/// <summary>Renders error pages for bare status codes and unhandled exceptions (re-executed by the error-page middleware).</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class StatusController(PortalLayout layout, IStringLocalizer<Localization.SharedResource> t, PageTemplates templates) : Controller
{
    /// <summary>After an exception: the status the exception handler chose.</summary>
    [Route("/status/error")]
    public IActionResult Error() => Show(Response.StatusCode is >= 400 and <= 599 ? Response.StatusCode : 500);

    // The code is read from the route by hand: parameter binding would read the form of a re-executed
    // POST, and a malformed form (the reason for a 400) would break the error page too.
    [Route("/status/{code:int}")]
    public IActionResult Show() => Show(int.Parse((string)RouteData.Values["code"]!, System.Globalization.CultureInfo.InvariantCulture));

    private IActionResult Show(int code)
    {
        if (code == StatusCodes.Status404NotFound)
        {
            return templates.NotFoundPage(this, layout.ApplyStatus(new LayoutViewModel(), t["Page not found"]));
        }
        var (title, message) = code switch
        {
            400 => (t["Bad request"], t["The address or the form data could not be understood. Check what you entered and try again."]),
            403 => (t["Access denied"], t["You do not have permission to see this page."]),
            405 => (t["Method not allowed"], t["This address cannot be used that way."]),
            413 => (t["Too much data"], t["What you sent is larger than the portal accepts. Shorten it and try again."]),
            415 => (t["Unsupported content"], t["The form data was sent in a format the portal does not accept."]),
            429 => (t["Too many requests"], t["You have sent many requests in a short time. Please wait a minute and try again."]),
            503 when PortalLanguage.OriginalPath(HttpContext).Contains("/search", StringComparison.OrdinalIgnoreCase) =>
                (t["Temporarily unavailable"], t["Search is temporarily unavailable. Please try again in a few minutes."]),
            503 => (t["Temporarily unavailable"], t["This part of the portal is temporarily unavailable. Please try again in a few minutes."]),
            >= 500 => (t["Something went wrong"], t["An unexpected error occurred on our side. It has been logged; please try again later."]),
            _ => (t["Something went wrong"], t["The request could not be completed."]),
        };
        var model = layout.ApplyStatus(new StatusViewModel { StatusCode = code, Message = message }, title);
        Response.StatusCode = code is >= 400 and <= 599 ? code : 500;
        return View("Status", model);
    }
}

using DataPlatform.Web.Site;
using DataPlatform.Web.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace DataPlatform.Web.Publishing;

/// <summary><c>/staff/preview/</c>: the repository's branches, newest first, each a link to its preview.</summary>
[Route(AppRoutes.Staff + "preview"), Authorize(Policy = StaffExtensions.StaffPolicy), ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class PreviewController(IServiceProvider services, PortalLayout layout) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        if (services.GetService<PreviewStore>() is not { } previews)
        {
            return NotFound();
        }
        var (branches, problem) = await previews.BranchesAsync(cancellationToken);
        var model = layout.Apply(new PreviewListViewModel { Branches = branches, Problem = problem, Check = previews.CheckOf }, "Previews");
        model.NoIndex = true;
        return View("~/Views/Staff/Previews.cshtml", model);
    }
}

using DataPlatform.Web.Data;
using DataPlatform.Web.Publishing;
using DataPlatform.Web.Site;
using DataPlatform.Web.Submissions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DataPlatform.Web.Staff;

/// <summary>"Publish as a page": an accepted suggestion's Markdown, edited if staff like, committed to the content repository.</summary>
[Route(AppRoutes.Staff), Authorize(Policy = StaffExtensions.StaffPolicy), ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class SuggestionPublishController(PortalDbContext db, SubmissionReview review, UserManager<StaffUser> users, PortalLayout layout,
    IServiceProvider services) : Controller
{
    /// <summary>Only when the content comes from git (the publisher exists only then).</summary>
    private SuggestionPublisher? Publisher => services.GetService<SuggestionPublisher>();

    [HttpGet("submissions/{id:guid}/publish")]
    public async Task<IActionResult> Publish(Guid id, CancellationToken cancellationToken)
    {
        if (Publisher is null || await Suggestion(id, cancellationToken) is not { } submission)
        {
            return NotFound();
        }
        return Page(submission, SuggestionMarkdown.For(submission).Text, null, StatusCodes.Status200OK);
    }

    [HttpPost("submissions/{id:guid}/publish"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Publish(Guid id, [FromForm] string? markdown, CancellationToken cancellationToken)
    {
        if (Publisher is not { } publisher || await Suggestion(id, cancellationToken) is not { } submission)
        {
            return NotFound();
        }
        if (string.IsNullOrWhiteSpace(markdown) || markdown.Length > 100_000 || markdown.Contains('\0', StringComparison.Ordinal))
        {
            return Page(submission, markdown ?? "", "Write the page (at most 100,000 characters).", StatusCodes.Status400BadRequest);
        }
        var user = await users.GetUserAsync(User);
        var (outcome, problem) = await publisher.PublishAsync(submission, SuggestionMarkdown.For(submission).FileName, markdown, user?.UserName ?? "Staff",
            user?.Email ?? "staff@localhost", cancellationToken);
        if (outcome is null)
        {
            // Nothing was committed or everything is as before: the text stays here to try again.
            return Page(submission, markdown, $"The page could not be published: {problem}", StatusCodes.Status502BadGateway);
        }
        if (!outcome.AlreadyPublished)
        {
            await review.RecordAsync(id, User.Identity?.Name ?? "unknown", "published", $"{outcome.Branch} {outcome.Commit[..12]}", cancellationToken);
        }
        return Redirect($"{AppRoutes.Staff}submissions/{id}");
    }

    private async Task<Submission?> Suggestion(Guid id, CancellationToken cancellationToken) =>
        await db.Submissions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is { } submission && SuggestionMarkdown.CanConvert(submission)
            ? submission : null;

    private ViewResult Page(Submission submission, string markdown, string? error, int status)
    {
        Response.StatusCode = status;
        var model = layout.Apply(new SuggestionPublishViewModel
        {
            Submission = submission,
            Markdown = markdown,
            Error = error,
            Branch = Publisher!.BranchFor(submission),
            Files = SuggestionPublisher.FilesFor(submission, SuggestionMarkdown.For(submission).FileName),
        }, $"Publish {submission.Reference} as a page");
        model.NoIndex = true;
        return View("~/Views/Staff/Publish.cshtml", model);
    }
}

using System.Text;
using System.Text.Json;
using DataPlatform.Content;
using DataPlatform.Web.Content;
using DataPlatform.Web.Data;
using DataPlatform.Web.Submissions;
using DataPlatform.Web.Site;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace DataPlatform.Web.Staff;

public sealed class SubmissionListViewModel : LayoutViewModel
{
    public required SubmissionFilter Filter { get; init; }
    public required IReadOnlyList<Submission> Items { get; init; }
    public required int Total { get; init; }
    public required Pager Pager { get; init; }
    public required IReadOnlyDictionary<string, string> UserNames { get; init; }
    public IReadOnlyList<string> Problems { get; init; } = [];
    public bool CanExport { get; init; }
}

public sealed class SubmissionDetailViewModel : LayoutViewModel
{
    public required Submission Submission { get; init; }
    public required IReadOnlyList<(string Name, string Value)> Fields { get; init; }
    public required IReadOnlyList<SubmissionNote> Notes { get; init; }
    public required IReadOnlyList<SubmissionEvent> History { get; init; }
    public required IReadOnlyList<(string Id, string Name)> Staff { get; init; }
    public string? AssignedName { get; init; }
    public string? Message { get; init; }
    public bool IsConflict { get; init; }
}

public sealed class ContentReportViewModel : LayoutViewModel
{
    public required CheckReport? Report { get; init; }

    /// <summary>Research-output exports fetched from URLs, and how their last fetch went.</summary>
    public IReadOnlyList<Outputs.FetchStatus> Fetches { get; init; } = [];
}

/// <summary>The staff workspace: the submissions list with filters and search, each submission's detail and workflow, exports, and the editors' content report.</summary>
[Route("staff"), Authorize(Policy = StaffExtensions.StaffPolicy), ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class StaffController(PortalDbContext db, SubmissionReview review, UserManager<StaffUser> users, PortalLayout layout, ContentStartup content, Outputs.OutputsFetcher fetcher) : Controller
{
    private static readonly JsonSerializerOptions IndentedJson = new() { WriteIndented = true };

    private string Actor => User.Identity?.Name ?? "unknown";

    /// <summary>Staff with a handed-out password must choose their own before anything else.</summary>
    public override async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        if (await users.GetUserAsync(User) is { MustChangePassword: true })
        {
            context.Result = LocalRedirect("/staff/password");
            return;
        }
        await next();
    }

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] SubmissionFilter filter, [FromQuery] int? page, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }
        var problems = filter.Problems();
        var query = problems.Count > 0 ? db.Submissions.Where(_ => false) : review.Filtered(filter, users.GetUserId(User));
        var total = await query.CountAsync(cancellationToken);
        var pager = Pager.Create(total, page, AppRoutes.Staff, filter, SubmissionReview.PageSize);
        if (pager is null)
        {
            return NotFound();
        }
        var items = await query.Skip(pager.Skip).Take(pager.PageSize).ToListAsync(cancellationToken);
        var model = new SubmissionListViewModel
        {
            Filter = filter,
            Items = items,
            Total = total,
            Pager = pager,
            UserNames = await UserNamesAsync(cancellationToken),
            Problems = problems,
            CanExport = User.IsInRole(StaffRoles.Admin),
        };
        if (problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return View(Staff(model, "Submissions"));
    }

    [HttpGet("submissions/{id:guid}")]
    public Task<IActionResult> Detail(Guid id, CancellationToken cancellationToken) => DetailView(id, null, false, cancellationToken);

    [HttpPost("submissions/{id:guid}/status"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Status(Guid id, [FromForm] string? status, [FromForm] uint version, CancellationToken cancellationToken)
    {
        if (status is null || SubmissionNames.ParseStatus(status) is not { } newStatus)
        {
            return await DetailView(id, "Choose a status from the list.", false, cancellationToken, StatusCodes.Status400BadRequest);
        }
        return await Result(id, await review.ChangeStatusAsync(id, newStatus, version, Actor, cancellationToken), cancellationToken);
    }

    [HttpPost("submissions/{id:guid}/assign"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Assign(Guid id, [FromForm] string? assignee, [FromForm] uint version, CancellationToken cancellationToken)
    {
        StaffUser? user = null;
        if (!string.IsNullOrEmpty(assignee) && (user = await users.FindByIdAsync(assignee)) is null)
        {
            return await DetailView(id, "That staff member does not exist.", false, cancellationToken, StatusCodes.Status400BadRequest);
        }
        return await Result(id, await review.AssignAsync(id, user?.Id, user?.UserName, version, Actor, cancellationToken), cancellationToken);
    }

    [HttpPost("submissions/{id:guid}/notes"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Note(Guid id, [FromForm] string? text, CancellationToken cancellationToken)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 5000 || text.Contains('\0', StringComparison.Ordinal))
        {
            return await DetailView(id, "Write a note of at most 5,000 characters.", false, cancellationToken, StatusCodes.Status400BadRequest);
        }
        return await Result(id, await review.AddNoteAsync(id, text, Actor, cancellationToken), cancellationToken);
    }

    /// <summary>An accepted event or highlight suggestion as a Markdown file for the content folder.</summary>
    [HttpGet("submissions/{id:guid}/markdown")]
    public async Task<IActionResult> Markdown(Guid id, CancellationToken cancellationToken)
    {
        var submission = await db.Submissions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (submission is null)
        {
            return NotFound();
        }
        if (!SuggestionMarkdown.CanConvert(submission))
        {
            return await DetailView(id, "Only accepted event and highlight suggestions can be turned into pages.", false, cancellationToken, StatusCodes.Status400BadRequest);
        }
        var (fileName, text) = SuggestionMarkdown.For(submission);
        await review.RecordAsync(id, Actor, "markdown", fileName, cancellationToken);
        return File(Encoding.UTF8.GetBytes(text), "text/markdown; charset=utf-8", fileName);
    }

    [HttpGet("export.csv"), Authorize(Policy = StaffExtensions.AdminPolicy)]
    public async Task<IActionResult> ExportCsv([FromQuery] SubmissionFilter filter, CancellationToken cancellationToken)
    {
        if (filter.Problems().Count > 0)
        {
            return BadRequest();
        }
        var items = await review.Filtered(filter, users.GetUserId(User)).Take(SubmissionReview.ExportLimit).ToListAsync(cancellationToken);
        var csv = Csv.Write(items, await UserNamesAsync(cancellationToken));
        // A byte-order mark so spreadsheet programs read the file as UTF-8 (å, ä, ö).
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", "submissions.csv");
    }

    [HttpGet("export.json"), Authorize(Policy = StaffExtensions.AdminPolicy)]
    public async Task<IActionResult> ExportJson([FromQuery] SubmissionFilter filter, CancellationToken cancellationToken)
    {
        if (filter.Problems().Count > 0)
        {
            return BadRequest();
        }
        var items = await review.Filtered(filter, users.GetUserId(User)).Take(SubmissionReview.ExportLimit).ToListAsync(cancellationToken);
        var names = await UserNamesAsync(cancellationToken);
        var json = JsonSerializer.SerializeToUtf8Bytes(items.Select(s => new
        {
            reference = s.Reference,
            receivedAt = s.ReceivedAt,
            kind = SubmissionNames.Of(s.Kind),
            status = SubmissionNames.Of(s.Status),
            language = s.Language,
            name = s.Name,
            email = s.Email,
            title = s.Title,
            message = s.Message,
            fields = JsonDocument.Parse(s.Fields).RootElement,
            sourcePage = s.SourcePage,
            assignedTo = s.AssignedTo is null ? null : names.GetValueOrDefault(s.AssignedTo),
            spamReason = s.SpamReason,
        }), IndentedJson);
        return File(json, "application/json; charset=utf-8", "submissions.json");
    }

    /// <summary>The editors' view of the content: the check's errors and warnings, and the translation table.</summary>
    [HttpGet("content")]
    public IActionResult ContentReport() => View(Staff(new ContentReportViewModel { Report = content.Report, Fetches = fetcher.Status }, "Content report"));

    private async Task<IActionResult> Result(Guid id, ChangeResult result, CancellationToken cancellationToken) => result switch
    {
        ChangeResult.NotFound => NotFound(),
        ChangeResult.Conflict => await DetailView(id,
            "Someone else changed this submission while you were looking at it. Your change was not saved; this is how it is now. Make your change again if it is still needed.",
            true, cancellationToken, StatusCodes.Status409Conflict),
        // Post/redirect/get: a reload never repeats the change.
        _ => Redirect($"/staff/submissions/{id}"),
    };

    private async Task<IActionResult> DetailView(Guid id, string? message, bool conflict, CancellationToken cancellationToken, int status = StatusCodes.Status200OK)
    {
        var submission = await db.Submissions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (submission is null)
        {
            return NotFound();
        }
        var staff = await db.Users.AsNoTracking().OrderBy(u => u.UserName).Select(u => new { u.Id, u.UserName }).ToListAsync(cancellationToken);
        var model = new SubmissionDetailViewModel
        {
            Submission = submission,
            Fields = SubmissionReview.FieldsOf(submission),
            Notes = await db.SubmissionNotes.AsNoTracking().Where(n => n.SubmissionId == id).OrderBy(n => n.CreatedAt).ToListAsync(cancellationToken),
            History = await db.SubmissionEvents.AsNoTracking().Where(e => e.SubmissionId == id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(cancellationToken),
            Staff = staff.Select(u => (u.Id, u.UserName ?? u.Id)).ToList(),
            AssignedName = staff.FirstOrDefault(u => u.Id == submission.AssignedTo)?.UserName,
            Message = message,
            IsConflict = conflict,
        };
        Response.StatusCode = status;
        return View("Detail", Staff(model, $"Submission {submission.Reference}"));
    }

    private async Task<Dictionary<string, string>> UserNamesAsync(CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.UserName ?? u.Id, cancellationToken);

    private T Staff<T>(T model, string title) where T : LayoutViewModel
    {
        layout.Apply(model, title);
        model.NoIndex = true;
        return model;
    }
}

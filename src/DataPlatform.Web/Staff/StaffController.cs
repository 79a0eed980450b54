using System.Text;
using DataPlatform.Web.Content;
using DataPlatform.Web.Data;
using DataPlatform.Web.Site;
using DataPlatform.Web.Submissions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace DataPlatform.Web.Staff;

/// <summary>The staff workspace: the submissions list with filters and search, each submission's detail and workflow, exports, and the editors' content report.</summary>
[Route(AppRoutes.Staff), Authorize(Policy = StaffExtensions.StaffPolicy), ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class StaffController(PortalDbContext db, SubmissionReview review, UserManager<StaffUser> users, PortalLayout layout, ContentStartup content,
    Fetching.RemoteFetcher fetcher, BackgroundWork work, ReplyComposer replies, ReplySignal replySignal, TimeProvider clock, Microsoft.Extensions.Options.IOptions<NotificationOptions> notifications) : Controller
{
    /// <summary>The most submissions one "all matching" change touches; more is a sign the filter is not what was meant.</summary>
    public const int BulkLimit = 10_000;

    private string Actor => User.Identity?.Name ?? "unknown";

    /// <summary>Staff with a handed-out password must choose their own before anything else.</summary>
    public override async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        // (A session from the organisation's sign-in has no password to change.)
        if (User.FindFirst(System.Security.Claims.ClaimTypes.AuthenticationMethod)?.Value != StaffOidcController.Method
            && await users.GetUserAsync(User) is { MustChangePassword: true })
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
        // A submission's reference (C-7K3M9QXR, as the visitor quotes it) goes straight to that submission.
        if (filter.Q?.Trim().ToUpperInvariant() is { Length: 10 } reference && reference[1] == '-'
            && await db.Submissions.Where(s => s.Reference == reference).Select(s => (Guid?)s.Id).SingleOrDefaultAsync(cancellationToken) is { } id)
        {
            return Redirect($"{AppRoutes.Staff}submissions/{id}");
        }
        return await ListView(filter, page, [], cancellationToken);
    }

    /// <summary>The list, with the problems of the filter and of anything else asked (a bulk change that could not be done).</summary>
    private async Task<IActionResult> ListView(SubmissionFilter filter, int? page, IReadOnlyList<string> otherProblems, CancellationToken cancellationToken)
    {
        var problems = filter.Problems();
        var query = problems.Count > 0 ? db.Submissions.Where(_ => false) : review.Filtered(filter, users.GetUserId(User));
        var total = await query.CountAsync(cancellationToken);
        var pager = Pager.Create(total, page, AppRoutes.Staff, filter, SubmissionReview.PageSize);
        if (pager is null && TempData.Peek(BulkNoticeKey) is not null)
        {
            // The bulk change moved rows out of this list and its page is gone: the last page there is, with the notice.
            var last = Math.Max(1, (total + SubmissionReview.PageSize - 1) / SubmissionReview.PageSize);
            return Redirect(AppRoutes.Staff + filter.ToQueryString([new("page", last > 1 ? last.ToString(System.Globalization.CultureInfo.InvariantCulture) : null)]));
        }
        if (pager is null)
        {
            return NotFound();
        }
        var items = await query.Skip(pager.Skip).Take(pager.PageSize).ToListAsync(cancellationToken);
        var names = await UserNamesAsync(cancellationToken);
        var model = new SubmissionListViewModel
        {
            Filter = filter,
            Items = items,
            Total = total,
            Pager = pager,
            UserNames = names,
            Problems = [.. problems, .. otherProblems],
            CanExport = User.IsInRole(StaffRoles.Admin),
            Counts = problems.Count > 0 ? new Dictionary<SubmissionStatus, int>() : await review.CountsAsync(filter, users.GetUserId(User), cancellationToken),
            Staff = names.OrderBy(n => n.Value, StringComparer.OrdinalIgnoreCase).Select(n => (n.Key, n.Value)).ToList(),
            Notice = TempData[BulkNoticeKey] is string notice ? System.Text.Json.JsonSerializer.Deserialize<BulkNotice>(notice) : null,
        };
        if (model.Problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return View("Index", Staff(model, "Submissions"));
    }

    [HttpGet("submissions/{id:guid}")]
    public Task<IActionResult> Detail(Guid id, [FromQuery] SubmissionFilter filter, CancellationToken cancellationToken) =>
        DetailView(id, filter, null, false, cancellationToken, filter.Problems().Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);

    [HttpPost("submissions/{id:guid}/status"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Status(Guid id, [FromQuery] SubmissionFilter filter, [FromForm] string? status, [FromForm] uint version, CancellationToken cancellationToken)
    {
        if (status is null || SubmissionNames.ParseStatus(status) is not { } newStatus)
        {
            return await DetailView(id, filter, "Choose a status from the list.", false, cancellationToken, StatusCodes.Status400BadRequest);
        }
        return await Result(id, filter, await review.ChangeStatusAsync(id, newStatus, version, Actor, cancellationToken), cancellationToken);
    }

    [HttpPost("submissions/{id:guid}/assign"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Assign(Guid id, [FromQuery] SubmissionFilter filter, [FromForm] string? assignee, [FromForm] uint version, CancellationToken cancellationToken)
    {
        StaffUser? user = null;
        if (!string.IsNullOrEmpty(assignee) && (user = await users.FindByIdAsync(assignee)) is null)
        {
            return await DetailView(id, filter, "That staff member does not exist.", false, cancellationToken, StatusCodes.Status400BadRequest);
        }
        return await Result(id, filter, await review.AssignAsync(id, user?.Id, user?.UserName, version, Actor, cancellationToken), cancellationToken);
    }

    [HttpPost("submissions/{id:guid}/notes"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Note(Guid id, [FromQuery] SubmissionFilter filter, [FromForm] string? text, CancellationToken cancellationToken)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 5000 || text.Contains('\0', StringComparison.Ordinal))
        {
            return await DetailView(id, filter, "Write a note of at most 5,000 characters.", false, cancellationToken, StatusCodes.Status400BadRequest);
        }
        return await Result(id, filter, await review.AddNoteAsync(id, text, Actor, cancellationToken), cancellationToken);
    }

    /// <summary>A reply to the visitor: queued, then sent by the mail server; by default a new submission moves to "in review".</summary>
    [HttpPost("submissions/{id:guid}/reply"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Reply(Guid id, [FromQuery] SubmissionFilter filter, [FromForm] string? text, [FromForm] string? status, [FromForm] uint version,
        [FromForm] string? send, [FromForm] string? previewed, CancellationToken cancellationToken)
    {
        text = text?.Trim();
        if (!notifications.Value.CanReply)
        {
            return await DetailView(id, filter, "Replies need a mail server (Notifications:Smtp:Host).", false, cancellationToken, StatusCodes.Status400BadRequest);
        }
        if (string.IsNullOrEmpty(text) || text.Length > 20_000 || text.Contains('\0', StringComparison.Ordinal))
        {
            return await DetailView(id, filter, "Write a reply of at most 20,000 characters.", false, cancellationToken, StatusCodes.Status400BadRequest, text);
        }
        SubmissionStatus? newStatus = null;
        if (!string.IsNullOrEmpty(status) && (newStatus = SubmissionNames.ParseStatus(status)) is null)
        {
            return await DetailView(id, filter, "Choose a status from the list.", false, cancellationToken, StatusCodes.Status400BadRequest, text);
        }
        var submission = await db.Submissions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (submission is null)
        {
            return NotFound();
        }
        if (!DataPlatform.Content.EmailAddress.IsValid(submission.Email))
        {
            return await DetailView(id, filter, "This submission has no email address to reply to.", false, cancellationToken, StatusCodes.Status400BadRequest, text);
        }
        // Nothing is sent before staff have seen the whole message as it will go out; a text changed after its preview is shown again.
        var key = ReplyComposer.PreviewKey(text, status);
        if (send != "yes" || previewed != key)
        {
            var again = send == "yes" ? "The text changed after the preview: this is the message as it will be sent now." : null;
            return await DetailView(id, filter, again, false, cancellationToken, StatusCodes.Status200OK, text, replies.Compose(submission, text), key, status);
        }
        var result = await review.ReplyAsync(id, version, newStatus, Actor, s => replies.Compose(s, text), cancellationToken);
        if (result == ChangeResult.Saved)
        {
            replySignal.Notify();
        }
        return result == ChangeResult.Conflict
            ? await DetailView(id, filter, "Someone else changed this submission while you were writing. Your reply was not sent; it is below. Read the submission again, then send it.",
                true, cancellationToken, StatusCodes.Status409Conflict, text)
            : await Result(id, filter, result, cancellationToken);
    }

    /// <summary>
    /// One change for many submissions: the checked rows (each at the version staff saw), or every row matching the
    /// filter after a confirmation that shows how many. Staff rules as for one change.
    /// </summary>
    [HttpPost("bulk"), ValidateAntiForgeryToken]
    public async Task<IActionResult> Bulk([FromQuery] SubmissionFilter filter, [FromForm] string? change, [FromForm] string? scope, [FromForm] string[]? selected,
        [FromForm] string? onPage, [FromForm] int? page, [FromForm] long? asOf, [FromForm] string? confirm, CancellationToken cancellationToken)
    {
        // "Every row on this page": the rows the page listed (id:version, comma-separated), each at the version it showed.
        if (scope == "page")
        {
            selected = onPage?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
        var problems = filter.Problems().ToList();
        var parsed = await BulkChange.ParseAsync(change, users);
        if (parsed is null)
        {
            problems.Add("Choose what to do with the submissions.");
        }
        var targets = BulkChange.Rows(selected, problems);
        var all = scope == "all";
        if (asOf is { } ticks && (ticks < 0 || ticks > DateTimeOffset.MaxValue.UtcTicks))
        {
            problems.Add("The confirmation could not be read; choose the change again.");
        }
        if (!all && targets.Count == 0 && problems.Count == 0)
        {
            problems.Add("Check at least one submission, or choose all matching the filter.");
        }
        if (problems.Count > 0)
        {
            return await BulkProblem(filter, problems, cancellationToken);
        }
        var (status, assignee, assigneeName, text) = parsed!;
        DateTimeOffset? since = null;
        if (all)
        {
            var userId = users.GetUserId(User);
            if (confirm != "yes" || asOf is null)
            {
                // Nothing changes before staff have seen how many rows "all" is.
                var now = clock.GetUtcNow();
                var count = await review.Filtered(filter, userId).CountAsync(s => s.ReceivedAt <= now, cancellationToken);
                return View("BulkConfirm", Staff(new BulkConfirmViewModel { Filter = filter, Change = change!, ChangeText = text, Count = count, AsOf = now }, "Confirm the change"));
            }
            since = new DateTimeOffset(asOf.Value, TimeSpan.Zero);
            // The rows as they matched when the count was shown; those changed since are reported, not overwritten.
            targets = (await review.Filtered(filter, userId).Where(s => s.ReceivedAt <= since).Select(s => s.Id).Take(BulkLimit + 1).ToListAsync(cancellationToken))
                .Select(id => (id, (uint?)null)).ToList();
            if (targets.Count > BulkLimit)
            {
                return await BulkProblem(filter, [$"More than {BulkLimit:N0} submissions match; narrow the filter first."], cancellationToken);
            }
        }
        var result = await review.BulkAsync(targets, status, assignee, assigneeName, since, Actor, cancellationToken);
        // Back to the list the change was made from (its filter and page), with the outcome above it.
        var notice = new BulkNotice(
            $"{text}: {result.Changed.Count} changed, {result.Unchanged} already so{(result.Missing > 0 ? $", {result.Missing} no longer there" : "")}{(result.Conflicts.Count > 0 ? $", {result.Conflicts.Count} left alone" : "")}.",
            result.Conflicts.Select(c => new BulkConflict(c.Id, c.Reference, StaffText.Status(c.Status))).ToList());
        TempData[BulkNoticeKey] = System.Text.Json.JsonSerializer.Serialize(notice);
        return Redirect(AppRoutes.Staff + filter.ToQueryString([new("page", page > 1 ? page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null)]));
    }

    private const string BulkNoticeKey = "staff-bulk-notice";

    private Task<IActionResult> BulkProblem(SubmissionFilter filter, IReadOnlyList<string> problems, CancellationToken cancellationToken) =>
        ListView(filter, null, problems, cancellationToken);

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
            return await DetailView(id, new SubmissionFilter(), "Only accepted event and highlight suggestions can be turned into pages.", false, cancellationToken, StatusCodes.Status400BadRequest);
        }
        var (fileName, text) = SuggestionMarkdown.For(submission);
        await review.RecordAsync(id, Actor, "markdown", fileName, cancellationToken);
        return File(Encoding.UTF8.GetBytes(text), "text/markdown; charset=utf-8", fileName);
    }

    /// <summary>The submissions matching the filter (at most <see cref="SubmissionReview.ExportLimit"/>), as CSV or JSON, through the one export path.</summary>
    [HttpGet("export.{format:regex(^(csv|json)$)}"), Authorize(Policy = StaffExtensions.AdminPolicy)]
    public async Task<IActionResult> Export(string format, [FromQuery] SubmissionFilter filter, CancellationToken cancellationToken)
    {
        if (filter.Problems().Count > 0)
        {
            return BadRequest();
        }
        var items = await review.Filtered(filter, users.GetUserId(User)).Take(SubmissionReview.ExportLimit).ToListAsync(cancellationToken);
        var names = await UserNamesAsync(cancellationToken);
        if (format == "csv")
        {
            StreamedExport.Attach(Response, StreamedExport.CsvType, "submissions.csv");
            await StreamedExport.WriteCsvAsync(Response.Body, SubmissionExport.Header, items.Select(s => SubmissionExport.Row(s, names)), cancellationToken);
            return new EmptyResult();
        }
        StreamedExport.Attach(Response, StreamedExport.JsonType, "submissions.json");
        await StreamedExport.WriteJsonAsync(Response.Body, items, (json, s) => SubmissionExport.Write(json, s, names), cancellationToken);
        return new EmptyResult();
    }

    /// <summary>The editors' view of the content: the check's errors and warnings, and the translation table.</summary>
    [HttpGet("content")]
    public IActionResult ContentReport()
    {
        // The content repository first, when the content comes from git (the service exists only then).
        var repository = HttpContext.RequestServices.GetService<Publishing.GitContentSource>()?.Status;
        var fetches = repository is null ? fetcher.Status : [repository, .. fetcher.Status];
        return View(Staff(new ContentReportViewModel { Report = content.Report, Fetches = fetches, Failures = work.Failures }, "Content report"));
    }

    private async Task<IActionResult> Result(Guid id, SubmissionFilter filter, ChangeResult result, CancellationToken cancellationToken) => result switch
    {
        ChangeResult.NotFound => NotFound(),
        ChangeResult.Conflict => await DetailView(id, filter,
            "Someone else changed this submission while you were looking at it. Your change was not saved; this is how it is now. Make your change again if it is still needed.",
            true, cancellationToken, StatusCodes.Status409Conflict),
        // Post/redirect/get: a reload never repeats the change; the list it came from stays.
        _ => Redirect($"/staff/submissions/{id}{(filter.Problems().Count == 0 ? filter.ToQueryString() : "")}"),
    };

    private async Task<IActionResult> DetailView(Guid id, SubmissionFilter filter, string? message, bool conflict, CancellationToken cancellationToken,
        int status = StatusCodes.Status200OK, string? replyText = null, (string, string)? preview = null, string? previewedKey = null, string? replyStatus = null)
    {
        var submission = await db.Submissions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (submission is null)
        {
            return NotFound();
        }
        var (newer, older) = filter.Problems().Count > 0 ? (null, null) : await review.NeighboursAsync(filter, users.GetUserId(User), submission, cancellationToken);
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
            Filter = filter,
            Newer = newer,
            Older = older,
            Replies = await db.SubmissionReplies.AsNoTracking().Where(r => r.SubmissionId == id).OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken),
            CanReply = notifications.Value.CanReply && DataPlatform.Content.EmailAddress.IsValid(submission.Email),
            // A new reply starts with the greeting, where staff see it and can change or remove it.
            ReplyText = replyText ?? replies.Greeting(submission) + "\n\n",
            Preview = preview,
            PreviewedKey = previewedKey,
            ReplyStatus = replyStatus,
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

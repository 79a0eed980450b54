using System.Text.RegularExpressions;
using DataPlatform.Content;
using DataPlatform.Web.Localization;
using DataPlatform.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace DataPlatform.Web.Submissions;

/// <summary>
/// The contact form and the two suggestion forms, in both languages. Each is a plain server-rendered
/// form: a valid post is kept (database or spool) and redirected to a confirmation page (post/redirect/get);
/// an invalid one is shown again with the errors beside the fields and everything typed kept.
/// </summary>
[FormBodyLimit, Bilingual]
public sealed partial class SubmissionsController(
    SubmissionIntake intake,
    FormStamp stamp,
    FormPageTemplates templates,
    ContentSnapshot snapshot,
    PortalLayout layout,
    IStringLocalizer<SharedResource> t) : Controller
{
    private const string FormContentTypes = "application/x-www-form-urlencoded";

    [HttpGet(AppRoutes.Contact), FormPage(SubmissionKind.Contact)]
    public Task<IActionResult> Contact() => Show(new ContactForm(), "Contact", "Contact");

    [HttpPost(AppRoutes.Contact)]
    [ValidateAntiForgeryToken, EnableRateLimiting(SubmissionsExtensions.RateLimitPolicy), Consumes(FormContentTypes, "multipart/form-data")]
    public Task<IActionResult> Contact(ContactForm form, CancellationToken cancellationToken) => Submit(form, "Contact", "Contact", cancellationToken);

    [HttpGet(AppRoutes.SuggestEvent), FormPage(SubmissionKind.Event)]
    public Task<IActionResult> SuggestEvent() => Show(new EventSuggestionForm(), "EventSuggestion", "Suggest an event");

    [HttpPost(AppRoutes.SuggestEvent)]
    [ValidateAntiForgeryToken, EnableRateLimiting(SubmissionsExtensions.RateLimitPolicy), Consumes(FormContentTypes, "multipart/form-data")]
    public Task<IActionResult> SuggestEvent(EventSuggestionForm form, CancellationToken cancellationToken) =>
        Submit(form, "EventSuggestion", "Suggest an event", cancellationToken);

    [HttpGet(AppRoutes.SuggestHighlight), FormPage(SubmissionKind.Highlight)]
    public Task<IActionResult> SuggestHighlight() => Show(new HighlightSuggestionForm(), "HighlightSuggestion", "Suggest a data highlight");

    [HttpPost(AppRoutes.SuggestHighlight)]
    [ValidateAntiForgeryToken, EnableRateLimiting(SubmissionsExtensions.RateLimitPolicy), Consumes(FormContentTypes, "multipart/form-data")]
    public Task<IActionResult> SuggestHighlight(HighlightSuggestionForm form, CancellationToken cancellationToken) =>
        Submit(form, "HighlightSuggestion", "Suggest a data highlight", cancellationToken);

    [HttpGet(AppRoutes.ContactThanks), HttpGet(AppRoutes.SuggestEventThanks),
     HttpGet(AppRoutes.SuggestHighlightThanks)]
    public IActionResult Thanks([FromQuery(Name = "ref")] string? reference)
    {
        var path = Request.Path.Value!.TrimEnd('/');
        var model = layout.Apply(new ThanksViewModel
        {
            // Only a well-formed reference is echoed back.
            Reference = reference is not null && ReferencePattern().IsMatch(reference) ? reference : null,
            BackUrl = path[..path.LastIndexOf('/')] + "/",
        }, t["Thank you"]);
        model.NoIndex = true;
        return View(model);
    }

    /// <summary>A fresh form: the page as kept for this content, with this request's key and antiforgery token (<see cref="FormPageTemplates"/>).</summary>
    private Task<IActionResult> Show<TForm>(TForm form, string view, string title) where TForm : SubmissionForm =>
        templates.PageAsync(this, view, form, () => Model(form, title));

    private async Task<IActionResult> Submit<TForm>(TForm form, string view, string title, CancellationToken cancellationToken) where TForm : SubmissionForm
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            // Shown again with a new token that keeps the stamp's time (FormStamp).
            FormStamp.Serve(HttpContext, form.Kind);
            return View(view, Model(form, title));
        }
        var (stampReason, servedForm) = stamp.Check(HttpContext, form.Kind);
        var spamReason = !string.IsNullOrEmpty(form.Website) ? "honeypot field filled in" : stampReason;
        var language = PortalLanguage.Of(HttpContext);
        var reference = await intake.KeepAsync(form, language.Code, Request.Path.Value, spamReason, servedForm, cancellationToken);
        var path = Request.Path.Value!.TrimEnd('/');
        // 303: the browser fetches the confirmation with GET, so a reload never posts again.
        Response.Headers.Location = $"{path}/thanks/?ref={Uri.EscapeDataString(reference)}";
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    private FormViewModel<TForm> Model<TForm>(TForm form, string title) where TForm : SubmissionForm
    {
        var path = Request.Path.Value ?? "/";
        var model = new FormViewModel<TForm>
        {
            Form = form,
            Action = path.EndsWith('/') ? path : path + "/",
            Intro = snapshot.Find(path.EndsWith('/') ? path : path + "/"),
        };
        layout.Apply(model, model.Intro?.Title ?? t[title], model.Intro?.Meta.Description);
        if (!ModelState.IsValid)
        {
            model.Title = t["Error"] + ": " + model.Title;
        }
        return model;
    }

    [GeneratedRegex("^[CEH]-[A-Z2-9]{8}$")]
    private static partial Regex ReferencePattern();
}

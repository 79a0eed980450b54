using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace DataPlatform.Web.Submissions;

/// <summary>
/// When a form was served, and which form: bots post at once or replay old forms; people take a few seconds.
/// The stamp ("Contact|ticks") rides in the form's antiforgery request token as its additional data, so it is signed
/// with the token (Data Protection) and costs no signature of its own: a fresh form's signatures are most of its cost.
/// </summary>
/// <remarks>
/// Antiforgery calls <see cref="GetAdditionalData"/> for every token it makes, <see cref="ValidateAdditionalData"/> for
/// every token it accepts. A token made for any other form (staff pages) carries nothing. The stamp's verdict is
/// <see cref="Check"/>'s (spam, kept for staff to see), never antiforgery's refusal, so a doubtful post is not lost.
/// </remarks>
public sealed class FormStamp(TimeProvider clock, IOptions<SubmissionOptions> options, IOptions<AntiforgeryOptions> antiforgery,
    IDataProtectionProvider protection)
    : IAntiforgeryAdditionalDataProvider
{
    // Until 2026-12-06 the stamp was signed on its own and posted in a hidden field "Stamp". A form served by that
    // version and posted after an upgrade has a token without a stamp: its field is checked as before, so such
    // visitors' messages are not filed as spam. After MaximumAgeHours every such form is too old anyway; the
    // field and this protector can then go.
    private const string LegacyField = "Stamp";
    private readonly IDataProtector _legacy = protection.CreateProtector("DataPlatform.Submissions.FormStamp.v1");

    // HttpContext.Items keys: the kind of public form this response serves; the stamp the posted token carried.
    private static readonly object ServedKind = new();
    private static readonly object PostedStamp = new();

    /// <summary>Marks this response as serving a public form of <paramref name="kind"/>: the antiforgery token made for it is stamped.</summary>
    public static void Serve(HttpContext context, SubmissionKind kind) => context.Items[ServedKind] = kind.ToString();

    public string GetAdditionalData(HttpContext context)
    {
        if (context.Items[ServedKind] is not string kind)
        {
            return "";
        }
        // A form shown again with its errors keeps the time it was first served: the person has been at it since then.
        if (context.Items[PostedStamp] is string posted && Parse(posted) is { } stamp && stamp.Kind == kind)
        {
            return posted;
        }
        return kind + "|" + clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture);
    }

    public bool ValidateAdditionalData(HttpContext context, string additionalData)
    {
        context.Items[PostedStamp] = additionalData;
        return true;
    }

    /// <summary>
    /// For a post whose antiforgery token was accepted: null when the stamp is fine, otherwise why the post looks like
    /// spam; and the posted token, which identifies the served form (each token is signed afresh, so no two forms share one).
    /// </summary>
    public (string? SpamReason, string? ServedForm) Check(HttpContext context, SubmissionKind kind)
    {
        var servedForm = context.Request.HasFormContentType ? context.Request.Form[antiforgery.Value.FormFieldName].ToString() : null;
        if (context.Items[PostedStamp] is not string posted || posted.Length == 0)
        {
            if (LegacyStamp(context) is not { } legacy)
            {
                return ("missing form stamp", servedForm);
            }
            posted = legacy;
        }
        if (Parse(posted) is not { } stamp || stamp.Kind != kind.ToString())
        {
            return ("invalid form stamp", servedForm);
        }
        var age = clock.GetUtcNow() - stamp.Served;
        if (age < TimeSpan.FromSeconds(options.Value.MinimumFillSeconds))
        {
            return ($"posted {age.TotalSeconds:0.0} s after the form was served", servedForm);
        }
        if (age > TimeSpan.FromHours(options.Value.MaximumAgeHours))
        {
            return ("form older than allowed", servedForm);
        }
        return (null, servedForm);
    }

    /// <summary>The posted hidden stamp of a form served before the upgrade, unprotected; "" when it does not verify; null when there is none.</summary>
    private string? LegacyStamp(HttpContext context)
    {
        var field = context.Request.HasFormContentType ? context.Request.Form[LegacyField].ToString() : "";
        if (field.Length == 0)
        {
            return null;
        }
        try
        {
            return _legacy.Unprotect(field);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return "";
        }
    }

    private static (string Kind, DateTimeOffset Served)? Parse(string stamp)
    {
        var bar = stamp.IndexOf('|', StringComparison.Ordinal);
        return bar > 0 && long.TryParse(stamp.AsSpan(bar + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? (stamp[..bar], new DateTimeOffset(ticks, TimeSpan.Zero))
            : null;
    }
}

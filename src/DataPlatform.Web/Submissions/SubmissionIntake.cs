using DataPlatform.Web.Site;
using System.Security.Cryptography;
using System.Text.Json;
using DataPlatform.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DataPlatform.Web.Submissions;

/// <summary>
/// Takes a valid form post and keeps it: committed to PostgreSQL before the visitor sees the confirmation,
/// or, when the database cannot be reached, fsync'd to the spool. The idempotency key makes both paths
/// (and any retry) store the submission exactly once.
/// </summary>
public sealed class SubmissionIntake(
    PortalDbContext db,
    SubmissionSpool spool,
    SpoolSignal spoolSignal,
    NotificationSignal notificationSignal,
    TimeProvider clock,
    PortalMetrics metrics,
    ILogger<SubmissionIntake> logger)
{
    private const string ReferenceAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>
    /// Keeps the submission and returns the reference to show the visitor. <paramref name="servedForm"/> identifies the
    /// form as served (its antiforgery token, <see cref="FormStamp.Check"/>): a second new submission from it is spam.
    /// </summary>
    public async Task<string> KeepAsync(SubmissionForm form, string language, string? sourcePage, string? spamReason, string? servedForm, CancellationToken cancellationToken)
    {
        var (title, message, fields) = form.ToStored();
        var submission = new Submission
        {
            Id = Guid.CreateVersion7(),
            Reference = NewReference(form.Kind),
            IdempotencyKey = Guid.TryParse(form.SubmissionKey, out var key) ? key : Guid.NewGuid(),
            Kind = form.Kind,
            Status = spamReason is null ? SubmissionStatus.New : SubmissionStatus.Spam,
            SpamReason = spamReason,
            Language = language,
            SourcePage = sourcePage is { Length: > 500 } ? sourcePage[..500] : sourcePage,
            Name = form.Name!.Trim(),
            Email = form.Email!.Trim(),
            Title = title,
            Message = message,
            Fields = JsonSerializer.Serialize(fields),
            ReceivedAt = clock.GetUtcNow(),
            StampHash = string.IsNullOrEmpty(servedForm) ? null
                : Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(servedForm)))[..32],
        };
        try
        {
            var reference = await StoreAsync(db, submission, clock, metrics, cancellationToken);
            notificationSignal.Notify();
            return reference;
        }
        catch (Exception e) when (DatabaseErrors.IsUnavailable(e))
        {
            var reference = spool.Write(submission);
            spoolSignal.Notify();
            logger.LogWarning("The database is unavailable ({Reason}); submission {Reference} was spooled", e.GetBaseException().Message, reference);
            return reference;
        }
    }

    /// <summary>Inserts the submission unless one with its idempotency key exists; returns the stored reference either way.</summary>
    public static async Task<string> StoreAsync(PortalDbContext db, Submission submission, TimeProvider clock, PortalMetrics metrics, CancellationToken cancellationToken)
    {
        submission.StoredAt = clock.GetUtcNow();
        // A retry (double click, back and send again, a replayed spool file) is expected: answer it without provoking
        // the unique-key error, which the database and EF Core would log as errors. Two posts at the same instant still
        // meet the constraint below.
        if (await db.Submissions.Where(s => s.IdempotencyKey == submission.IdempotencyKey).Select(s => s.Reference).FirstOrDefaultAsync(cancellationToken) is { } stored)
        {
            return stored;
        }
        // The same served form posted again as something new (a script replaying it): kept, but as spam.
        if (submission.Status != SubmissionStatus.Spam && submission.StampHash is not null
            && await db.Submissions.AnyAsync(s => s.StampHash == submission.StampHash && s.Status != SubmissionStatus.Spam, cancellationToken))
        {
            submission.Status = SubmissionStatus.Spam;
            submission.SpamReason = "form stamp already used";
        }
        db.Submissions.Add(submission);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            metrics.SubmissionStored(SubmissionNames.Of(submission.Kind), submission.Status == SubmissionStatus.Spam);
            return submission.Reference;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "submissions_idempotency_key_key" })
        {
            db.ChangeTracker.Clear();
            return await db.Submissions.Where(s => s.IdempotencyKey == submission.IdempotencyKey).Select(s => s.Reference).SingleAsync(cancellationToken);
        }
    }

    /// <summary>A short code a visitor can quote: <c>C-7K3M9QXR</c>. 32^8 values make a clash practically impossible.</summary>
    private static string NewReference(SubmissionKind kind)
    {
        Span<char> code = stackalloc char[8];
        for (var i = 0; i < code.Length; i++)
        {
            code[i] = ReferenceAlphabet[RandomNumberGenerator.GetInt32(ReferenceAlphabet.Length)];
        }
        var prefix = kind switch { SubmissionKind.Event => "E", SubmissionKind.Highlight => "H", _ => "C" };
        return $"{prefix}-{code}";
    }
}

using System.Text.Json;
using DataPlatform.Web.Data;
using DataPlatform.Web.Submissions;
using Microsoft.EntityFrameworkCore;

namespace DataPlatform.Web.Staff;

/// <summary>What a change from staff came to.</summary>
public enum ChangeResult
{
    Saved,
    Unchanged,
    NotFound,
    Conflict,
}

/// <summary>
/// The review workflow on the database: filtered lists, status and assignment changes with optimistic
/// concurrency, notes, and an audit entry for every change.
/// </summary>
public sealed class SubmissionReview(PortalDbContext db, TimeProvider clock)
{
    public const int PageSize = 25;
    public const int ExportLimit = 50_000;

    public IQueryable<Submission> Filtered(SubmissionFilter filter, string? currentUserId)
    {
        var query = filter.Q is { Length: > 0 } q
            ? db.Submissions.FromSqlInterpolated($"select *, xmin from submissions where search @@ websearch_to_tsquery('simple', {q})")
            : db.Submissions;
        query = query.AsNoTracking();
        if (filter.Kind is not null && SubmissionNames.ParseKind(filter.Kind) is { } kind)
        {
            query = query.Where(s => s.Kind == kind);
        }
        if (filter.Status is not null && SubmissionNames.ParseStatus(filter.Status) is { } status)
        {
            query = query.Where(s => s.Status == status);
        }
        if (filter.Language is not null)
        {
            query = query.Where(s => s.Language == filter.Language);
        }
        if (filter.From is not null && SubmissionFilter.ParseDay(filter.From) is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(s => s.ReceivedAt >= start);
        }
        if (filter.To is not null && SubmissionFilter.ParseDay(filter.To) is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(s => s.ReceivedAt < end);
        }
        query = filter.Assigned switch
        {
            "me" => query.Where(s => s.AssignedTo == currentUserId),
            "nobody" => query.Where(s => s.AssignedTo == null),
            _ => query,
        };
        return query.OrderByDescending(s => s.ReceivedAt).ThenBy(s => s.Reference);
    }

    public Task<ChangeResult> ChangeStatusAsync(Guid id, SubmissionStatus status, uint version, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, submission => submission.Status == status, submission =>
        {
            var old = submission.Status;
            submission.Status = status;
            return Task.FromResult(new SubmissionEvent
            {
                SubmissionId = id, Actor = actor, Action = "status", OldValue = SubmissionNames.Of(old), NewValue = SubmissionNames.Of(status), At = clock.GetUtcNow(),
            });
        }, cancellationToken);

    public Task<ChangeResult> AssignAsync(Guid id, string? userId, string? userName, uint version, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, submission => submission.AssignedTo == userId, async submission =>
        {
            var oldName = submission.AssignedTo is null ? null
                : await db.Users.Where(u => u.Id == submission.AssignedTo).Select(u => u.UserName).SingleOrDefaultAsync(cancellationToken);
            submission.AssignedTo = userId;
            return new SubmissionEvent { SubmissionId = id, Actor = actor, Action = "assigned", OldValue = oldName, NewValue = userName, At = clock.GetUtcNow() };
        }, cancellationToken);

    /// <summary>
    /// The one concurrency rule of every change: the submission must still be at the version the member of
    /// staff saw (else <see cref="ChangeResult.Conflict"/>); a change to what it already is records nothing.
    /// </summary>
    private async Task<ChangeResult> ChangeAsync(Guid id, uint version, Func<Submission, bool> isUnchanged, Func<Submission, Task<SubmissionEvent>> change,
        CancellationToken cancellationToken)
    {
        var submission = await db.Submissions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (submission is null)
        {
            return ChangeResult.NotFound;
        }
        if (submission.Version != version)
        {
            return ChangeResult.Conflict;
        }
        if (isUnchanged(submission))
        {
            return ChangeResult.Unchanged;
        }
        return await SaveAsync(submission, version, await change(submission), cancellationToken);
    }

    public async Task<ChangeResult> AddNoteAsync(Guid id, string text, string actor, CancellationToken cancellationToken)
    {
        if (!await db.Submissions.AnyAsync(s => s.Id == id, cancellationToken))
        {
            return ChangeResult.NotFound;
        }
        var now = clock.GetUtcNow();
        db.SubmissionNotes.Add(new SubmissionNote { SubmissionId = id, Author = actor, Text = text, CreatedAt = now });
        db.SubmissionEvents.Add(new SubmissionEvent { SubmissionId = id, Actor = actor, Action = "note", NewValue = text.Length > 80 ? text[..80] + "…" : text, At = now });
        await db.SaveChangesAsync(cancellationToken);
        return ChangeResult.Saved;
    }

    public async Task RecordAsync(Guid id, string actor, string action, string? value, CancellationToken cancellationToken)
    {
        db.SubmissionEvents.Add(new SubmissionEvent { SubmissionId = id, Actor = actor, Action = action, NewValue = value, At = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Saves the change and its audit entry together; the row version decides who wins when two staff save at once.</summary>
    private async Task<ChangeResult> SaveAsync(Submission submission, uint version, SubmissionEvent audit, CancellationToken cancellationToken)
    {
        db.Entry(submission).Property(s => s.Version).OriginalValue = version;
        db.SubmissionEvents.Add(audit);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return ChangeResult.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ChangeResult.Conflict;
        }
    }

    /// <summary>The form's extra fields as name → text, for display and export.</summary>
    public static IReadOnlyList<(string Name, string Value)> FieldsOf(Submission submission)
    {
        using var json = JsonDocument.Parse(submission.Fields);
        return json.RootElement.ValueKind != JsonValueKind.Object ? [] : json.RootElement.EnumerateObject()
            .Select(p => (p.Name, p.Value.ValueKind switch
            {
                JsonValueKind.Array => string.Join("\n", p.Value.EnumerateArray().Select(v => v.ToString())),
                JsonValueKind.Null => "",
                _ => p.Value.ToString(),
            }))
            .ToList();
    }
}

using System.Text.Json;
using DataPlatform.Content;
using DataPlatform.Web.Data;
using DataPlatform.Web.Submissions;
using Microsoft.EntityFrameworkCore;

namespace DataPlatform.Web.Staff;

/// <summary>
/// The review workflow on the database: filtered lists, status and assignment changes with optimistic
/// concurrency, notes, and an audit entry for every change.
/// </summary>
public sealed class SubmissionReview(PortalDbContext db, TimeProvider clock)
{
    public const int PageSize = 25;
    public const int ExportLimit = 50_000;

    /// <summary>The filter's submissions, newest first.</summary>
    public IQueryable<Submission> Filtered(SubmissionFilter filter, string? currentUserId)
    {
        var query = AllStatuses(filter, currentUserId);
        if (filter.Statuses is { } statuses)
        {
            query = query.Where(s => statuses.Contains(s.Status));
        }
        return query.OrderByDescending(s => s.ReceivedAt).ThenBy(s => s.Reference);
    }

    /// <summary>How many submissions of each status the filter's other choices match (the links above the list).</summary>
    public async Task<Dictionary<SubmissionStatus, int>> CountsAsync(SubmissionFilter filter, string? currentUserId, CancellationToken cancellationToken) =>
        await AllStatuses(filter, currentUserId).GroupBy(s => s.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    /// <summary>
    /// The submissions before and after <paramref name="current"/> in the filter's list (newer, older), so staff can
    /// walk an inbox from one detail page to the next.
    /// </summary>
    public async Task<(Guid? Newer, Guid? Older)> NeighboursAsync(SubmissionFilter filter, string? currentUserId, Submission current, CancellationToken cancellationToken)
    {
        var list = Filtered(filter, currentUserId);
        var (at, reference) = (current.ReceivedAt, current.Reference);
        // string.Compare becomes SQL's < and > on the reference (what the list's order uses); ordinal overloads do not translate.
#pragma warning disable CA1309
        var newer = await list.Where(s => s.ReceivedAt > at || (s.ReceivedAt == at && string.Compare(s.Reference, reference) < 0))
            .OrderBy(s => s.ReceivedAt).ThenByDescending(s => s.Reference).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(cancellationToken);
        var older = await list.Where(s => s.ReceivedAt < at || (s.ReceivedAt == at && string.Compare(s.Reference, reference) > 0))
            .Select(s => (Guid?)s.Id).FirstOrDefaultAsync(cancellationToken);
#pragma warning restore CA1309
        return (newer, older);
    }

    private IQueryable<Submission> AllStatuses(SubmissionFilter filter, string? currentUserId)
    {
        var query = Search.SearchService.Clean(filter.Q) is { Length: > 0 } q
            ? db.Submissions.FromSqlInterpolated($"select *, xmin from submissions where search @@ websearch_to_tsquery('portal_simple', {q})")
            : db.Submissions;
        query = query.AsNoTracking();
        if (filter.Kind is not null && SubmissionNames.ParseKind(filter.Kind) is { } kind)
        {
            query = query.Where(s => s.Kind == kind);
        }
        if (filter.Language is not null)
        {
            query = query.Where(s => s.Language == filter.Language);
        }
        // Dates staff type are Stockholm dates, as the list shows them: 2026-12-07 runs from midnight in Stockholm (23:00 UTC the day before in winter).
        if (filter.From is not null && SubmissionFilter.ParseDay(filter.From) is { } from)
        {
            var start = Stockholm.FromLocal(from.ToDateTime(TimeOnly.MinValue)).ToUniversalTime();
            query = query.Where(s => s.ReceivedAt >= start);
        }
        if (filter.To is not null && SubmissionFilter.ParseDay(filter.To) is { } to)
        {
            var end = Stockholm.FromLocal(to.AddDays(1).ToDateTime(TimeOnly.MinValue)).ToUniversalTime();
            query = query.Where(s => s.ReceivedAt < end);
        }
        query = filter.Assigned switch
        {
            "me" => query.Where(s => s.AssignedTo == currentUserId),
            SubmissionFilter.Nobody => query.Where(s => s.AssignedTo == null),
            _ => query,
        };
        return query;
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

    /// <summary>
    /// One change (a status, or an assignment: <paramref name="assignTo"/> with <paramref name="assigneeName"/>) applied to
    /// many submissions in one transaction, each under the rule of a single change: a row at another version than the
    /// one staff saw, or changed since <paramref name="changedSince"/>, is reported and left as it is; a row already so
    /// records nothing; every changed row gets its own history entry.
    /// </summary>
    public async Task<BulkResult> BulkAsync(IReadOnlyList<(Guid Id, uint? Version)> targets, SubmissionStatus? status, string? assignTo, string? assigneeName,
        DateTimeOffset? changedSince, string actor, CancellationToken cancellationToken)
    {
        var ids = targets.Select(t => t.Id).Distinct().ToArray();
        var expected = targets.Where(t => t.Version is not null).ToDictionary(t => t.Id, t => t.Version!.Value);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Locked until the end, so nobody changes them between the check and the save.
        var rows = await db.Submissions.FromSqlInterpolated($"select *, xmin from submissions where id = any({ids}) for update").ToListAsync(cancellationToken);
        var touched = changedSince is { } since
            ? (await db.SubmissionEvents.Where(e => ids.Contains(e.SubmissionId) && e.At > since).Select(e => e.SubmissionId).Distinct().ToListAsync(cancellationToken)).ToHashSet()
            : [];
        var names = assignTo is null && status is null ? [] : await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.UserName, cancellationToken);
        var now = clock.GetUtcNow();
        var changed = new List<Submission>();
        var conflicts = new List<Submission>();
        var unchanged = 0;
        foreach (var row in rows.OrderByDescending(r => r.ReceivedAt))
        {
            if ((expected.TryGetValue(row.Id, out var version) && row.Version != version) || touched.Contains(row.Id))
            {
                conflicts.Add(row);
                continue;
            }
            if (status is { } newStatus)
            {
                if (row.Status == newStatus)
                {
                    unchanged++;
                    continue;
                }
                db.SubmissionEvents.Add(new SubmissionEvent { SubmissionId = row.Id, Actor = actor, Action = "status", OldValue = SubmissionNames.Of(row.Status), NewValue = SubmissionNames.Of(newStatus), At = now });
                row.Status = newStatus;
            }
            else
            {
                if (row.AssignedTo == assignTo)
                {
                    unchanged++;
                    continue;
                }
                db.SubmissionEvents.Add(new SubmissionEvent
                {
                    SubmissionId = row.Id, Actor = actor, Action = "assigned", OldValue = row.AssignedTo is null ? null : names.GetValueOrDefault(row.AssignedTo), NewValue = assigneeName, At = now,
                });
                row.AssignedTo = assignTo;
            }
            changed.Add(row);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new BulkResult(changed, conflicts, unchanged, ids.Length - rows.Count);
    }

    /// <summary>
    /// Queues a reply to the visitor (sent by <see cref="ReplySender"/>) and, in the same transaction and under the same
    /// version rule as any change, moves the submission to <paramref name="status"/> when given.
    /// </summary>
    public Task<ChangeResult> ReplyAsync(Guid id, uint version, SubmissionStatus? status, string actor, Func<Submission, (string Subject, string Body)> compose,
        CancellationToken cancellationToken) =>
        ChangeAsync(id, version, _ => false, submission =>
        {
            var now = clock.GetUtcNow();
            var (subject, body) = compose(submission);
            db.SubmissionReplies.Add(new SubmissionReply
            {
                SubmissionId = id, Author = actor, ToAddress = submission.Email, Subject = subject, Body = body, Language = submission.Language, CreatedAt = now,
            });
            if (status is { } newStatus && newStatus != submission.Status)
            {
                db.SubmissionEvents.Add(new SubmissionEvent { SubmissionId = id, Actor = actor, Action = "status", OldValue = SubmissionNames.Of(submission.Status), NewValue = SubmissionNames.Of(newStatus), At = now });
                submission.Status = newStatus;
            }
            return Task.FromResult(new SubmissionEvent { SubmissionId = id, Actor = actor, Action = "reply queued", NewValue = subject, At = now });
        }, cancellationToken);

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

    /// <summary>The stored fields of every form, in the form's order, with the words staff read.</summary>
    private static readonly (string Key, string Label)[] FieldLabels =
    [
        ("event_type", "Type of event"), ("start", "Start"), ("end", "End"), ("venue", "Venue"), ("organisers", "Organisers"),
        ("event_url", "Event URL"), ("registration_url", "Registration URL"), ("is_organiser", "Organiser of the event"), ("links", "Links"),
    ];

    /// <summary>The form's extra fields as label → text in the form's order (times in Stockholm with their zone), for display.</summary>
    public static IReadOnlyList<(string Name, string Value)> FieldsOf(Submission submission)
    {
        using var json = JsonDocument.Parse(submission.Fields);
        if (json.RootElement.ValueKind != JsonValueKind.Object)
        {
            return [];
        }
        var values = json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
        var known = FieldLabels.Where(f => values.ContainsKey(f.Key)).Select(f => (f.Key, f.Label));
        // Keys of older forms, after the known ones, as they are.
        var others = values.Keys.Where(k => !FieldLabels.Any(f => f.Key == k)).Order(StringComparer.Ordinal).Select(k => (Key: k, Label: k.Replace('_', ' ')));
        return known.Concat(others).Select(f => (f.Label, Text(f.Key, values[f.Key]))).ToList();
    }

    /// <summary>The form's extra fields by their stored key, as stored (for pages made from suggestions).</summary>
    public static IReadOnlyDictionary<string, string> RawFieldsOf(Submission submission)
    {
        using var json = JsonDocument.Parse(submission.Fields);
        return json.RootElement.ValueKind != JsonValueKind.Object ? new Dictionary<string, string>()
            : json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
            {
                JsonValueKind.Array => string.Join("\n", p.Value.EnumerateArray().Select(v => v.ToString())),
                JsonValueKind.Null => "",
                _ => p.Value.ToString(),
            }, StringComparer.Ordinal);
    }

    private static string Text(string key, JsonElement value) => (key, value.ValueKind) switch
    {
        (_, JsonValueKind.Array) => string.Join("\n", value.EnumerateArray().Select(v => v.ToString())),
        (_, JsonValueKind.Null) => "",
        (_, JsonValueKind.True) => "yes",
        (_, JsonValueKind.False) => "no",
        ("start" or "end", JsonValueKind.String) => Site.Dates.StaffLocal(value.GetString()!),
        _ => value.ToString(),
    };
}

using DataPlatform.Web.Submissions;
using Microsoft.AspNetCore.Identity;

namespace DataPlatform.Web.Staff;

/// <summary>One change asked for many submissions (a status, or an assignee), with the words staff see for it.</summary>
public sealed record BulkChange(SubmissionStatus? Status, string? Assignee, string? AssigneeName, string Text)
{
    /// <summary><c>status:accepted</c>, <c>assign:&lt;user id&gt;</c> or <c>assign:</c> (nobody); null when it is none of them.</summary>
    public static async Task<BulkChange?> ParseAsync(string? change, UserManager<StaffUser> users)
    {
        if (change?.StartsWith("status:", StringComparison.Ordinal) == true && SubmissionNames.ParseStatus(change["status:".Length..]) is { } status)
        {
            return new BulkChange(status, null, null, $"Set the status to {SubmissionNames.Of(status).Replace('_', ' ')}");
        }
        if (change?.StartsWith("assign:", StringComparison.Ordinal) == true)
        {
            var id = change["assign:".Length..];
            if (id.Length == 0)
            {
                return new BulkChange(null, null, null, "Assign to nobody");
            }
            if (await users.FindByIdAsync(id) is { } user)
            {
                return new BulkChange(null, user.Id, user.UserName, $"Assign to {user.UserName}");
            }
        }
        return null;
    }

    /// <summary>The checked rows (<c>id:version</c> each), once each; a row that cannot be read adds a problem and ends the reading.</summary>
    public static List<(Guid, uint?)> Rows(IEnumerable<string>? selected, List<string> problems)
    {
        var rows = new List<(Guid, uint?)>();
        foreach (var item in selected ?? [])
        {
            var parts = item.Split(':');
            if (parts.Length != 2 || !Guid.TryParse(parts[0], out var id) || !uint.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var version))
            {
                problems.Add("A checked row could not be read; reload the list and try again.");
                break;
            }
            // A row sent twice (a hand-made post, a browser extension) is one row.
            if (!rows.Any(t => t.Item1 == id))
            {
                rows.Add((id, version));
            }
        }
        return rows;
    }
}

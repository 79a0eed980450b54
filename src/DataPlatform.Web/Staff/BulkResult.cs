using DataPlatform.Web.Submissions;

namespace DataPlatform.Web.Staff;

/// <summary>What a bulk change came to: the rows changed, those changed by someone else meanwhile (left alone), how many were already so, and how many no longer exist.</summary>
public sealed record BulkResult(IReadOnlyList<Submission> Changed, IReadOnlyList<Submission> Conflicts, int Unchanged, int Missing);

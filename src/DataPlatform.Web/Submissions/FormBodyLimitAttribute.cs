namespace DataPlatform.Web.Submissions;

/// <summary>
/// Endpoint metadata: a post to this endpoint may be at most <see cref="SubmissionOptions.MaximumBodyBytes"/>
/// (<see cref="SubmissionsExtensions.UseFormBodyLimit"/> enforces it before antiforgery or binding reads anything).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class FormBodyLimitAttribute : Attribute;

namespace DataPlatform.Web.Submissions;

/// <summary>Endpoint metadata: a fresh form of <paramref name="kind"/>, served from its kept page when there is one (<see cref="SubmissionsExtensions.UseFormPages"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FormPageAttribute(SubmissionKind kind) : Attribute
{
    public SubmissionKind Kind { get; } = kind;
}

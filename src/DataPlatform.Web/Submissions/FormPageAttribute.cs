using System.Text.RegularExpressions;
using DataPlatform.Content;
using DataPlatform.Web.Localization;
using DataPlatform.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DataPlatform.Web.Submissions;

/// <summary>Endpoint metadata: a fresh form of <paramref name="kind"/>, served from its kept page when there is one (<see cref="SubmissionsExtensions.UseFormPages"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FormPageAttribute(SubmissionKind kind) : Attribute
{
    public SubmissionKind Kind { get; } = kind;
}

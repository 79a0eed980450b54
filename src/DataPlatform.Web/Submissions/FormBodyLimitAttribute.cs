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

/// <summary>
/// Endpoint metadata: a post to this endpoint may be at most <see cref="SubmissionOptions.MaximumBodyBytes"/>
/// (<see cref="SubmissionsExtensions.UseFormBodyLimit"/> enforces it before antiforgery or binding reads anything).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class FormBodyLimitAttribute : Attribute;

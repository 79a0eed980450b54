using Microsoft.Extensions.Localization;

namespace DataPlatform.Web.Site;

/// <summary>
/// A value of a list's filter that cannot be understood: an English UI string (a key of the shared resource) with
/// <c>{0}</c> for the value. Every list answers the same way: 400, the problems above the list in the visitor's
/// language (<c>_Problems</c>), no results and no facets.
/// </summary>
public sealed record FilterProblem(string Message, object? Value = null)
{
    /// <summary>The most characters of search words a list takes (the site search has its own, longer limit).</summary>
    public const int MaximumWordsLength = 200;

    /// <summary>The problem with search words that are too long, or null.</summary>
    public static FilterProblem? WordsTooLong(string? words) =>
        words is { Length: > MaximumWordsLength } ? new("The search words can be at most {0} characters.", MaximumWordsLength) : null;

    public string Text(IStringLocalizer t) => Value is null ? t[Message] : t[Message, Value];
}

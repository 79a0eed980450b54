namespace DataPlatform.Web.Fetching;

/// <summary>
/// How the last fetch of one remote source went, for <c>/staff/content</c>: its name (<c>publications.json</c>, or a
/// chart's address), when it was last tried and last succeeded, the records in the last good copy, and the problem of
/// the last try (null when it succeeded).
/// </summary>
public sealed record FetchStatus(string Name, string Url, DateTimeOffset? LastAttempt, DateTimeOffset? LastSuccess, int Records, string? Error);

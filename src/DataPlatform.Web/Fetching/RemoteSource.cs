namespace DataPlatform.Web.Fetching;

/// <summary>
/// One file the portal keeps a copy of from the web: the named <see cref="System.Net.Http.IHttpClientFactory"/> client
/// that may reach it, what it is to the portal (the key of its status), its address, where the last good copy is
/// kept, its limits, and how what came back is checked (the number of records, or why it cannot be used).
/// </summary>
public sealed record RemoteSource(string Client, string Name, string Url, string CopyPath, int MaximumMegabytes, int TimeoutSeconds,
    Func<byte[], (int Records, string? Problem)> Check);

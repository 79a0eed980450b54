using System.Security.Cryptography;
using System.Text;

namespace DataPlatform.Content.Charts;

/// <summary>Where charts fetched from the web are kept: a last good copy and, after a failed fetch, its reason.</summary>
public static class RemoteCharts
{
    public static bool IsRemote(string source) =>
        source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The copy's file name: a hash of the address, with the address's extension (CSV or JSON).</summary>
    public static string CopyPath(string folder, string url)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(url)))[..20].ToLowerInvariant();
        var extension = Uri.TryCreate(url, UriKind.Absolute, out var uri) && Path.GetExtension(uri.AbsolutePath).ToLowerInvariant() is ".csv" ? ".csv" : ".json";
        return Path.Combine(folder, hash + extension);
    }

    /// <summary>Why the last fetch of the copy failed, kept beside it (removed after a good fetch).</summary>
    public static string ProblemPath(string copyPath) => copyPath + ".problem";

    /// <summary>Whether the address's host is listed in <c>Charts:AllowedHosts</c> (<c>*</c>: any public host).</summary>
    public static bool IsAllowed(string url, IReadOnlyCollection<string> allowedHosts) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && (IsListed(uri.Host, allowedHosts) || allowedHosts.Contains("*"));

    /// <summary>Whether the host is named in the list itself (not only through <c>*</c>): only those may be on loopback or private networks.</summary>
    public static bool IsListed(string host, IReadOnlyCollection<string> allowedHosts) =>
        allowedHosts.Any(h => string.Equals(h.Trim(), host, StringComparison.OrdinalIgnoreCase) || string.Equals(h.Trim(), host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase));
}

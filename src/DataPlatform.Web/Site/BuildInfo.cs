using System.Reflection;

namespace DataPlatform.Web.Site;

/// <summary>Which build is running: the version and git commit the build was made from.</summary>
public static class BuildInfo
{
    /// <summary>The informational version, <c>1.0.0+3f2a9c1b7e4d</c>.</summary>
    public static string Version { get; } =
        typeof(BuildInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>The commit part of <see cref="Version"/>.</summary>
    public static string Commit { get; } = Version.Contains('+', StringComparison.Ordinal) ? Version[(Version.IndexOf('+', StringComparison.Ordinal) + 1)..] : "unknown";
}

namespace DataPlatform.Web.Submissions;

/// <summary>The <c>Submissions</c> configuration section: spam bounds, rate limits and where the spool lives.</summary>
public sealed class SubmissionOptions
{
    public const string SectionName = "Submissions";

    /// <summary>A form posted sooner than this after it was served is treated as spam (people read before they write). Default 3.</summary>
    public double MinimumFillSeconds { get; set; } = 3;

    /// <summary>A form older than this is treated as spam (replayed tokens). Default 24.</summary>
    public double MaximumAgeHours { get; set; } = 24;

    /// <summary>Posts allowed per client address per window. Default 10.</summary>
    public int RateLimitPermits { get; set; } = 10;

    /// <summary>The rate-limit window, in seconds. Default 60.</summary>
    public int RateLimitWindowSeconds { get; set; } = 60;

    /// <summary>Largest form post accepted, in bytes. Default 64 KiB.</summary>
    public int MaximumBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Where submissions wait, fsync'd, while the database is unreachable. Default <c>.local/spool</c> under the working directory.</summary>
    public string SpoolDirectory { get; set; } = Path.Combine(".local", "spool");

    /// <summary>How often the spool is retried while it has files, in milliseconds. Default 2000.</summary>
    public int SpoolRetryMilliseconds { get; set; } = 2000;
}

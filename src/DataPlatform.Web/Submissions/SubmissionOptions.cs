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

/// <summary>The <c>Notifications</c> section: staff email per new submission, sent after it is stored. Off unless <c>Smtp:Host</c> is set.</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Notifications";

    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>Who receives the notifications.</summary>
    public List<string> To { get; set; } = [];

    public string From { get; set; } = "portal@localhost";

    /// <summary>The team's address, the Reply-To of replies to visitors (default: the first of <see cref="To"/>, else <see cref="From"/>).</summary>
    public string? ReplyTo { get; set; }

    /// <summary>The greeting and signature of replies, per language; <c>{name}</c> is the visitor's name, <c>{site}</c> the site's.</summary>
    public ReplyTemplates Reply { get; set; } = new();

    public string TeamAddress => ReplyTo is { Length: > 0 } team ? team : To.FirstOrDefault() ?? From;

    /// <summary>Whether replies can be sent: a mail server is configured.</summary>
    public bool CanReply => !string.IsNullOrWhiteSpace(Smtp.Host);

    /// <summary>How often to look for submissions not yet notified, in seconds. Default 10.</summary>
    public int PollSeconds { get; set; } = 10;

    public bool Enabled => !string.IsNullOrWhiteSpace(Smtp.Host) && To.Count > 0;

    /// <summary>A client for the configured mail server (notifications and replies), with a 10 s timeout.</summary>
    public System.Net.Mail.SmtpClient CreateSmtpClient()
    {
        // International: an address with letters such as ü before the @ is sent with SMTPUTF8 when the server offers it.
        var smtp = new System.Net.Mail.SmtpClient(Smtp.Host, Smtp.Port)
        {
            EnableSsl = Smtp.EnableSsl, Timeout = 10_000, DeliveryFormat = System.Net.Mail.SmtpDeliveryFormat.International,
        };
        if (!string.IsNullOrEmpty(Smtp.UserName))
        {
            smtp.Credentials = new System.Net.NetworkCredential(Smtp.UserName, Smtp.Password);
        }
        return smtp;
    }
}

public sealed class SmtpSettings
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 25;
    public bool EnableSsl { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
}

/// <summary>What frames a reply in each language; staff may change them in configuration.</summary>
public sealed class ReplyTemplates
{
    public Dictionary<string, string> Greeting { get; set; } = new(StringComparer.OrdinalIgnoreCase) { ["en"] = "Dear {name},", ["sv"] = "Hej {name}!" };

    public Dictionary<string, string> Signature { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "Best regards,\nThe {site} team",
        ["sv"] = "Vänliga hälsningar\n{site}",
    };
}

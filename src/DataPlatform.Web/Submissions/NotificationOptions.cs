namespace DataPlatform.Web.Submissions;

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
}

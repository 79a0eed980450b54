namespace DataPlatform.Web.Publishing;

/// <summary>The <c>Content:Git</c> section: content served from a branch of a git repository, followed as it moves.</summary>
public sealed class GitContentOptions
{
    public const string SectionName = "Content:Git";

    /// <summary>A URL or path the <c>git</c> client understands (<c>https://…</c>, <c>git@…</c>, <c>file://…</c>); empty: content from <c>Content:Root</c>.</summary>
    public string Repository { get; set; } = "";

    public string Branch { get; set; } = "main";

    /// <summary>The content folder inside the repository.</summary>
    public string ContentPath { get; set; } = "content";

    /// <summary>How often to look for new commits, in seconds (the signed hook asks at once).</summary>
    public int PollSeconds { get; set; } = 60;

    /// <summary>Where the checkout is kept.</summary>
    public string WorkDirectory { get; set; } = Path.Combine(".local", "content-git");

    /// <summary>The secret <c>POST /hooks/content</c> must be signed with (<c>X-Hub-Signature-256</c>, as GitHub sends it); empty: no hook.</summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>An HTTPS token for the repository, sent as a header and never written in a URL or a log; empty: the git client's own credentials (an SSH key).</summary>
    public string Token { get; set; } = "";

    /// <summary>Where "Publish as a page" commits: <c>suggestion</c> (default, a branch <c>suggestion/&lt;reference&gt;</c> to review and merge) or <c>branch</c> (straight onto <see cref="Branch"/>).</summary>
    public string PublishTo { get; set; } = "suggestion";

    /// <summary>How many branch previews are kept (least recently used dropped), default 3.</summary>
    public int Previews { get; set; } = 3;

    public bool IsConfigured => Repository.Length > 0;

    public string CheckoutDirectory => Path.Combine(Path.GetFullPath(WorkDirectory), "checkout");

    public string ContentRoot => Path.Combine(CheckoutDirectory, ContentPath);
}

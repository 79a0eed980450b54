using DataPlatform.Content;
using DataPlatform.Web.Submissions;
using Microsoft.Extensions.Options;

namespace DataPlatform.Web.Publishing;

/// <summary>
/// Publishes an accepted suggestion as a page: its Markdown (and the Swedish twin when the visitor wrote in Swedish)
/// committed to the content repository by the staff member, with the submission's reference in the message, on a branch
/// <c>suggestion/&lt;reference&gt;</c> from the served branch (or onto that branch, <see cref="GitContentOptions.PublishTo"/>
/// <c>branch</c>), and pushed. Its own clone, so the served checkout is never touched. A suggestion already pushed is not
/// committed again (the reference is looked for in the branch's history first); a push that fails leaves nothing
/// half-done and can be tried again.
/// </summary>
public sealed class SuggestionPublisher(IOptions<GitContentOptions> options, GitClient git, ILogger<SuggestionPublisher> logger) : IDisposable
{
    public sealed record Outcome(string Branch, string Commit, bool AlreadyPublished);

    private readonly SemaphoreSlim _one = new(1, 1);

    public bool IsEnabled => options.Value.IsConfigured;

    /// <summary>The branch a suggestion is published to.</summary>
    public string BranchFor(Submission submission) =>
        options.Value.PublishTo == "branch" ? options.Value.Branch : $"suggestion/{submission.Reference}";

    /// <summary>The files to write: the section's page, and its Swedish twin when the visitor wrote in Swedish.</summary>
    public static IReadOnlyList<string> FilesFor(Submission submission, string fileName)
    {
        var section = submission.Kind == SubmissionKind.Event ? SectionNames.Events : SectionNames.Highlights;
        var english = $"{section}/{fileName}";
        return submission.Language == "sv" ? [english, $"{section}/{Path.GetFileNameWithoutExtension(fileName)}.sv.md"] : [english];
    }

    public async Task<(Outcome? Outcome, string? Problem)> PublishAsync(Submission submission, string fileName, string markdown, string authorName, string authorEmail,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var directory = Path.Combine(Path.GetFullPath(settings.WorkDirectory), "publish");
        var branch = BranchFor(submission);
        var marker = $"Reference: {submission.Reference}";
        await _one.WaitAsync(cancellationToken);
        try
        {
            if (!Directory.Exists(Path.Combine(directory, ".git")))
            {
                if (Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }
                var clone = await git.RunAsync(null, ["clone", "--quiet", "--no-tags", "--", settings.Repository, directory], cancellationToken);
                if (!clone.Succeeded)
                {
                    return (null, clone.Error);
                }
            }
            var fetch = await git.RunAsync(directory, ["fetch", "--quiet", "--no-tags", "--prune", "origin", "+refs/heads/*:refs/remotes/origin/*"], cancellationToken);
            if (!fetch.Succeeded)
            {
                return (null, fetch.Error);
            }
            // Published before (a retry after an answer that was lost, a second click): that commit, not a new one.
            var exists = (await git.RunAsync(directory, ["rev-parse", "--verify", "--quiet", $"refs/remotes/origin/{branch}"], cancellationToken)).Succeeded;
            if (exists && (await git.RunAsync(directory, ["log", $"refs/remotes/origin/{branch}", "--fixed-strings", $"--grep={marker}", "-n", "1", "--format=%H"], cancellationToken))
                is { Succeeded: true, Output.Length: > 0 } earlier)
            {
                return (new Outcome(branch, earlier.Output, AlreadyPublished: true), null);
            }
            var start = exists ? $"refs/remotes/origin/{branch}" : $"refs/remotes/origin/{settings.Branch}";
            var checkout = await git.RunAsync(directory, ["checkout", "--quiet", "--force", "-B", "publish", start], cancellationToken);
            if (!checkout.Succeeded)
            {
                return (null, checkout.Error);
            }
            var files = FilesFor(submission, fileName).Select(f => Path.Combine(settings.ContentPath, f)).ToList();
            foreach (var file in files)
            {
                var path = Path.Combine(directory, file);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllTextAsync(path, markdown.ReplaceLineEndings("\n"), cancellationToken);
            }
            var title = submission.Title is { Length: > 0 } t ? t.ReplaceLineEndings(" ") : submission.Reference;
            var author = $"{authorName} <{authorEmail}>";
            var commit = await git.RunAsync(directory, ["-c", $"user.name={authorName}", "-c", $"user.email={authorEmail}", "add", "--", .. files], cancellationToken) is { Succeeded: true }
                ? await git.RunAsync(directory, ["-c", "user.name=Data portal", "-c", "user.email=portal@localhost", "commit", "--quiet", "--author", author,
                    "-m", $"Publish suggestion {submission.Reference}: {title}", "-m", marker], cancellationToken)
                : new GitClient.Result(1, "", "the files could not be added");
            if (!commit.Succeeded)
            {
                return (null, commit.Error.Length > 0 ? commit.Error : commit.Output);
            }
            var head = (await git.RunAsync(directory, ["rev-parse", "HEAD"], cancellationToken)).Output;
            var push = await git.RunAsync(directory, ["push", "--quiet", "origin", $"HEAD:refs/heads/{branch}"], cancellationToken);
            if (!push.Succeeded)
            {
                // Not pushed: the local commit is dropped with the next checkout, so a retry commits once.
                logger.LogWarning("Publishing suggestion {Reference} to {Branch} failed: {Reason}", submission.Reference, branch, push.Error);
                return (null, push.Error);
            }
            logger.LogInformation("Suggestion {Reference} published to {Branch} as {Commit} by {Author}", submission.Reference, branch, head[..12], authorEmail);
            return (new Outcome(branch, head, AlreadyPublished: false), null);
        }
        finally
        {
            _one.Release();
        }
    }

    public void Dispose() => _one.Dispose();
}

using DataPlatform.Content;
using DataPlatform.Web.Fetching;
using DataPlatform.Web.Site;
using Microsoft.Extensions.Options;

namespace DataPlatform.Web.Publishing;

/// <summary>
/// Serves a branch of a git repository: a checkout under <see cref="GitContentOptions.WorkDirectory"/>, brought to the
/// branch's newest commit before the first load, then every <see cref="GitContentOptions.PollSeconds"/> and at once when
/// the signed hook asks (<see cref="Wake"/>). A new commit is checked out in place, so only the files it changed have new
/// times and only those are parsed again; then the content reloads. A repository that cannot be reached keeps the last
/// checkout served; the reason is on <c>/staff/content</c> and in <c>/readyz</c>.
/// </summary>
public sealed class GitContentSource(IOptions<GitContentOptions> options, GitClient git, ContentStore store, BackgroundWork work, TimeProvider clock,
    PortalMetrics metrics, ILogger<GitContentSource> logger) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0);
    private readonly SemaphoreSlim _syncing = new(1, 1);
    private FetchStatus? _status;

    /// <summary>How the last look at the repository went: the commit served, when, and the problem if it failed.</summary>
    public FetchStatus? Status => Volatile.Read(ref _status);

    /// <summary>The commit the content is served from, once there is one.</summary>
    public string? Commit { get; private set; }

    /// <summary>Look for new commits now (the hook).</summary>
    public void Wake() => _wake.Release();

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Before the content loads (this service starts first), so the first load is the branch's newest commit.
        await work.RunAsync(nameof(GitContentSource), () => SyncAsync(cancellationToken, reload: false), cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _wake.WaitAsync(poll, stoppingToken);
                while (_wake.Wait(0, CancellationToken.None))
                {
                    // Pushes that came meanwhile are all answered by the next look.
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            await work.RunAsync(nameof(GitContentSource), () => SyncAsync(stoppingToken), stoppingToken);
        }
    }

    /// <summary>Brings the checkout to the branch's newest commit; reloads the content when it moved (but not before the first load).</summary>
    public async Task SyncAsync(CancellationToken cancellationToken, bool reload = true)
    {
        await _syncing.WaitAsync(cancellationToken);
        try
        {
            var settings = options.Value;
            var attempt = clock.GetUtcNow();
            var (commit, problem) = await UpdateAsync(settings, cancellationToken);
            var previous = Status;
            if (problem is not null)
            {
                logger.LogWarning("The content repository could not be followed{Kept}: {Problem}", Commit is null ? "" : $", {Commit[..12]} stays served", problem);
                metrics.FetchFailed("content repository");
                Volatile.Write(ref _status, new FetchStatus(Label(settings, Commit), git.Scrub(settings.Repository), attempt, previous?.LastSuccess, 0, problem));
                return;
            }
            Volatile.Write(ref _status, new FetchStatus(Label(settings, commit), git.Scrub(settings.Repository), attempt, attempt, 0, null));
            if (commit != Commit)
            {
                logger.LogInformation("Content now from {Branch} at {Commit}", settings.Branch, commit![..12]);
                Commit = commit;
                if (reload)
                {
                    store.Reload();
                }
            }
        }
        finally
        {
            _syncing.Release();
        }
    }

    private static string Label(GitContentOptions settings, string? commit = null) =>
        $"content repository ({settings.Branch}{(commit is null ? "" : " at " + commit[..12])})";

    private async Task<(string? Commit, string? Problem)> UpdateAsync(GitContentOptions settings, CancellationToken cancellationToken)
    {
        var checkout = settings.CheckoutDirectory;
        if (!Directory.Exists(Path.Combine(checkout, ".git")))
        {
            // Cloned beside and moved into place, so a clone cut short is never taken for a checkout.
            var fresh = checkout + ".new";
            if (Directory.Exists(fresh))
            {
                Directory.Delete(fresh, recursive: true);
            }
            Directory.CreateDirectory(Path.GetDirectoryName(checkout)!);
            var clone = await git.RunAsync(null, ["clone", "--quiet", "--no-tags", "--single-branch", "--branch", settings.Branch, "--", settings.Repository, fresh], cancellationToken);
            if (!clone.Succeeded)
            {
                return (null, clone.Error);
            }
            Directory.Move(fresh, checkout);
        }
        else
        {
            var fetch = await git.RunAsync(checkout, ["fetch", "--quiet", "--no-tags", "origin", $"+refs/heads/{settings.Branch}:refs/remotes/origin/{settings.Branch}"], cancellationToken);
            if (!fetch.Succeeded)
            {
                return (Commit, fetch.Error);
            }
            var wanted = await git.RunAsync(checkout, ["rev-parse", $"refs/remotes/origin/{settings.Branch}"], cancellationToken);
            var head = await git.RunAsync(checkout, ["rev-parse", "HEAD"], cancellationToken);
            if (wanted.Output != head.Output)
            {
                // In place: files the commit did not touch keep their times, so the reload parses only what changed.
                var reset = await git.RunAsync(checkout, ["reset", "--quiet", "--hard", wanted.Output], cancellationToken);
                if (!reset.Succeeded)
                {
                    return (Commit, reset.Error);
                }
            }
        }
        var commit = await git.RunAsync(checkout, ["rev-parse", "HEAD"], cancellationToken);
        return commit.Succeeded ? (commit.Output, null) : (Commit, commit.Error);
    }
}

using DataPlatform.Content;
using Microsoft.Extensions.Options;

namespace DataPlatform.Web.Publishing;

/// <summary>
/// The repository's branches and, on demand, the site as each would be: a checkout of the branch's newest commit loaded
/// like the live content (search aside), kept while used — at most <see cref="GitContentOptions.Previews"/>, the least
/// recently used dropped — and built again when the branch has moved.
/// </summary>
public sealed class PreviewStore(IOptions<GitContentOptions> options, IOptions<ContentOptions> content, GitClient git, TimeProvider clock) : IDisposable
{
    private sealed record Preview(string Commit, ContentSnapshot Snapshot, CheckReport Check, DateTimeOffset Used);

    private readonly SemaphoreSlim _one = new(1, 1);
    // Written under _one; read by the branches list at any time.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Preview> _previews = new(StringComparer.Ordinal);
    private DateTimeOffset _fetched = DateTimeOffset.MinValue;

    private string Mirror => Path.Combine(Path.GetFullPath(options.Value.WorkDirectory), "previews", "mirror.git");

    /// <summary>Every branch, newest commit first; fetched at most every 2 s.</summary>
    public async Task<(IReadOnlyList<PreviewBranch> Branches, string? Problem)> BranchesAsync(CancellationToken cancellationToken)
    {
        await _one.WaitAsync(cancellationToken);
        try
        {
            return await BranchesUnlockedAsync(cancellationToken);
        }
        finally
        {
            _one.Release();
        }
    }

    private async Task<(IReadOnlyList<PreviewBranch>, string?)> BranchesUnlockedAsync(CancellationToken cancellationToken)
    {
        if (clock.GetUtcNow() - _fetched > TimeSpan.FromSeconds(2))
        {
            var update = Directory.Exists(Mirror)
                ? await git.RunAsync(Mirror, ["fetch", "--quiet", "--prune", "origin", "+refs/heads/*:refs/heads/*"], cancellationToken)
                : await git.RunAsync(null, ["clone", "--quiet", "--mirror", "--", options.Value.Repository, Mirror], cancellationToken);
            if (!update.Succeeded)
            {
                return ([], update.Error);
            }
            _fetched = clock.GetUtcNow();
        }
        var list = await git.RunAsync(Mirror, ["for-each-ref", "--sort=-committerdate", "refs/heads", "--format=%(refname:short)%09%(objectname)%09%(authorname)%09%(committerdate:iso-strict)%09%(subject)"], cancellationToken);
        return ([.. list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split('\t')).Where(f => f.Length == 5)
            .Select(f => new PreviewBranch(f[0], f[1], f[2], DateTimeOffset.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture), f[4]))], list.Succeeded ? null : list.Error);
    }

    /// <summary>The check of a branch's commit, when its preview has been built.</summary>
    public CheckReport? CheckOf(PreviewBranch branch) =>
        _previews.TryGetValue(branch.Name, out var kept) && kept.Commit == branch.Commit ? kept.Check : null;

    /// <summary>The branch's site at its newest commit, or null when there is no such branch.</summary>
    public async Task<(PreviewBranch Branch, ContentSnapshot Snapshot)?> GetAsync(string branch, CancellationToken cancellationToken)
    {
        await _one.WaitAsync(cancellationToken);
        try
        {
            var (branches, _) = await BranchesUnlockedAsync(cancellationToken);
            if (branches.FirstOrDefault(b => b.Name == branch) is not { } found)
            {
                return null;
            }
            if (_previews.TryGetValue(branch, out var kept) && kept.Commit == found.Commit)
            {
                _previews[branch] = kept with { Used = clock.GetUtcNow() };
                return (found, kept.Snapshot);
            }
            var directory = Path.Combine(Path.GetDirectoryName(Mirror)!, "branches", Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(branch)));
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
            var checkout = await git.RunAsync(null, ["clone", "--quiet", "--shared", "--no-tags", "--branch", branch, "--", Mirror, directory], cancellationToken);
            if (!checkout.Succeeded)
            {
                throw new InvalidOperationException(checkout.Error);
            }
            var settings = content.Value;
            var loader = new ContentLoader(new ContentOptions
            {
                Root = Path.Combine(directory, options.Value.ContentPath), Layout = settings.Layout, Directories = settings.Directories,
                FetchedDataDirectory = settings.FetchedDataDirectory, RemoteChartDirectory = settings.RemoteChartDirectory, AllowedChartHosts = settings.AllowedChartHosts,
            }, clock);
            var snapshot = loader.Load();
            // The editors' check of the branch, as `check` would give it, for the branches list.
            _previews[branch] = new Preview(found.Commit, snapshot, ContentCheck.Run(snapshot, loader.Root), clock.GetUtcNow());
            foreach (var (name, _) in _previews.OrderByDescending(p => p.Value.Used).Skip(Math.Max(1, options.Value.Previews)).ToList())
            {
                _previews.TryRemove(name, out _);
            }
            return (found, snapshot);
        }
        finally
        {
            _one.Release();
        }
    }

    public void Dispose() => _one.Dispose();
}

using System.Diagnostics;

namespace DataPlatform.Content;

/// <summary>
/// Holds the current <see cref="ContentSnapshot"/> and replaces it when files change. Requests read
/// <see cref="Current"/> (one volatile read, no locks, no I/O); reloads run on a background thread,
/// one at a time, debounced, and swap the reference only when the new snapshot is complete.
/// </summary>
public sealed class ContentStore : IDisposable
{
    private readonly ContentLoader _loader;
    private readonly ContentOptions _options;
    private readonly TimeProvider _clock;
    private readonly Lock _reloadLock = new();
    private readonly Timer _debounce;
    private readonly Timer _scheduled;
    private readonly Timer _poll;
    private FileSystemWatcher? _watcher;
    private FileSystemWatcher? _linkWatcher;
    private ContentSnapshot _current = ContentSnapshot.Empty;
    private bool _loaded;

    public ContentStore(ContentOptions options, TimeProvider? clock = null)
    {
        _options = options;
        _clock = clock ?? TimeProvider.System;
        _loader = new ContentLoader(options, _clock);
        _debounce = new Timer(_ => ReloadChanged(), null, Timeout.Infinite, Timeout.Infinite);
        // A scheduled reload must swap even if no file changed: what is visible, upcoming or past changed with the time.
        _scheduled = new Timer(_ => Reload(force: true), null, Timeout.Infinite, Timeout.Infinite);
        _poll = new Timer(_ => Reload(), null, Timeout.Infinite, Timeout.Infinite);
    }

    /// <summary>The snapshot to serve. Never null; empty until the first load.</summary>
    public ContentSnapshot Current => Volatile.Read(ref _current);

    /// <summary>True once a load has succeeded.</summary>
    public bool IsLoaded => Volatile.Read(ref _loaded);

    public string Root => _loader.Root;

    /// <summary>Raised after every reload attempt, on the reloading thread.</summary>
    public event Action<ReloadReport>? Reloaded;

    /// <summary>Loads the content and starts following changes to it.</summary>
    public ReloadReport Start()
    {
        var report = Reload(force: true);
        Watch();
        WatchLink();
        if (_options.PollSeconds > 0)
        {
            _poll.Change(TimeSpan.FromSeconds(_options.PollSeconds), TimeSpan.FromSeconds(_options.PollSeconds));
        }
        return report;
    }

    private void Watch()
    {
        _watcher?.Dispose();
        _watcher = null;
        if (!System.IO.Directory.Exists(_loader.Root))
        {
            return;
        }
        _watcher = new FileSystemWatcher(_loader.Root)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            InternalBufferSize = 64 * 1024,
        };
        _watcher.Changed += OnChange;
        _watcher.Created += OnChange;
        _watcher.Deleted += OnChange;
        _watcher.Renamed += OnChange;
        // An overflowed event queue means we missed changes: reload everything (the cache keeps it cheap).
        _watcher.Error += (_, _) => OnChange(null, null);
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>
    /// Tools like git-sync publish a new checkout by swapping a symbolic link (<c>/git/current</c>). A watcher
    /// follows the folder the link pointed to when it started; so watch the link itself and start over when it moves.
    /// </summary>
    private void WatchLink()
    {
        for (var folder = new DirectoryInfo(_loader.Root); folder?.Parent is not null; folder = folder.Parent)
        {
            if (folder.LinkTarget is null)
            {
                continue;
            }
            _linkWatcher = new FileSystemWatcher(folder.Parent.FullName, folder.Name)
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.CreationTime,
            };
            FileSystemEventHandler swapped = (_, _) =>
            {
                Watch();
                OnChange(null, null);
            };
            _linkWatcher.Created += swapped;
            _linkWatcher.Changed += swapped;
            _linkWatcher.Renamed += (sender, e) => swapped(sender, e);
            _linkWatcher.EnableRaisingEvents = true;
            return;
        }
    }

    private readonly Lock _changesLock = new();
    private HashSet<string> _changedFiles = new(StringComparer.Ordinal);
    private bool _rescan;

    private void OnChange(object? sender, FileSystemEventArgs? e)
    {
        lock (_changesLock)
        {
            // Files written in place can be taken one by one; anything created, deleted, renamed or missed needs a new walk.
            if (e is { ChangeType: WatcherChangeTypes.Changed })
            {
                _changedFiles.Add(e.FullPath);
            }
            else
            {
                _rescan = true;
            }
        }
        _debounce.Change(_options.ReloadDebounceMilliseconds, Timeout.Infinite);
    }

    /// <summary>The reload after the watcher's events: when only known files were written, only those are looked at again.</summary>
    private void ReloadChanged()
    {
        IReadOnlyCollection<string>? changed;
        lock (_changesLock)
        {
            changed = _rescan ? null : _changedFiles;
            _changedFiles = new HashSet<string>(StringComparer.Ordinal);
            _rescan = false;
        }
        Reload(force: false, changed);
    }

    /// <summary>
    /// Rebuilds the snapshot now. On failure the previous snapshot stays in place. Unless <paramref name="force"/>
    /// is set, a snapshot identical to the current one (a poll, a touched file) is not swapped in, so caches stay warm.
    /// </summary>
    public ReloadReport Reload(bool force = false) => Reload(force, null);

    /// <param name="force">Swap the new snapshot in even when it is the same as the current one.</param>
    /// <param name="changedFiles">The files known to have been written since the last load (no others created or removed); null: walk the folder.</param>
    private ReloadReport Reload(bool force, IReadOnlyCollection<string>? changedFiles)
    {
        lock (_reloadLock)
        {
            var watch = Stopwatch.StartNew();
            ReloadReport report;
            try
            {
                var snapshot = _loader.Load(changedFiles);
                if (!force && IsLoaded && snapshot.Version == Current.Version)
                {
                    return new ReloadReport(Current, watch.Elapsed, _loader.LastParsedCount, null);
                }
                Volatile.Write(ref _current, snapshot);
                Volatile.Write(ref _loaded, true);
                report = new ReloadReport(snapshot, watch.Elapsed, _loader.LastParsedCount, null);
                if (snapshot.NextScheduledChange is { } next)
                {
                    // Timers cannot wait longer than ~49 days; waking up early just reloads once more.
                    var due = Math.Clamp((next - _clock.GetUtcNow()).TotalMilliseconds + 50, 0, TimeSpan.FromDays(1).TotalMilliseconds);
                    _scheduled.Change((long)due, Timeout.Infinite);
                }
            }
            catch (Exception e)
            {
                // Reloads run on timers, where an exception would end the process: whatever happened, the previous
                // snapshot keeps serving and the report carries the reason to the log.
                report = new ReloadReport(Current, watch.Elapsed, 0, e);
            }
            foreach (var handler in Reloaded?.GetInvocationList().Cast<Action<ReloadReport>>() ?? [])
            {
                try
                {
                    handler(report);
                }
                catch (Exception e)
                {
                    // Each handler catches its own; this net keeps one that does not from ending the process (a timer's thread).
                    System.Diagnostics.Trace.TraceError($"A content reload handler failed: {e}");
                }
            }
            return report;
        }
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _linkWatcher?.Dispose();
        _poll.Dispose();
        _debounce.Dispose();
        _scheduled.Dispose();
    }
}

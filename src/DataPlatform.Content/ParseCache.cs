namespace DataPlatform.Content;

/// <summary>
/// Parsed files by path, size and modification time: a reload after one edit parses one file and takes the
/// rest from here. Files that left the folder leave the cache.
/// </summary>
internal sealed class ParseCache
{
    /// <summary>A file as last parsed; <c>LastRead</c> is its last version that could be read, if it has had one.</summary>
    private sealed record CachedFile(DateTime Modified, long Length, ParsedFile Parsed, ParsedFile? LastRead);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, CachedFile> _cache = new(StringComparer.Ordinal);

    /// <summary>What the cache holds for a file now (before a load parses it again), if anything.</summary>
    public ParsedFile? Peek(string fullPath) => _cache.TryGetValue(fullPath, out var cached) ? cached.Parsed : null;

    /// <summary>The file parsed now (and kept), whatever the cache held.</summary>
    public ParsedFile Parse(SourceFile source)
    {
        ParsedFile result;
        try
        {
            result = PageParser.Parse(File.ReadAllBytes(source.FullPath), source.RelativePath, source.Language);
        }
        catch (IOException e)
        {
            result = new ParsedFile(null, [], [], "", [], [new Diagnostic(Severity.Error, "unreadable", source.RelativePath, 1, $"The file cannot be read: {e.Message}")]);
        }
        catch (UnauthorizedAccessException)
        {
            result = new ParsedFile(null, [], [], "", [], [new Diagnostic(Severity.Error, "unreadable", source.RelativePath, 1, "The file cannot be read: permission denied.")]);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // What the parser did not foresee costs this file (its last readable version stays), never the load.
            result = new ParsedFile(null, [], [], "", [], [new Diagnostic(Severity.Error, "unreadable", source.RelativePath, 1, $"The file cannot be read ({e.GetType().Name}: {e.Message}).")]);
        }
        // A save caught half-written, or a slip in the front matter, must not take a live page down: while the file
        // cannot be read, its last readable version stays, and the problem is reported against the file.
        var lastRead = result.FrontMatter is not null ? result : _cache.TryGetValue(source.FullPath, out var previous) ? previous.LastRead : null;
        if (result.FrontMatter is null && lastRead is not null)
        {
            result = lastRead with
            {
                Diagnostics = [.. result.Diagnostics.Select(d => d with { Message = $"{d.Message} Until then, the version read before is served." }), .. lastRead.Diagnostics],
            };
        }
        _cache[source.FullPath] = new CachedFile(source.Modified, source.Length, result, lastRead);
        return result;
    }

    /// <summary>Every source parsed (or taken from the cache), in the same order; <paramref name="parsedCount"/> says how many were parsed.</summary>
    public ParsedFile[] ParseAll(List<SourceFile> sources, out int parsedCount)
    {
        var parsed = new ParsedFile[sources.Count];
        var count = 0;
        Parallel.For(0, sources.Count, i =>
        {
            var source = sources[i];
            if (_cache.TryGetValue(source.FullPath, out var cached) && cached.Modified == source.Modified && cached.Length == source.Length)
            {
                parsed[i] = cached.Parsed;
                return;
            }
            parsed[i] = Parse(source);
            Interlocked.Increment(ref count);
        });
        // Only when files left (the cache holds more than the folder): a reload after an edit skips this.
        if (_cache.Count > sources.Count)
        {
            var live = sources.Select(s => s.FullPath).ToHashSet(StringComparer.Ordinal);
            foreach (var stale in _cache.Keys.Where(k => !live.Contains(k)).ToList())
            {
                _cache.TryRemove(stale, out _);
            }
        }
        parsedCount = count;
        return parsed;
    }
}

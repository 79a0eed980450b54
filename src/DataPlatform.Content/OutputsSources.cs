namespace DataPlatform.Content;

/// <summary>
/// Reads the outputs' files for the loader: <c>data/publications.json</c>, <c>data/datasets.json</c>, the
/// repository vocabulary, and copies fetched from configured URLs. A file is read again only when it changed;
/// a file that has become unusable keeps its last good records (and its error is reported on every load).
/// </summary>
internal sealed class OutputsSources(string root, string? fetchedDirectory)
{
    private sealed record Cached<T>(DateTime Modified, long Length, DateTime VocabularyModified, T? Value, IReadOnlyList<Diagnostic> Diagnostics);

    private readonly Dictionary<string, Cached<List<Publication>>> _publications = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Cached<List<DataItem>>> _datasets = new(StringComparer.Ordinal);

    /// <summary>What the files were when read, for the snapshot's version.</summary>
    public IEnumerable<string> Versions => Files().Select(f => $"{f.Path}|{Stamp(f.Path).Ticks}|{(File.Exists(f.Path) ? new FileInfo(f.Path).Length : 0)}")
        .Append($"{RepositoryVocabulary.FileName}|{Stamp(Path.Combine(root, RepositoryVocabulary.FileName)).Ticks}");

    private (string Key, ResearchOutputs Outputs, IReadOnlyList<Diagnostic> Diagnostics)? _last;

    /// <summary>The outputs as the files are now; when no file changed, the same object as last time (linking 50,000 records is not free).</summary>
    public ResearchOutputs Load(List<Diagnostic> diagnostics)
    {
        var key = string.Join('\n', Versions);
        if (_last is { } last && last.Key == key)
        {
            diagnostics.AddRange(last.Diagnostics);
            return last.Outputs;
        }
        var found = new List<Diagnostic>();
        var outputs = Read(found);
        _last = (key, outputs, found);
        diagnostics.AddRange(found);
        return outputs;
    }

    private ResearchOutputs Read(List<Diagnostic> diagnostics)
    {
        var vocabularyPath = Path.Combine(root, RepositoryVocabulary.FileName);
        var repositories = RepositoryVocabulary.Read(root, diagnostics);
        var vocabularyModified = Stamp(vocabularyPath);
        var publications = new List<Publication>();
        var items = new List<DataItem>();
        foreach (var (path, name, isPublications) in Files())
        {
            if (isPublications)
            {
                publications.AddRange(Read(_publications, path, name, vocabularyModified, diagnostics, (bytes, problems) => OutputsFile.ReadPublications(bytes, name, problems)) ?? []);
            }
            else
            {
                items.AddRange(Read(_datasets, path, name, vocabularyModified, diagnostics, (bytes, problems) => OutputsFile.ReadDatasets(bytes, name, repositories, problems)) ?? []);
            }
        }
        return publications.Count == 0 && items.Count == 0 ? new ResearchOutputs([], [], repositories) : ResearchOutputs.Build(publications, items, repositories, diagnostics);
    }

    private IEnumerable<(string Path, string Name, bool IsPublications)> Files()
    {
        yield return (Path.Combine(root, OutputsFile.PublicationsFile), OutputsFile.PublicationsFile, true);
        if (fetchedDirectory is not null)
        {
            yield return (Path.Combine(fetchedDirectory, "publications.json"), "fetched publications.json", true);
        }
        yield return (Path.Combine(root, OutputsFile.DatasetsFile), OutputsFile.DatasetsFile, false);
        if (fetchedDirectory is not null)
        {
            yield return (Path.Combine(fetchedDirectory, "datasets.json"), "fetched datasets.json", false);
        }
    }

    private static T? Read<T>(Dictionary<string, Cached<T>> cache, string path, string name, DateTime vocabularyModified, List<Diagnostic> diagnostics,
        Func<byte[], List<Diagnostic>, T?> read) where T : class
    {
        if (!File.Exists(path))
        {
            cache.Remove(path);
            return null;
        }
        var info = new FileInfo(path);
        if (!cache.TryGetValue(path, out var cached) || cached.Modified != info.LastWriteTimeUtc || cached.Length != info.Length || cached.VocabularyModified != vocabularyModified)
        {
            var problems = new List<Diagnostic>();
            T? value;
            try
            {
                value = read(File.ReadAllBytes(path), problems);
            }
            catch (Exception e)
            {
                problems.Add(new Diagnostic(Severity.Error, "outputs-unreadable", name, 1, $"The file cannot be read: {JsonProblems.Reason(e)}."));
                value = null;
            }
            // Unusable now: keep serving what was read from it last time.
            cached = new Cached<T>(info.LastWriteTimeUtc, info.Length, vocabularyModified, value ?? cached?.Value, problems);
            cache[path] = cached;
        }
        diagnostics.AddRange(cached.Diagnostics);
        return cached.Value;
    }

    private static DateTime Stamp(string path) => File.Exists(path) ? File.GetLastWriteTimeUtc(path) : DateTime.MinValue;
}

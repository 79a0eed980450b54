using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace DataPlatform.Web.Submissions;

/// <summary>
/// Submissions waiting for the database, one JSON file each, written durably: the file is fsync'd,
/// renamed into place, and the folder fsync'd, so a confirmation shown to a visitor survives a crash.
/// </summary>
public sealed partial class SubmissionSpool
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly string _directory;

    public SubmissionSpool(IOptions<SubmissionOptions> options)
    {
        _directory = Path.GetFullPath(options.Value.SpoolDirectory);
        Directory.CreateDirectory(_directory);
    }

    /// <summary>Spools the submission and returns its reference; a retry of a spooled form keeps the first reference.</summary>
    public string Write(Submission submission)
    {
        var final = Path.Combine(_directory, submission.IdempotencyKey.ToString("N") + ".json");
        if (File.Exists(final) && Read(final) is { } existing)
        {
            return existing.Reference;
        }
        var temporary = final + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
        {
            JsonSerializer.Serialize(stream, submission, Json);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, final, overwrite: true);
        SyncDirectory(_directory);
        return submission.Reference;
    }

    private static Submission? Read(string file)
    {
        try
        {
            return JsonSerializer.Deserialize<Submission>(File.ReadAllText(file), Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>How many submissions wait in the spool (unreadable ones set aside are not counted).</summary>
    public long Count => Directory.Exists(_directory) ? Directory.EnumerateFiles(_directory, "*.json").LongCount() : 0;

    /// <summary>The spooled submissions, oldest first, with their files.</summary>
    public IEnumerable<(string File, Submission? Submission)> ReadAll()
    {
        foreach (var file in new DirectoryInfo(_directory).EnumerateFiles("*.json").OrderBy(f => f.LastWriteTimeUtc))
        {
            yield return (file.FullName, Read(file.FullName));
        }
    }

    public static void Remove(string file) => File.Delete(file);

    /// <summary>Moves an unreadable spool file aside so it is kept for a person to look at, and no longer retried.</summary>
    public static void Quarantine(string file) => File.Move(file, file + ".bad", overwrite: true);

    // .NET has no API to fsync a directory; without it a rename can be lost in a power cut.
    private static void SyncDirectory(string directory)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        var fd = Open(directory, 0 /* O_RDONLY */);
        if (fd >= 0)
        {
            _ = Fsync(fd);
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync")]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}

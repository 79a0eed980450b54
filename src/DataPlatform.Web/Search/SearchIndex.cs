using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using DataPlatform.Content;
using Npgsql;
using NpgsqlTypes;

namespace DataPlatform.Web.Search;

/// <summary>
/// Keeps <c>search_documents</c> equal to the pages of a content snapshot: pages whose content hash changed
/// are written again, pages that are gone are deleted, the rest is left alone.
/// </summary>
public static partial class SearchIndex
{
    private const int BatchSize = 500;

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    [GeneratedRegex("<a class=\"heading-anchor\"[^>]*>#</a>")]
    private static partial Regex HeadingAnchor();

    /// <summary>The page's text without markup (nor the headings' "#" anchors), for indexing and snippets.</summary>
    public static string PlainText(string html) => Space().Replace(WebUtility.HtmlDecode(Tag().Replace(HeadingAnchor().Replace(html, " "), " ")), " ").Trim();

    /// <summary>Brings the index to the snapshot: pages whose hash changed are written, pages that are gone are deleted.</summary>
    /// <param name="dataSource">The portal's database.</param>
    /// <param name="snapshot">The content to index.</param>
    /// <param name="cancellationToken">Stops the sync (the transaction rolls back).</param>
    /// <param name="written">
    /// What this process last read from or wrote to the index (URL → content hash), kept by the caller between syncs:
    /// with it, a sync compares against memory and touches the database only when something changed. The index is
    /// read back anyway when the copy is older than <see cref="ReadBackInterval"/>, so a row another replica changed
    /// is put right.
    /// </param>
    public static async Task<IndexReport> SyncAsync(NpgsqlDataSource dataSource, ContentSnapshot snapshot, CancellationToken cancellationToken, WrittenIndex? written = null)
    {
        var watch = Stopwatch.StartNew();
        var contentHashes = new ContentHashes();
        var pages = Documents(snapshot, contentHashes, written?.Memo ?? new ContentHashes()).ToList();
        var wanted = pages.ToDictionary(p => p.Url, p => p.Hash, StringComparer.Ordinal);
        var known = written is { Hashes: { } hashes } && written.ReadAt + ReadBackInterval > written.Clock.GetUtcNow() ? hashes : null;
        if (written is not null)
        {
            written.Memo = contentHashes;
        }
        if (known is not null && wanted.Count == known.Count && wanted.All(w => known.TryGetValue(w.Key, out var hash) && hash == w.Value))
        {
            return new IndexReport(pages.Count, 0, 0, watch.Elapsed);
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Replicas sync one at a time; each brings the index to its own (identical) snapshot.
        await using (var lockCommand = new NpgsqlCommand("select pg_advisory_xact_lock(7311)", connection, transaction))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }
        var existing = known;
        if (existing is null)
        {
            existing = new Dictionary<string, string>(StringComparer.Ordinal);
            await using var select = new NpgsqlCommand("select url, content_hash from search_documents", connection, transaction);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                existing[reader.GetString(0)] = reader.GetString(1);
            }
            if (written is not null)
            {
                written.ReadAt = written.Clock.GetUtcNow();
            }
        }

        var changed = pages.Where(p => !existing.TryGetValue(p.Url, out var hash) || hash != wanted[p.Url]).ToList();
        var removed = existing.Keys.Where(url => !wanted.ContainsKey(url)).ToArray();
        foreach (var chunk in changed.Chunk(BatchSize))
        {
            await using var batch = new NpgsqlBatch(connection, transaction);
            foreach (var page in chunk)
            {
                var command = new NpgsqlBatchCommand("""
                    insert into search_documents (url, language, section, title, summary, tags, body, published, content_hash, indexed_at)
                    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())
                    on conflict (url) do update set language = excluded.language, section = excluded.section, title = excluded.title,
                        summary = excluded.summary, tags = excluded.tags, body = excluded.body, published = excluded.published,
                        content_hash = excluded.content_hash, indexed_at = now()
                    """);
                command.Parameters.Add(new NpgsqlParameter { Value = page.Url });
                command.Parameters.Add(new NpgsqlParameter { Value = page.Language });
                command.Parameters.Add(new NpgsqlParameter { Value = page.Section });
                command.Parameters.Add(new NpgsqlParameter { Value = Clean(page.Title) });
                command.Parameters.Add(new NpgsqlParameter { Value = Clean(page.Summary) });
                command.Parameters.Add(new NpgsqlParameter { Value = Clean(page.Tags) });
                command.Parameters.Add(new NpgsqlParameter { Value = Clean(page.Body()) });
                command.Parameters.Add(new NpgsqlParameter { Value = (object?)page.Published?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
                command.Parameters.Add(new NpgsqlParameter { Value = page.Hash });
                batch.BatchCommands.Add(command);
            }
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        if (removed.Length > 0)
        {
            await using var delete = new NpgsqlCommand("delete from search_documents where url = any($1)", connection, transaction);
            delete.Parameters.Add(new NpgsqlParameter { Value = removed });
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        if (written is not null)
        {
            written.Hashes = wanted;
        }
        return new IndexReport(pages.Count, changed.Count, removed.Length, watch.Elapsed);
    }

    public static readonly TimeSpan ReadBackInterval = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Everything search finds: the content pages (not those made up for missing sections), and every publication
    /// in both languages, under the section <c>publications</c>. Page hashes come from <paramref name="previous"/>
    /// (the last sync's) when there, and are kept in <paramref name="hashes"/>.
    /// </summary>
    internal static IEnumerable<SearchDocument> Documents(ContentSnapshot snapshot, ContentHashes hashes, ContentHashes previous)
    {
        foreach (var page in snapshot.Pages.Where(p => p.SourcePath.Length > 0))
        {
            yield return new SearchDocument(page.Url, page.Language.Code, SectionOf(page), page.Title, page.Meta.Description ?? page.Summary,
                string.Join(' ', page.Meta.Tags), () => PlainText(page.Html), page.Date, hashes.Of(page, previous));
        }
        foreach (var publication in snapshot.Outputs.Publications)
        {
            var tags = string.Join(' ', publication.Labels.Select(l => l.Value));
            var summary = string.Join(", ", publication.Authors.Take(10).Select(a => a.Cited)) + (publication.Journal?.Title is { } journal ? ". " + journal : "");
            var published = publication.Published is { } d ? new DateTimeOffset(d.Year, Math.Max(1, d.Month), Math.Max(1, d.Day), 0, 0, 0, TimeSpan.Zero) : (DateTimeOffset?)null;
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', publication.Title, summary, tags, publication.Abstract, published?.UtcTicks))))[..32];
            foreach (var language in SiteLanguage.All)
            {
                yield return new SearchDocument(language.Localize($"/{SectionNames.Publications}/{publication.Id}/"), language.Code, SectionNames.Publications,
                    publication.Title, summary, tags, () => publication.Abstract ?? "", published, hash);
            }
        }
    }

    /// <summary>The section a page is filed under in search; pages at the root are "pages".</summary>
    public static string SectionOf(Page page) => page.Section.Length > 0 ? page.Section : "pages";

    /// <summary>What the index holds of a page, as one hash; <paramref name="body"/> is the hash of its parsed body.</summary>
    internal static string HashOf(Page page, string body)
    {
        var key = string.Join('\u001f', page.Language.Code, SectionOf(page), page.Title, page.Meta.Description ?? page.Summary,
            string.Join(' ', page.Meta.Tags), page.Date?.UtcTicks, body);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
    }

    // PostgreSQL text cannot hold NUL.
    private static string Clean(string text) => text.Contains('\0', StringComparison.Ordinal) ? text.Replace("\0", "", StringComparison.Ordinal) : text;
}

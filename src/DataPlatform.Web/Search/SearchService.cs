using System.Text.Encodings.Web;
using System.Text.Unicode;
using DataPlatform.Content;
using Npgsql;

namespace DataPlatform.Web.Search;

/// <summary>
/// PostgreSQL full-text search in one language: <c>websearch_to_tsquery</c> (quotes, <c>or</c>, <c>-word</c>,
/// never a syntax error), ranked with title and tags first, with <c>ts_headline</c> snippets that are made
/// HTML-safe here before the match markers become <c>&lt;mark&gt;</c>.
/// </summary>
public sealed partial class SearchService(string connectionString) : IDisposable
{
    // Searches run on connections of their own where PostgreSQL prefers the GIN index: for a word on most
    // pages it otherwise picks a sequential scan that evaluates every tsvector and was twice as slow
    // (77 ms against 35 ms for a word on all 10,000 English pages of the synthetic tree).
    // A statement timeout bounds what any one search can cost the database, whatever was typed.
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(
        new NpgsqlConnectionStringBuilder(connectionString) { Options = $"-c enable_seqscan=off -c statement_timeout={StatementTimeoutMilliseconds}" }.ConnectionString);

    public const int StatementTimeoutMilliseconds = 2000;

    /// <summary>At most this many distinct words of a query are searched for (each costs the ranking and the snippets).</summary>
    public const int MaximumTerms = 12;

    /// <summary>Snippets are made from this much of a page's text at most.</summary>
    public const int SnippetSourceLength = 20000;

    public void Dispose() => _dataSource.Dispose();

    public const int PageSize = 10;
    public const int MaximumQueryLength = 500;

    /// <summary>The last results page anyone is let to ask for; deeper pages cost the database without helping anyone.</summary>
    public const int MaximumPage = 1000;

    /// <summary>Up to this many matches, results are ranked by every occurrence (<c>ts_rank_cd</c> on the whole page).</summary>
    public const int FullRankingLimit = 1000;

    // Markers no text contains: the snippet is escaped, then they become <mark> and </mark>.
    private const string Start = "\u0002";
    private const string Stop = "\u0003";

    public static string Config(SiteLanguage language) => language == SiteLanguage.Swedish ? "swedish" : "english";

    /// <summary>The language's configuration with accents folded before stemming (migration 0008): what the index is built with.</summary>
    public static string FoldedConfig(SiteLanguage language) => "portal_" + Config(language);

    public async Task<SearchResults> SearchAsync(SiteLanguage language, string query, string? section, int page, CancellationToken cancellationToken)
    {
        // Count first (an index-only bitmap count), then rank and page, then snippets only for the page of
        // hits shown. Above FullRankingLimit matches the words are on most pages and say little about any
        // one of them: rank by title and tags, then date, instead of by every match in every body.
        await using var command = _dataSource.CreateCommand($"""
            with q as (select websearch_to_tsquery('{FoldedConfig(language)}', $1) as query, websearch_to_tsquery('{Config(language)}', $1) as exact),
            total as (
                select count(*) as n from search_documents d, q
                where d.language = $2 and d.document @@ q.query and ($3::text is null or d.section = $3)
            ),
            hits as (
                select d.url, d.title, d.section, d.published, d.body,
                       (d.head @@ q.exact)::int
                       + case when (select n from total) > {FullRankingLimit} then ts_rank(d.head, q.exact) else ts_rank_cd(d.document, q.query) end as rank
                from search_documents d, q
                where d.language = $2 and d.document @@ q.query and ($3::text is null or d.section = $3)
                order by rank desc, d.published desc nulls last, d.title
                limit $4 offset $5
            )
            select numnode(q.query), h.url, h.title, h.section, h.published,
                   ts_headline('{FoldedConfig(language)}', left(h.body, {SnippetSourceLength}), q.query,
                       'StartSel={Start}, StopSel={Stop}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "'),
                   h.rank, (select n from total)
            from q left join hits h on true
            order by h.rank desc nulls last, h.published desc nulls last, h.title
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = query });
        command.Parameters.Add(new NpgsqlParameter { Value = language.Code });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)section ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = PageSize });
        command.Parameters.Add(new NpgsqlParameter { Value = (page - 1) * PageSize });
        var hits = new List<SearchHit>();
        var total = 0;
        var onlyStopWords = false;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            onlyStopWords = reader.GetInt32(0) == 0;
            if (reader.IsDBNull(1))
            {
                continue; // the left join's empty row: no matches
            }
            total = (int)reader.GetInt64(7);
            hits.Add(new SearchHit(reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4), SafeSnippet(reader.GetString(5)), reader.GetFloat(6)));
        }
        return new SearchResults(hits, total, onlyStopWords);
    }

    /// <summary>How many pages match <paramref name="query"/> in each section, in <paramref name="language"/>.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountBySectionAsync(SiteLanguage language, string query, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"""
            select d.section, count(*) from search_documents d
            where d.language = $2 and d.document @@ websearch_to_tsquery('{FoldedConfig(language)}', $1)
            group by d.section
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = query });
        command.Parameters.Add(new NpgsqlParameter { Value = language.Code });
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = (int)reader.GetInt64(1);
        }
        return counts;
    }

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Escapes everything PostgreSQL returned, then turns the match markers into <c>&lt;mark&gt;</c>.</summary>
    private static string SafeSnippet(string snippet) => string.Join("", snippet.Split(Start).Select((part, i) =>
    {
        var pieces = part.Split(Stop);
        return i == 0 || pieces.Length == 1
            ? Encoder.Encode(string.Join("", pieces))
            : "<mark>" + Encoder.Encode(pieces[0]) + "</mark>" + Encoder.Encode(string.Join("", pieces.Skip(1)));
    }));

    /// <summary>
    /// What a visitor typed, made safe and bounded: no control characters (PostgreSQL text cannot hold NUL), each word
    /// once (case aside) and at most <see cref="MaximumTerms"/> of them, so no query can be made slow by repeating words.
    /// A run of hyphens is one (<c>-word</c> still excludes): <c>websearch_to_tsquery</c> makes each a negation, and
    /// forty of them overflow its stack ("tsquery stack too small"); a word of hyphens alone means nothing and goes.
    /// </summary>
    public static string Clean(string? query)
    {
        var text = new string((query ?? "").Where(c => !char.IsControl(c) && c != '\uFFFD').ToArray()).Trim();
        var words = Hyphens().Replace(text, "-").Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w != "-")
            .Distinct(StringComparer.OrdinalIgnoreCase).Take(MaximumTerms);
        return string.Join(' ', words);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"-(\s*-)+")]
    private static partial System.Text.RegularExpressions.Regex Hyphens();

    /// <summary>PostgreSQL cancelled the statement at <see cref="StatementTimeoutMilliseconds"/>.</summary>
    public static bool IsTimeout(Exception e) => e.GetBaseException() is PostgresException { SqlState: PostgresErrorCodes.QueryCanceled };
}

using System.Collections.Concurrent;

namespace DataPlatform.Web.Site;

/// <summary>
/// The query keys each page reads, for <see cref="PageCache"/>: a response is kept only when every key of its URL is
/// one its page reads, and keys a page is known not to read are dropped before a request is looked up or rendered.
/// </summary>
/// <param name="keyByHost">Whether pages differ by host (no <c>Site:BaseUrl</c>), as the cache's keys do.</param>
public sealed class PageQueryKeys(bool keyByHost)
{
    private static readonly ConcurrentDictionary<Endpoint, HashSet<string>> ByEndpoint = new();

    /// <summary>The query keys a page reads: its action's (parameters, and the properties of a filter model), and those starting with a prefix the page named.</summary>
    private sealed record QueryReader(HashSet<string> Keys, string[] Prefixes)
    {
        public bool Reads(string key) => Keys.Contains(key) || Prefixes.Any(p => key.StartsWith(p, StringComparison.OrdinalIgnoreCase));
    }

    private const string PrefixesItem = "PageQueryKeys.Prefixes";

    /// <summary>
    /// Says that the page being rendered also reads query keys starting with <paramref name="prefixes"/> (a content page's
    /// tables and charts read <c>&lt;id&gt;-…</c> from the query string themselves, not through binding).
    /// </summary>
    public static void ReadsQueryPrefixes(HttpContext context, IEnumerable<string> prefixes) => context.Items[PrefixesItem] = prefixes.ToArray();

    private static QueryReader? ReaderOf(HttpContext context)
    {
        if (context.GetEndpoint() is not { } endpoint || endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.Controllers.ControllerActionDescriptor>() is not { } action)
        {
            return null;
        }
        var known = ByEndpoint.GetOrAdd(endpoint, _ => action.Parameters.SelectMany(p =>
                p.ParameterType == typeof(string) || p.ParameterType.IsValueType
                    ? [p.BindingInfo?.BinderModelName ?? p.Name]
                    : p.ParameterType.GetProperties().Where(q => q.CanWrite).Select(q => q.Name))
            .ToHashSet(StringComparer.OrdinalIgnoreCase));
        return new QueryReader(known, context.Items[PrefixesItem] as string[] ?? []);
    }

    /// <summary>Whether every query-string key is one the page reads.</summary>
    public static bool HasOnlyKnown(HttpContext context) =>
        !context.Request.QueryString.HasValue || (ReaderOf(context) is { } reader && context.Request.Query.Keys.All(reader.Reads));

    // What each path's page read from the query string when it was last rendered, so that a later request's keys the page
    // does not read (?utm_source=…, ?x=1) can be left out before it is looked up or rendered: such variants share one
    // answer instead of each rendering the page anew. Bounded, and forgotten with the cache (a page may gain a table).
    public void Clear() => _readers.Clear();

    private const int MaxReaders = 10_000;
    private readonly ConcurrentDictionary<string, QueryReader> _readers = new(StringComparer.Ordinal);

    private string ReaderKey(HttpRequest request) =>
        keyByHost ? string.Concat(request.Scheme, "://", request.Host.Value, request.Path.Value) : request.Path.Value ?? "/";

    /// <summary>Remembers what the page just rendered for this path reads from the query string.</summary>
    public void Learn(HttpContext context)
    {
        if (context.Response.StatusCode == StatusCodes.Status200OK && ReaderOf(context) is { } reader
            && (_readers.Count < MaxReaders || _readers.ContainsKey(ReaderKey(context.Request))))
        {
            _readers[ReaderKey(context.Request)] = reader;
        }
    }

    /// <summary>
    /// Takes out of the request's query string the keys its page is known not to read; true when it changed. The page
    /// is then rendered and cached as if they had not been sent, so it cannot echo them (the language switch keeps the query).
    /// </summary>
    public bool DropUnread(HttpRequest request)
    {
        if (!request.QueryString.HasValue || !_readers.TryGetValue(ReaderKey(request), out var reader))
        {
            return false;
        }
        var query = request.Query;
        if (query.Keys.All(reader.Reads))
        {
            return false;
        }
        request.QueryString = QueryString.Create(query.Where(pair => reader.Reads(pair.Key)));
        return true;
    }
}

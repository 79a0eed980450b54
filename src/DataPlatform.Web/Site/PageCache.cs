using System.Collections.Concurrent;
using System.IO.Compression;
using System.Security.Cryptography;
using DataPlatform.Content;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace DataPlatform.Web.Site;

/// <summary>
/// Anonymous pages served from memory: when a URL is asked for the second time in a while (<see cref="Admits"/>),
/// the rendered response is kept with an ETag (its gzip and Brotli forms are made when a client first asks for
/// them), and later requests are answered before routing, MVC or Razor run.
/// Nothing personal is kept: a response that sets a cookie, says <c>no-store</c>/<c>private</c> (antiforgery
/// forms do), or comes from <c>/staff</c> is never stored. The cache empties whenever the content snapshot
/// changes (and at every scheduled change: publish dates, notices, events ending) or another part of the app
/// says its answers changed (<see cref="Clear"/>: the search index), and an entry lives at most
/// <see cref="MaxAge"/> as a bound on anything time-dependent that was missed. A response rendered while the
/// cache was emptied is not stored: it may come from what was there before. Junk cannot fill it: only pages
/// (200) and redirects (301) whose query keys the action binds are kept, within a bound on entries and bytes
/// that evicts the least recently used first.
/// </summary>
public sealed class PageCache
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);
    private const int MaxBodyBytes = 1024 * 1024;
    private readonly int _maxEntries;
    private readonly long _maxBytes;
    private long _bytes;
    // Counted here: ConcurrentDictionary.Count takes every one of its locks, and every store asked it.
    private int _count;
    private readonly Lock _evictionLock = new();

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ContentStore _content;
    private ContentSnapshot? _cachedSnapshot;
    private readonly Lock _versionLock = new();
    private long _generation;

    private readonly bool _keyByHost;

    public PageCache(ContentStore content, Microsoft.Extensions.Options.IOptions<SiteOptions> site)
        : this(content, site, maxEntries: 5000, maxBytes: 128L * 1024 * 1024)
    {
    }

    /// <summary>A cache of at most <paramref name="maxEntries"/> responses and <paramref name="maxBytes"/> bytes (bodies and their compressed forms).</summary>
    public PageCache(ContentStore content, Microsoft.Extensions.Options.IOptions<SiteOptions> site, int maxEntries, long maxBytes)
    {
        _content = content;
        _maxEntries = maxEntries;
        _maxBytes = maxBytes;
        // Pages carry absolute URLs (canonical, hreflang, feeds). Without Site:BaseUrl they come from the request's
        // scheme and host, so those are part of the key; with it, every host gets the same page.
        _keyByHost = string.IsNullOrEmpty(site.Value.BaseUrl);
        content.Reloaded += _ => Clear();
    }

    /// <summary>A stored response; <c>CreatedTicks</c> is <see cref="Environment.TickCount64"/> at storing (cheaper to read than the clock).</summary>
    /// <remarks><c>VariesByAccept</c>: the endpoint answers JSON or HTML for the same URL (<see cref="VaryByAcceptAttribute"/>).</remarks>
    public sealed record Entry(int Status, string ContentType, byte[] Body, string ETag, long CreatedTicks, StringValues Location, bool VariesByAccept)
    {
        /// <summary>When the entry last answered a request (<see cref="Environment.TickCount64"/>): eviction keeps the hot ones.</summary>
        public long LastUsed { get; set; } = CreatedTicks;

        /// <summary>The gzip and Brotli forms, made when first asked for (<see cref="Compressed"/>).</summary>
        internal byte[]? Gzip, Brotli;

        /// <summary>
        /// What the entry counts against the byte bound: its body and room for both compressed forms (smaller than the
        /// body for any real page), fixed at storing so the count cannot drift when a form is made later.
        /// </summary>
        public long Size => 3L * Body.Length;
    }

    /// <summary>
    /// The entry's body in gzip or Brotli, compressed the first time a client asks for it. Not when storing: the first
    /// response goes out as rendered anyway, and most URLs of a big site are asked for once (a crawler, a random walk)
    /// before they leave the cache; compressing every one of them twice cost more than rendering it.
    /// </summary>
    public static byte[] Compressed(Entry entry, bool brotli)
    {
        ref var kept = ref brotli ? ref entry.Brotli : ref entry.Gzip;
        if (Volatile.Read(ref kept) is { } done)
        {
            return done;
        }
        var made = Compress(entry.Body, gzip: !brotli);
        // Another request may have made it first; theirs is kept.
        return Interlocked.CompareExchange(ref kept, made, null) ?? made;
    }

    public int Count => _entries.Count;

    // The hashes of recently asked-for keys that were not in the cache, one per slot (see Admits).
    private readonly int[] _seen = new int[1 << 14];

    /// <summary>
    /// Whether a response for <paramref name="key"/>, not in the cache, should be kept: from the second time the key
    /// is asked for while the last ~16,000 uncached keys are remembered. Most URLs of a big site are asked for once (a
    /// crawler, a random walk); kept, each pushed a hot page out and lived long enough to be promoted to the old
    /// generation, where only full collections of the whole heap free it. Racing requests may both be told "no": a
    /// page is then kept one request later. The memory survives <see cref="Clear"/>, so a hot page is kept again at
    /// its first request after a change.
    /// </summary>
    public bool Admits(string key)
    {
        var hash = string.GetHashCode(key, StringComparison.Ordinal) | 1; // never 0, an empty slot
        ref var slot = ref _seen[hash & (_seen.Length - 1)];
        if (Volatile.Read(ref slot) == hash)
        {
            return true;
        }
        Volatile.Write(ref slot, hash);
        return false;
    }

    /// <summary>Changes whenever the cache is emptied; a response rendered across a change is not stored.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    // URLs that answered with a personal page (a form: it sets a cookie and says no-store). Their responses are not
    // buffered for the cache at all: copying a page that is then refused cost a form page 10%. Bounded, and emptied
    // with the cache, so a page that stops being personal is kept again.
    private const int MaxPersonal = 1000;
    private readonly ConcurrentDictionary<string, byte> _personal = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="key"/> answered with a personal page since the cache was last emptied, so there is no point offering its next answer to the cache.</summary>
    public bool IsPersonal(string key) => _personal.ContainsKey(key);

    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
        _personal.Clear();
        _readers.Clear();
        Interlocked.Exchange(ref _bytes, 0);
        Interlocked.Exchange(ref _count, 0);
    }


    public static bool IsCacheableRequest(HttpContext context)
    {
        var request = context.Request;
        var extension = Path.GetExtension(request.Path.Value) ?? "";
        return (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            // Files (images, PDFs, the stylesheet) stream from disk with their own ETags; feeds and calendars are pages.
            && (extension.Length == 0 || extension is ".xml" or ".ics" or ".txt")
            && !request.Path.StartsWithSegments("/staff", StringComparison.OrdinalIgnoreCase)
            && !request.Path.StartsWithSegments("/healthz") && !request.Path.StartsWithSegments("/readyz")
            && !request.Headers.ContainsKey(HeaderNames.Authorization)
            // An error page rendered for another URL belongs to that URL, not to /status/….
            && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null
            && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>() is null;
    }

    public string Key(HttpRequest request) =>
        _keyByHost ? string.Concat(request.Scheme, "://", request.Host.Value, PathKey(request)) : PathKey(request);

    private static string PathKey(HttpRequest request)
    {
        var path = request.Path.Value ?? "/";
        // The common case, an HTML page without a query string, is keyed by the path string itself: no allocation.
        return request.QueryString.HasValue ? string.Concat(path, request.QueryString.Value) : path;
    }

    /// <summary>Where the JSON answer of an endpoint that varies by Accept is kept.</summary>
    private static string JsonKey(string key) => string.Concat("\u0001json ", key);

    private static bool WantsJson(HttpRequest request)
    {
        foreach (var accept in request.Headers.Accept)
        {
            if (accept?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true)
            {
                return true;
            }
        }
        return false;
    }

    public Entry? Find(HttpRequest request, string key)
    {
        // What a cached response depends on besides its URL: the content snapshot, compared by reference since
        // this runs on every request. (The search index clears the cache itself when it changes.)
        var snapshot = _content.Current;
        if (!ReferenceEquals(snapshot, Volatile.Read(ref _cachedSnapshot)))
        {
            lock (_versionLock)
            {
                Clear();
                Volatile.Write(ref _cachedSnapshot, snapshot);
            }
            return null;
        }
        if (request.Headers.Accept.Count > 0 && WantsJson(request))
        {
            // Only endpoints that vary by Accept ever store a JSON answer; the others answer the same to everyone.
            return Fresh(JsonKey(key)) ?? (Fresh(key) is { VariesByAccept: false } shared ? shared : null);
        }
        return Fresh(key);
    }

    private Entry? Fresh(string key)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            return null;
        }
        var now = Environment.TickCount64;
        if (now - entry.CreatedTicks >= MaxAge.TotalMilliseconds)
        {
            return null;
        }
        entry.LastUsed = now;
        return entry;
    }

    /// <summary>Keeps a response rendered since <paramref name="generation"/>, when it may be shared with everyone.</summary>
    public void Store(string key, HttpContext context, long generation, byte[] body)
    {
        var response = context.Response;
        var headers = response.Headers;
        var cacheControl = headers.CacheControl.ToString();
        var contentType = response.ContentType ?? "";
        var personal = headers.ContainsKey(HeaderNames.SetCookie) || cacheControl.Contains("no-store", StringComparison.OrdinalIgnoreCase);
        if (personal && response.StatusCode == 200 && _personal.Count < MaxPersonal)
        {
            _personal.TryAdd(key, 0);
        }
        // Only what the site has: a 404 or an unknown query parameter is anyone's to invent, and would fill the cache with junk.
        if (response.StatusCode is not (200 or 301) || body.Length > MaxBodyBytes || !HasOnlyKnownQueryKeys(context)
            || personal || cacheControl.Contains("private", StringComparison.OrdinalIgnoreCase)
            || cacheControl.Contains("no-cache", StringComparison.OrdinalIgnoreCase)
            || !(contentType.StartsWith("text/", StringComparison.Ordinal) || contentType.Contains("xml", StringComparison.Ordinal) || contentType.Contains("json", StringComparison.Ordinal)))
        {
            return;
        }
        if (generation != Generation)
        {
            return;
        }
        var variesByAccept = context.GetEndpoint()?.Metadata.GetMetadata<VaryByAcceptAttribute>() is not null;
        if (variesByAccept && WantsJson(context.Request))
        {
            key = JsonKey(key);
        }
        var etag = "\"" + Convert.ToHexString(SHA256.HashData(body).AsSpan(0, 12)) + "\"";
        var entry = new Entry(response.StatusCode, response.ContentType!, body, etag, Environment.TickCount64, headers.Location, variesByAccept);
        while (true)
        {
            if (_entries.TryAdd(key, entry))
            {
                Interlocked.Increment(ref _count);
                break;
            }
            if (_entries.TryGetValue(key, out var old) && _entries.TryUpdate(key, entry, old))
            {
                Interlocked.Add(ref _bytes, -old.Size);
                break;
            }
        }
        Interlocked.Add(ref _bytes, entry.Size);
        if (Volatile.Read(ref _count) > _maxEntries || Interlocked.Read(ref _bytes) > _maxBytes)
        {
            Evict();
        }
    }

    /// <summary>Drops the least recently used entries until the cache is at four fifths of its bounds.</summary>
    private void Evict()
    {
        lock (_evictionLock)
        {
            foreach (var (key, entry) in _entries.ToArray().OrderBy(e => e.Value.LastUsed))
            {
                if (Volatile.Read(ref _count) <= _maxEntries * 4 / 5 && Interlocked.Read(ref _bytes) <= _maxBytes * 4 / 5)
                {
                    break;
                }
                if (_entries.TryRemove(new KeyValuePair<string, Entry>(key, entry)))
                {
                    Interlocked.Decrement(ref _count);
                    Interlocked.Add(ref _bytes, -entry.Size);
                }
            }
        }
    }

    private static readonly ConcurrentDictionary<Endpoint, HashSet<string>> QueryKeys = new();

    /// <summary>The query keys a page reads: its action's (parameters, and the properties of a filter model), and those starting with a prefix the page named.</summary>
    private sealed record QueryReader(HashSet<string> Keys, string[] Prefixes)
    {
        public bool Reads(string key) => Keys.Contains(key) || Prefixes.Any(p => key.StartsWith(p, StringComparison.OrdinalIgnoreCase));
    }

    private const string PrefixesItem = "PageCache.QueryPrefixes";

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
        var known = QueryKeys.GetOrAdd(endpoint, _ => action.Parameters.SelectMany(p =>
                p.ParameterType == typeof(string) || p.ParameterType.IsValueType
                    ? [p.BindingInfo?.BinderModelName ?? p.Name]
                    : p.ParameterType.GetProperties().Where(q => q.CanWrite).Select(q => q.Name))
            .ToHashSet(StringComparer.OrdinalIgnoreCase));
        return new QueryReader(known, context.Items[PrefixesItem] as string[] ?? []);
    }

    /// <summary>Whether every query-string key is one the page reads.</summary>
    private static bool HasOnlyKnownQueryKeys(HttpContext context) =>
        !context.Request.QueryString.HasValue || (ReaderOf(context) is { } reader && context.Request.Query.Keys.All(reader.Reads));

    // What each path's page read from the query string when it was last rendered, so that a later request's keys the page
    // does not read (?utm_source=…, ?x=1) can be left out before it is looked up or rendered: such variants share one
    // answer instead of each rendering the page anew. Bounded, and forgotten with the cache (a page may gain a table).
    private const int MaxReaders = 10_000;
    private readonly ConcurrentDictionary<string, QueryReader> _readers = new(StringComparer.Ordinal);

    private string ReaderKey(HttpRequest request) =>
        _keyByHost ? string.Concat(request.Scheme, "://", request.Host.Value, request.Path.Value) : request.Path.Value ?? "/";

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
    public bool DropUnreadQueryKeys(HttpRequest request)
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

    private static byte[] Compress(byte[] body, bool gzip)
    {
        using var output = new MemoryStream();
        // Optimal, not SmallestSize: Brotli at its highest quality took ~25 ms per page, paid by every first visitor of a URL.
        using (Stream compressor = gzip ? new GZipStream(output, CompressionLevel.Optimal) : new BrotliStream(output, CompressionLevel.Optimal))
        {
            compressor.Write(body);
        }
        return output.ToArray();
    }
}

/// <summary>Answers from <see cref="PageCache"/> when it can; otherwise lets the app render and offers the result to the cache.</summary>
public sealed class PageCacheMiddleware(RequestDelegate next, PageCache cache)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!PageCache.IsCacheableRequest(context))
        {
            await next(context);
            return;
        }
        // Keys its page does not read are left out first (Request.Query follows the new query string).
        cache.DropUnreadQueryKeys(request);
        var key = cache.Key(request);
        if (cache.Find(request, key) is { } entry)
        {
            await Serve(context, entry);
            return;
        }
        if (cache.IsPersonal(key) || !cache.Admits(key))
        {
            await next(context);
            cache.Learn(context);
            return;
        }

        var generation = cache.Generation;
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        cache.Learn(context);
        var body = buffer.ToArray();
        if (HttpMethods.IsGet(request.Method))
        {
            cache.Store(key, context, generation, body);
        }
        if (body.Length > 0)
        {
            // Writing nothing would start the response, and the error pages could no longer fill in a bare status.
            await original.WriteAsync(body, context.RequestAborted);
        }
    }

    private static Task Serve(HttpContext context, PageCache.Entry entry)
    {
        var response = context.Response;
        var headers = response.Headers;
        headers.ETag = entry.ETag;
        headers.Vary = "Accept-Encoding, Accept";
        headers.CacheControl = "public, no-cache"; // browsers keep it but ask again; the ETag makes that a 304
        if (entry.Location.Count > 0)
        {
            headers.Location = entry.Location;
        }
        if (context.Request.Headers.IfNoneMatch.Count > 0 && context.Request.Headers.IfNoneMatch.Contains(entry.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }
        response.StatusCode = entry.Status;
        response.ContentType = entry.ContentType;
        var body = entry.Body;
        switch (AcceptEncoding.Choose(context.Request.Headers.AcceptEncoding))
        {
            case "br":
                headers.ContentEncoding = "br";
                body = PageCache.Compressed(entry, brotli: true);
                break;
            case "gzip":
                headers.ContentEncoding = "gzip";
                body = PageCache.Compressed(entry, brotli: false);
                break;
        }
        response.ContentLength = body.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }
}

/// <summary>Content codings as the client weighs them (RFC 9110 12.5.3).</summary>
public static class AcceptEncoding
{
    /// <summary>
    /// <c>br</c>, <c>gzip</c> or null (send as is): the one with the highest weight above zero, Brotli on a tie. A coding
    /// not named takes the weight of <c>*</c>, or none; <c>br;q=0</c> refuses Brotli.
    /// </summary>
    public static string? Choose(Microsoft.Extensions.Primitives.StringValues header)
    {
        if (header.Count == 0)
        {
            return null;
        }
        if (header.Count == 1 && header[0] is { } plain && !plain.Contains(';', StringComparison.Ordinal) && !plain.Contains('*', StringComparison.Ordinal))
        {
            // The common case (browsers send "gzip, deflate, br, zstd"): no weights, so no parsing on every cached request.
            return plain.Contains("br", StringComparison.OrdinalIgnoreCase) ? "br" : plain.Contains("gzip", StringComparison.OrdinalIgnoreCase) ? "gzip" : null;
        }
        double? br = null, gzip = null, any = null;
        if (StringWithQualityHeaderValue.TryParseList(header, out var values))
        {
            foreach (var value in values)
            {
                var weight = value.Quality ?? 1;
                switch (value.Value.Value?.ToLowerInvariant())
                {
                    case "br":
                        br = weight;
                        break;
                    case "gzip" or "x-gzip":
                        gzip = weight;
                        break;
                    case "*":
                        any = weight;
                        break;
                }
            }
        }
        var brWeight = br ?? any ?? 0;
        var gzipWeight = gzip ?? any ?? 0;
        return brWeight > 0 && brWeight >= gzipWeight ? "br" : gzipWeight > 0 ? "gzip" : null;
    }
}

/// <summary>Endpoint metadata: the action answers JSON or HTML for the same URL by the Accept header, so the page cache keeps both.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class VaryByAcceptAttribute : Attribute;

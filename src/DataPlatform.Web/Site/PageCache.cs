using System.Collections.Concurrent;
using System.Security.Cryptography;
using DataPlatform.Content;
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

    private readonly ConcurrentDictionary<string, CachedPage> _entries = new(StringComparer.Ordinal);
    private readonly ContentStore _content;
    private ContentSnapshot? _cachedSnapshot;
    private readonly Lock _versionLock = new();
    private long _generation;

    private readonly bool _keyByHost;

    // Ages are in the clock's timestamps: as cheap to read as Environment.TickCount64, and a test's clock can move them.
    private readonly TimeProvider _clock;
    private readonly long _maxAge;

    public PageCache(ContentStore content, Microsoft.Extensions.Options.IOptions<SiteOptions> site, TimeProvider clock)
        : this(content, site, clock, maxEntries: 5000, maxBytes: 128L * 1024 * 1024)
    {
    }

    /// <summary>A cache of at most <paramref name="maxEntries"/> responses and <paramref name="maxBytes"/> bytes (bodies and their compressed forms).</summary>
    public PageCache(ContentStore content, Microsoft.Extensions.Options.IOptions<SiteOptions> site, TimeProvider clock, int maxEntries, long maxBytes)
    {
        _content = content;
        _clock = clock;
        _maxAge = (long)(MaxAge.TotalSeconds * clock.TimestampFrequency);
        _maxEntries = maxEntries;
        _maxBytes = maxBytes;
        // Pages carry absolute URLs (canonical, hreflang, feeds). Without Site:BaseUrl they come from the request's
        // scheme and host, so those are part of the key; with it, every host gets the same page.
        _keyByHost = string.IsNullOrEmpty(site.Value.BaseUrl);
        QueryKeys = new PageQueryKeys(_keyByHost);
        content.Reloaded += _ => Clear();
    }

    /// <summary>What each page reads from the query string.</summary>
    public PageQueryKeys QueryKeys { get; }

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
        QueryKeys.Clear();
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

    public CachedPage? Find(HttpRequest request, string key)
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

    private CachedPage? Fresh(string key)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            return null;
        }
        var now = _clock.GetTimestamp();
        if (now - entry.CreatedTicks >= _maxAge)
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
        if (response.StatusCode is not (200 or 301) || body.Length > MaxBodyBytes || !PageQueryKeys.HasOnlyKnown(context)
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
        var entry = new CachedPage(response.StatusCode, response.ContentType!, body, etag, _clock.GetTimestamp(), headers.Location, variesByAccept);
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
                if (_entries.TryRemove(new KeyValuePair<string, CachedPage>(key, entry)))
                {
                    Interlocked.Decrement(ref _count);
                    Interlocked.Add(ref _bytes, -entry.Size);
                }
            }
        }
    }
}

using System.Collections.Concurrent;
using System.IO.Compression;
using System.Security.Cryptography;
using DataPlatform.Content;
using DataPlatform.Web.Search;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace DataPlatform.Web.Site;

/// <summary>
/// Anonymous pages served from memory: the first GET of a URL renders it, the response is kept with its
/// gzip and Brotli forms and an ETag, and later requests are answered before routing, MVC or Razor run.
/// Nothing personal is kept: a response that sets a cookie, says <c>no-store</c>/<c>private</c> (antiforgery
/// forms do), or comes from <c>/staff</c> is never stored. The cache empties whenever the content snapshot or
/// the search index changes (and at every scheduled change: publish dates, notices, events ending), and an
/// entry lives at most <see cref="MaxAge"/> as a bound on anything time-dependent that was missed.
/// </summary>
public sealed class PageCache
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);
    private const int MaxEntries = 5000;
    private const int MaxBodyBytes = 1024 * 1024;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ContentStore _content;
    private readonly SearchIndexer _search;
    private ContentSnapshot? _cachedSnapshot;
    private string? _cachedIndexVersion;
    private readonly Lock _versionLock = new();

    private readonly bool _keyByHost;

    public PageCache(ContentStore content, SearchIndexer search, Microsoft.Extensions.Options.IOptions<SiteOptions> site)
    {
        _content = content;
        _search = search;
        // Pages carry absolute URLs (canonical, hreflang, feeds). Without Site:BaseUrl they come from the request's
        // scheme and host, so those are part of the key; with it, every host gets the same page.
        _keyByHost = string.IsNullOrEmpty(site.Value.BaseUrl);
        content.Reloaded += _ => Clear();
    }

    /// <summary>A stored response; <c>CreatedTicks</c> is <see cref="Environment.TickCount64"/> at storing (cheaper to read than the clock).</summary>
    public sealed record Entry(int Status, string ContentType, byte[] Body, byte[] Gzip, byte[] Brotli, string ETag, long CreatedTicks, StringValues Location);

    public int Count => _entries.Count;

    public void Clear() => _entries.Clear();


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
        // Search answers JSON or HTML for the same URL, by the Accept header.
        var json = false;
        foreach (var accept in request.Headers.Accept)
        {
            json |= accept?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true;
        }
        var path = request.Path.Value ?? "/";
        // The common case, an HTML page without a query string, is keyed by the path string itself: no allocation.
        return json ? string.Concat("\u0001json ", path, request.QueryString.Value)
            : request.QueryString.HasValue ? string.Concat(path, request.QueryString.Value)
            : path;
    }

    public Entry? Find(string key)
    {
        // What a cached response depends on besides its URL: the content snapshot and what search has indexed.
        // Compared by reference, since this runs on every request.
        var snapshot = _content.Current;
        var indexed = _search.IndexedVersion;
        if (!ReferenceEquals(snapshot, Volatile.Read(ref _cachedSnapshot)) || !ReferenceEquals(indexed, Volatile.Read(ref _cachedIndexVersion)))
        {
            lock (_versionLock)
            {
                Clear();
                Volatile.Write(ref _cachedSnapshot, snapshot);
                Volatile.Write(ref _cachedIndexVersion, indexed);
            }
            return null;
        }
        return _entries.TryGetValue(key, out var entry) && Environment.TickCount64 - entry.CreatedTicks < MaxAge.TotalMilliseconds ? entry : null;
    }

    public void Store(string key, HttpResponse response, byte[] body)
    {
        var headers = response.Headers;
        var cacheControl = headers.CacheControl.ToString();
        var contentType = response.ContentType ?? "";
        if (response.StatusCode is not (200 or 404 or 301) || body.Length > MaxBodyBytes
            || headers.ContainsKey(HeaderNames.SetCookie)
            || cacheControl.Contains("no-store", StringComparison.OrdinalIgnoreCase) || cacheControl.Contains("private", StringComparison.OrdinalIgnoreCase)
            || cacheControl.Contains("no-cache", StringComparison.OrdinalIgnoreCase)
            || !(contentType.StartsWith("text/", StringComparison.Ordinal) || contentType.Contains("xml", StringComparison.Ordinal) || contentType.Contains("json", StringComparison.Ordinal)))
        {
            return;
        }
        if (_entries.Count >= MaxEntries)
        {
            // Query strings are unbounded (searches): rather than grow, start over.
            Clear();
        }
        var etag = "\"" + Convert.ToHexString(SHA256.HashData(body).AsSpan(0, 12)) + "\"";
        _entries[key] = new Entry(response.StatusCode, contentType, body, Compress(body, gzip: true), Compress(body, gzip: false), etag, Environment.TickCount64,
            headers.Location);
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
        var key = cache.Key(request);
        if (cache.Find(key) is { } entry)
        {
            await Serve(context, entry);
            return;
        }

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
        var body = buffer.ToArray();
        if (HttpMethods.IsGet(request.Method))
        {
            cache.Store(key, context.Response, body);
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
        SiteExtensions.ApplySecurityHeaders(headers);
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
        var accept = context.Request.Headers.AcceptEncoding.ToString();
        var body = entry.Body;
        if (accept.Contains("br", StringComparison.OrdinalIgnoreCase))
        {
            headers.ContentEncoding = "br";
            body = entry.Brotli;
        }
        else if (accept.Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            headers.ContentEncoding = "gzip";
            body = entry.Gzip;
        }
        response.ContentLength = body.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }
}

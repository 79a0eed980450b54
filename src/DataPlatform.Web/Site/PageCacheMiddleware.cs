namespace DataPlatform.Web.Site;

/// <summary>Answers from <see cref="PageCache"/> when it can; otherwise lets the app render and offers the result to the cache.</summary>
public sealed class PageCacheMiddleware(RequestDelegate next, PageCache cache, PortalMetrics metrics)
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
        cache.QueryKeys.DropUnread(request);
        var key = cache.Key(request);
        if (cache.Find(request, key) is { } entry)
        {
            metrics.PageCache(hit: true);
            await Serve(context, entry);
            return;
        }
        metrics.PageCache(hit: false);
        if (cache.IsPersonal(key) || !cache.Admits(key))
        {
            await next(context);
            cache.QueryKeys.Learn(context);
            return;
        }

        var generation = cache.Generation;
        var body = await BufferedResponse.RunAsync(context, next);
        cache.QueryKeys.Learn(context);
        if (HttpMethods.IsGet(request.Method))
        {
            cache.Store(key, context, generation, body);
        }
        if (body.Length > 0)
        {
            // Writing nothing would start the response, and the error pages could no longer fill in a bare status.
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    private static Task Serve(HttpContext context, CachedPage entry)
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
                body = entry.Compressed(brotli: true);
                break;
            case "gzip":
                headers.ContentEncoding = "gzip";
                body = entry.Compressed(brotli: false);
                break;
        }
        response.ContentLength = body.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }
}

namespace DataPlatform.Web.Site;

public static class BufferedResponse
{
    /// <summary>
    /// Runs the rest of the pipeline with the response body kept in memory and returns it; the real body is put back
    /// untouched, for the caller to write what it decides (the page cache keeps it, a preview rewrites its links).
    /// </summary>
    public static async Task<byte[]> RunAsync(HttpContext context, RequestDelegate next)
    {
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
        return buffer.ToArray();
    }
}

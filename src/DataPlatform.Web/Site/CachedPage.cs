using System.IO.Compression;
using Microsoft.Extensions.Primitives;

namespace DataPlatform.Web.Site;

/// <summary>A response kept by <see cref="PageCache"/>; <c>CreatedTicks</c> is the clock's timestamp (<see cref="TimeProvider.GetTimestamp"/>) at storing.</summary>
/// <remarks><c>VariesByAccept</c>: the endpoint answers JSON or HTML for the same URL (<see cref="VaryByAcceptAttribute"/>).</remarks>
public sealed record CachedPage(int Status, string ContentType, byte[] Body, string ETag, long CreatedTicks, StringValues Location, bool VariesByAccept)
{
    /// <summary>When the entry last answered a request (a timestamp): eviction keeps the hot ones.</summary>
    public long LastUsed { get; set; } = CreatedTicks;

    /// <summary>The gzip and Brotli forms, made when first asked for (<see cref="Compressed"/>).</summary>
    private byte[]? _gzip, _brotli;

    /// <summary>
    /// What the entry counts against the byte bound: its body and room for both compressed forms (smaller than the
    /// body for any real page), fixed at storing so the count cannot drift when a form is made later.
    /// </summary>
    public long Size => 3L * Body.Length;

    /// <summary>
    /// The body in gzip or Brotli, compressed the first time a client asks for it. Not when storing: the first
    /// response goes out as rendered anyway, and most URLs of a big site are asked for once (a crawler, a random walk)
    /// before they leave the cache; compressing every one of them twice cost more than rendering it.
    /// </summary>
    public byte[] Compressed(bool brotli)
    {
        ref var kept = ref brotli ? ref _brotli : ref _gzip;
        if (Volatile.Read(ref kept) is { } done)
        {
            return done;
        }
        var made = Compress(Body, gzip: !brotli);
        // Another request may have made it first; theirs is kept.
        return Interlocked.CompareExchange(ref kept, made, null) ?? made;
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

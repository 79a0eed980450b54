using Microsoft.Net.Http.Headers;

namespace DataPlatform.Web.Site;

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

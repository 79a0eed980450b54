using System.Net;

namespace DataPlatform.Tests.Infrastructure;

/// <summary>
/// Follows every internal link, image and stylesheet from the start pages; reports what does not answer 200.
/// A <c>rel="nofollow"</c> link (facets, exports: combinations without end) is checked but not followed further.
/// </summary>
public static class SiteCrawler
{
    public sealed record Result(IReadOnlyCollection<string> Visited, IReadOnlyList<string> Broken, IReadOnlyList<string> HtmlPages);

    public static async Task<Result> CrawlAsync(HttpClient client, params string[] start)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<(string Url, string From, bool Follow)>(start.Select(s => (s, "start", true)));
        var broken = new List<string>();
        var pages = new List<string>();
        var origin = client.BaseAddress?.GetLeftPart(UriPartial.Authority) ?? "http://localhost";
        while (queue.Count > 0)
        {
            var (url, from, follow) = queue.Dequeue();
            if (!seen.Add(url))
            {
                continue;
            }
            var response = await client.GetAsync(url);
            if (response.StatusCode is HttpStatusCode.MovedPermanently or HttpStatusCode.Found)
            {
                var location = response.Headers.Location!;
                queue.Enqueue((location.IsAbsoluteUri ? location.PathAndQuery : location.ToString(), url, follow));
                continue;
            }
            if (response.StatusCode != HttpStatusCode.OK)
            {
                broken.Add($"{url} ({(int)response.StatusCode}) linked from {from}");
                continue;
            }
            if (!follow || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }
            pages.Add(url);
            var document = await Html.ParseAsync(response);
            foreach (var link in document.QuerySelectorAll("a[href], img[src], link[href]"))
            {
                var target = link.GetAttribute("href") ?? link.GetAttribute("src")!;
                if (target.StartsWith(origin, StringComparison.Ordinal) || target.StartsWith("http://localhost/", StringComparison.Ordinal))
                {
                    target = new Uri(target).PathAndQuery;
                }
                // Staff pages and forms' actions need more than a GET; everything else must answer.
                if (target.StartsWith('/') && !target.StartsWith("//", StringComparison.Ordinal) && !target.StartsWith("/staff/", StringComparison.Ordinal))
                {
                    queue.Enqueue((target.Split('#')[0], url, !(link.GetAttribute("rel") ?? "").Split(' ').Contains("nofollow")));
                }
            }
        }
        return new Result(seen, broken, pages);
    }
}

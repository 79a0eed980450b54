using AngleSharp;
using AngleSharp.Dom;

namespace DataPlatform.Tests.Infrastructure;

/// <summary>Parses responses into DOM documents so tests assert on elements, not on strings.</summary>
public static class Html
{
    private static readonly IBrowsingContext Context = BrowsingContext.New(Configuration.Default);

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return await Context.OpenAsync(request => request.Content(html).Address(response.RequestMessage?.RequestUri?.ToString() ?? "http://localhost/"));
    }

    /// <summary>A fragment of markup (a drawn chart) as a document.</summary>
    public static async Task<IDocument> ParseTextAsync(string html) => await Context.OpenAsync(request => request.Content(html));

    public static async Task<IDocument> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return await ParseAsync(response);
    }
}

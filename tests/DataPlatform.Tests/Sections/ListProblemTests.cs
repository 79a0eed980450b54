using System.Net;
using DataPlatform.Tests.Infrastructure;

namespace DataPlatform.Tests.Sections;

/// <summary>Every list answers a filter it cannot use the same way: 400, the problem above an empty list in the visitor's language, a link that clears the filter, no facets.</summary>
public sealed class ListProblemTests(ListProblemTests.ListsPortal portal) : IClassFixture<ListProblemTests.ListsPortal>
{
    public sealed class ListsPortal : PortalFixture
    {
        protected override Task<PortalFactory> CreateAsync() => PortalFactory.CreateAsync(Fixtures.Path("portal"));
    }

    [Theory]
    [InlineData("/events/", "The search words can be at most 200 characters.")]
    [InlineData("/services/", "The search words can be at most 200 characters.")]
    [InlineData("/publications/", "The search words can be at most 200 characters.")]
    [InlineData("/datasets/", "The search words can be at most 200 characters.")]
    [InlineData("/sv/events/", "Sökorden kan vara högst 200 tecken.")]
    [InlineData("/sv/services/", "Sökorden kan vara högst 200 tecken.")]
    [InlineData("/sv/publications/", "Sökorden kan vara högst 200 tecken.")]
    [InlineData("/sv/datasets/", "Sökorden kan vara högst 200 tecken.")]
    public async Task Search_words_too_long_get_the_same_answer_on_every_list(string list, string problem)
    {
        var response = await portal.Client.GetAsync(list + "?q=" + new string('x', 201));
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([problem], page.QuerySelectorAll(".error-summary li").Select(li => li.TextContent));
        Assert.Equal(list, page.QuerySelector(".error-summary p a")!.GetAttribute("href"));
        Assert.Empty(page.QuerySelectorAll(".facet"));
    }
}

using System.Text.RegularExpressions;
using DataPlatform.Content;
using DataPlatform.Tests.Infrastructure;
using DataPlatform.Web.Site;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace DataPlatform.Tests.Content;

/// <summary><see cref="AppRoutes"/> (what links may point to) against the endpoints the app really has.</summary>
public sealed partial class RouteTests(SitePortal portal) : IClassFixture<SitePortal>
{
    private readonly IReadOnlyList<RouteEndpoint> _endpoints = portal.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    [Fact]
    public void Every_fixed_path_the_controllers_answer_is_in_AppRoutes_and_nothing_else_is()
    {
        var actual = _endpoints
            .Where(e => e.Metadata.GetMetadata<ControllerActionDescriptor>() is not null
                && e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .SelectMany(e => Paths(e.RoutePattern))
            // The staff area is one entry (everything under /staff/ is the app's); status pages are never linked.
            .Where(p => !(p.StartsWith("/staff/", StringComparison.Ordinal) && p != AppRoutes.Staff) && !p.StartsWith("/status/", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        var expected = AppRoutes.Bilingual.Concat(AppRoutes.SectionLists)
            .SelectMany(path => SiteLanguage.All.Select(l => l.Localize(path)))
            .Concat(AppRoutes.Neutral.Where(p => p is not ("/healthz" or "/readyz" or "/version")))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("healthz")]
    [InlineData("readyz")]
    [InlineData("version")]
    public void The_health_endpoints_in_AppRoutes_exist(string pattern)
    {
        Assert.Contains($"/{pattern}", AppRoutes.Neutral);
        Assert.Single(_endpoints, e => e.RoutePattern.RawText == "/" + pattern);
    }

    [Fact]
    public void Every_bilingual_route_has_its_swedish_twin_from_the_convention()
    {
        var patterns = _endpoints.Where(e => e.Metadata.GetMetadata<ControllerActionDescriptor>() is not null)
            .Select(e => e.RoutePattern.RawText!.TrimStart('/')).ToHashSet(StringComparer.Ordinal);

        foreach (var pattern in patterns.Where(p => p.StartsWith("sv/", StringComparison.Ordinal)))
        {
            Assert.Contains(pattern["sv/".Length..], patterns);
        }
        Assert.Contains("sv/contact", patterns);
        Assert.DoesNotContain("sv/staff", patterns);
        Assert.DoesNotContain("sv/sitemap.xml", patterns);
    }

    /// <summary>Fixture sites where one language has almost nothing: every link the layout, lists and pages generate answers.</summary>
    [Theory]
    [InlineData("site")]
    [InlineData("sparse")]
    [InlineData("outputs")]
    [InlineData("dirs")]
    public async Task No_link_the_portal_generates_leads_to_a_404_on_a_fixture_site(string fixture)
    {
        await using var factory = await PortalFactory.CreateAsync(Fixtures.Path(fixture), fixture == "dirs"
            ? new Dictionary<string, string?> { ["Content:Layout"] = "Directories", ["Content:Directories:en"] = "english", ["Content:Directories:sv"] = "svenska" }
            : null);

        var result = await SiteCrawler.CrawlAsync(factory.CreatePlainClient(), "/", "/sv/");

        Assert.Empty(result.Broken);
        Assert.True(result.HtmlPages.Count > 10, $"only {result.HtmlPages.Count} pages crawled");
    }

    /// <summary>The concrete paths of a pattern: parameters constrained to a list of words give one path per word; other parameters none.</summary>
    private static IEnumerable<string> Paths(RoutePattern pattern)
    {
        IEnumerable<string> paths = [""];
        foreach (var segment in pattern.PathSegments)
        {
            if (segment.Parts is [RoutePatternLiteralPart literal])
            {
                paths = paths.Select(p => p + "/" + literal.Content);
                continue;
            }
            if (segment.Parts is [RoutePatternParameterPart parameter] && Words(parameter) is { Count: > 0 } words)
            {
                paths = paths.SelectMany(p => words.Select(w => p + "/" + w)).ToList();
                continue;
            }
            return [];
        }
        return paths.Select(p => p.Length == 0 ? "/" : Path.HasExtension(p) ? p : p + "/");
    }

    private static List<string> Words(RoutePatternParameterPart parameter) =>
        parameter.ParameterPolicies.Select(p => p.Content).OfType<string>()
            .Select(c => WordList().Match(c)).Where(m => m.Success).SelectMany(m => m.Groups[1].Value.Split('|')).ToList();

    [GeneratedRegex(@"^regex\(\^\(([a-z|-]+)\)\$\)$")]
    private static partial Regex WordList();
}

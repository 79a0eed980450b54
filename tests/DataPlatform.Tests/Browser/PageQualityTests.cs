using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace DataPlatform.Tests.Browser;

/// <summary>
/// One page of every kind, in both languages, in real Chromium at desktop and phone widths: zero axe
/// violations for WCAG 2.1 A and AA, no console errors, no horizontal scrolling on a phone, and a
/// full-page screenshot of each for a person to look at.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class PageQualityTests(BrowserPortal fixture)
{
    /// <summary>Page kinds: a name for the screenshot, the URL, and how to reach the state (submit: post the form empty; staff: sign in first).</summary>
    public static TheoryData<string, string> Pages
    {
        get
        {
            var pages = new TheoryData<string, string>();
            foreach (var (prefix, language) in new[] { ("", "en"), ("/sv", "sv") })
            {
                pages.Add($"home-{language}", prefix + "/");
                pages.Add($"section-{language}", prefix + "/about/");
                pages.Add($"page-{language}", prefix + "/privacy/");
                pages.Add($"toc-page-{language}", prefix + "/about/technical-environment/");
                pages.Add($"highlights-{language}", prefix + "/highlights/");
                pages.Add($"highlight-{language}", prefix + "/highlights/fair-principles/");
                pages.Add($"tag-{language}", prefix + (language == "en" ? "/highlights/tags/fair/" : "/highlights/tags/fair/"));
                pages.Add($"news-{language}", prefix + "/news/");
                pages.Add($"news-item-{language}", prefix + "/news/norwegian-infrastructures-agreement/");
                pages.Add($"events-{language}", prefix + "/events/");
                pages.Add($"events-past-{language}", prefix + "/events/past/");
                pages.Add($"event-{language}", prefix + "/events/fair-data-course/");
                pages.Add($"search-{language}", prefix + "/search/?q=data");
                pages.Add($"contact-{language}", prefix + "/contact/");
                pages.Add($"contact-errors-{language}", "submit:" + prefix + "/contact/");
                pages.Add($"suggest-event-{language}", prefix + "/events/suggest/");
                pages.Add($"suggest-event-errors-{language}", "submit:" + prefix + "/events/suggest/");
                pages.Add($"suggest-highlight-{language}", prefix + "/highlights/suggest/");
                pages.Add($"suggest-highlight-errors-{language}", "submit:" + prefix + "/highlights/suggest/");
                pages.Add($"thanks-{language}", prefix + "/contact/thanks/?ref=C-ABCDEFGH");
                pages.Add($"not-found-{language}", prefix + "/no-such-page/");
                pages.Add($"catalog-{language}", prefix + "/data-sources/?keyword=sequences");
                pages.Add($"catalog-entry-{language}", prefix + "/services/technical-environment/");
                pages.Add($"publications-{language}", prefix + "/publications/");
                pages.Add($"publications-filtered-{language}", prefix + "/publications/?year=2020&label=Category%3A+Health&q=vaccine");
                pages.Add($"publication-{language}", prefix + "/publications/44a461149ac34464b639e5263b01da57/");
                pages.Add($"datasets-{language}", prefix + "/datasets/");
                pages.Add($"datatable-{language}", "data:" + prefix + "/research/projects/");
                pages.Add($"charts-{language}", "data:" + prefix + "/charts/");
            }
            pages.Add("datatable-filtered", "data:/research/projects/?projects-funder=Formas&projects-sort=-enddate&committee-q=berg");
            pages.Add("datatable-bad-query", "data:/research/projects/?projects-sort=nope");
            pages.Add("charts-bad", "data:/charts/bad/");
            pages.Add("staff-signin", "/staff/signin");
            pages.Add("staff-list", "staff:/staff/");
            pages.Add("staff-detail", "staff:detail");
            pages.Add("staff-content", "staff:/staff/content");
            return pages;
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_passes_axe_has_no_console_errors_and_fits_a_phone(string name, string target)
    {
        foreach (var width in new[] { 1280, 390 })
        {
            await using var context = await fixture.NewContextAsync(width);
            var page = await context.NewPageAsync();
            var consoleErrors = new List<string>();
            page.Console += (_, message) =>
            {
                // A 4xx page (404, a form with errors) makes Chromium log the document's own status; that is the page
                // working. The same message for anything else on the page (a stylesheet, an image) is a real error.
                var isDocumentStatus = message.Text.StartsWith("Failed to load resource: the server responded with a status of 4", StringComparison.Ordinal)
                    && message.Location.StartsWith(page.Url, StringComparison.Ordinal);
                if (message.Type == "error" && !isDocumentStatus)
                {
                    consoleErrors.Add(message.Text);
                }
            };
            page.PageError += (_, error) => consoleErrors.Add(error);

            await Open(page, target);

            // axe in one call in the page. RunAxe runs it in parts and finishes in a second, blank page with axe injected
            // again: 2.5 s a run against 1.1 s here, 65 pages at two widths each. The pages have no frames, which is
            // all the parts are for. Details of what passed are left out; what was found wrong comes in full.
#pragma warning disable CS0618
            var axe = await page.RunAxeLegacy(options: new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
                ResultTypes = [ResultType.Violations],
            });
#pragma warning restore CS0618
            // It ran the WCAG rules on this page: one that every page passes is among those checked.
            Assert.Contains(axe.Passes, rule => rule.Id == "html-has-lang");
            var violations = axe.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}").ToList();
            Assert.True(violations.Count == 0, $"{name} at {width} px:\n" + string.Join('\n', violations));
            Assert.True(consoleErrors.Count == 0, $"{name} at {width} px: " + string.Join('\n', consoleErrors));
            if (width < 600)
            {
                // Against the device width, not innerWidth: a phone browser widens its layout viewport to fit content that overflows.
                var overflow = await page.EvaluateAsync<int>($"() => document.documentElement.scrollWidth - {width}");
                Assert.True(overflow <= 0, $"{name} scrolls sideways by {overflow} px on a phone");
            }
            Assert.Equal("rgb(3, 90, 79)", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.site-header')).backgroundColor"));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserPortal.ScreenshotFolder, $"{name}-{width}.png"), FullPage = true });
        }
    }

    private async Task Open(IPage page, string target)
    {
        if (target.StartsWith("submit:", StringComparison.Ordinal))
        {
            await page.GotoAsync(target["submit:".Length..]);
            await page.ClickAsync("form.portal-form button[type=submit]");
            await page.WaitForSelectorAsync(".error-summary");
        }
        else if (target == "staff:detail")
        {
            await BrowserFlows.SubmitContactAsync(page, "Detail page visitor");
            await fixture.SignInAsync(page);
            await Task.WhenAll(page.WaitForSelectorAsync("#history-heading"), page.ClickAsync("table.submissions tbody a"));
        }
        else if (target.StartsWith("data:", StringComparison.Ordinal))
        {
            await page.GotoAsync(fixture.DataPortal.BaseUrl + target["data:".Length..]);
        }
        else if (target.StartsWith("staff:", StringComparison.Ordinal))
        {
            await fixture.SignInAsync(page);
            await page.GotoAsync(target["staff:".Length..]);
        }
        else
        {
            await page.GotoAsync(target);
        }
    }
}

/// <summary>Things visitors do, shared by the browser tests.</summary>
public static class BrowserFlows
{
    /// <summary>Fills in and sends the contact form; returns the reference on the confirmation page.</summary>
    public static async Task<string> SubmitContactAsync(IPage page, string name, string language = "")
    {
        await page.GotoAsync(language + "/contact/");
        await page.FillAsync("#field-Name", name);
        await page.FillAsync("#field-Email", "visitor@example.org");
        await page.FillAsync("#field-Message", "A question from the browser test.");
        await Task.WhenAll(page.WaitForURLAsync("**/thanks/**"), page.ClickAsync("form.portal-form button[type=submit]"));
        return await page.TextContentAsync(".reference") ?? "";
    }
}

using System.Diagnostics;
using System.Net;
using DataPlatform.Tests.Infrastructure;
using Microsoft.Playwright;
using Npgsql;

namespace DataPlatform.Tests.Browser;

/// <summary>Keyboard-only use, the site without JavaScript, HTML validity, a crawl of the running site, and a submission from visitor to staff.</summary>
[Collection(BrowserTests.Name)]
public sealed class InteractionTests(BrowserPortal fixture)
{
    private static async Task<string> FocusedAsync(IPage page) =>
        await page.EvaluateAsync<string>("() => { const e = document.activeElement; return (e.id ? '#' + e.id : '') + '|' + (e.className || '') + '|' + (e.getAttribute('href') || e.getAttribute('name') || '') + '|' + e.tagName; }");

    private static async Task<bool> FocusIsVisibleAsync(IPage page) =>
        await page.EvaluateAsync<bool>("() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0; }");

    /// <summary>Presses Tab until the focused element matches, at most 60 times; asserts focus was visible all the way.</summary>
    private static async Task TabToAsync(IPage page, Func<string, bool> matches)
    {
        for (var i = 0; i < 60; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await FocusedAsync(page);
            Assert.True(await FocusIsVisibleAsync(page), $"focus on {focused} is not visible: " +
                await page.EvaluateAsync<string>("() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.boxShadow + ' ' + location.href; }"));
            if (matches(focused))
            {
                return;
            }
        }
        Assert.Fail("the element was not reached with Tab");
    }

    [Theory]
    [InlineData("/about/")]
    [InlineData("/sv/publications/")]
    [InlineData("/events/")]
    public async Task On_a_phone_the_menu_is_folded_and_the_heading_is_on_the_first_screen(string url)
    {
        await using var context = await fixture.NewContextAsync(390);
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);

        Assert.False(await page.IsVisibleAsync(".main-nav .menu-level-0"));
        var top = await page.EvaluateAsync<double>("() => document.querySelector('main h1').getBoundingClientRect().bottom");
        Assert.True(top < 844, $"the heading ends at {top} px, below the first screen (844 px)");
        await page.ClickAsync(".menu-disclosure > summary");
        Assert.True(await page.IsVisibleAsync(".main-nav .menu-level-0"));
    }

    [Theory]
    [InlineData("/publications/")]
    [InlineData("/sv/publications/")]
    public async Task On_a_phone_the_first_publication_is_within_one_and_a_half_screens_and_the_facets_fold_behind_one_button(string url)
    {
        await using var context = await fixture.NewContextAsync(390);
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);

        var top = await page.EvaluateAsync<double>("() => document.querySelector('.publication').getBoundingClientRect().top + window.scrollY");
        Assert.True(top <= 1266, $"the first publication starts at {top} px, more than one and a half screens (1,266 px at 390×844)");
        Assert.False(await page.IsVisibleAsync(".facets"));
        await page.ClickAsync(".filters-panel > summary");
        Assert.True(await page.IsVisibleAsync(".facets"));
        var chart = await page.EvaluateAsync<double>("() => document.querySelector('.chart-figure').getBoundingClientRect().top + window.scrollY");
        Assert.True(chart > top, "the charts come after the results");
    }

    [Fact]
    public async Task On_a_wide_screen_the_facets_are_open_beside_the_list_without_a_button()
    {
        await using var context = await fixture.NewContextAsync(1280, javaScript: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/publications/");

        Assert.True(await page.IsVisibleAsync(".facets"));
        Assert.False(await page.IsVisibleAsync(".filters-panel > summary"));
        var facets = await page.EvaluateAsync<double>("() => document.querySelector('.facets').getBoundingClientRect().left");
        var list = await page.EvaluateAsync<double>("() => document.querySelector('.publication').getBoundingClientRect().left");
        Assert.True(facets < list, $"facets at {facets} px, the list at {list} px");
    }

    [Fact]
    public async Task The_skip_link_comes_first_and_moves_focus_to_the_main_content()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/about/");

        await page.Keyboard.PressAsync("Tab");
        Assert.Contains("skip-link", await FocusedAsync(page), StringComparison.Ordinal);
        Assert.True(await FocusIsVisibleAsync(page));
        Assert.True(await page.IsVisibleAsync(".skip-link"));
        await page.Keyboard.PressAsync("Enter");

        Assert.StartsWith("#main|", await FocusedAsync(page), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task Main_navigation_and_language_switcher_work_from_the_keyboard(int width)
    {
        await using var context = await fixture.NewContextAsync(width);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        if (width < 600)
        {
            // On a phone the menu is folded behind its button: open it from the keyboard.
            await TabToAsync(page, f => f.EndsWith("|SUMMARY", StringComparison.Ordinal));
            await page.Keyboard.PressAsync("Enter");
            Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('.menu-disclosure').open"));
        }
        else
        {
            Assert.False(await page.IsVisibleAsync(".menu-disclosure > summary"));
        }

        await TabToAsync(page, f => f.Contains("|/news/|A", StringComparison.Ordinal));
        var focusedText = await page.EvaluateAsync<string>("() => document.activeElement.outerHTML + ' in ' + document.activeElement.closest('nav, main, footer, header')?.className");
        await Task.WhenAll(page.WaitForURLAsync("**/news/", new() { Timeout = 5000 }), page.Keyboard.PressAsync("Enter"));
        Assert.True(page.Url.EndsWith("/news/", StringComparison.Ordinal), focusedText);

        await TabToAsync(page, f => f.Contains("language-switch", StringComparison.Ordinal));
        await Task.WhenAll(page.WaitForURLAsync("**/sv/news/", new() { Timeout = 5000 }), page.Keyboard.PressAsync("Enter"));
        Assert.Equal("sv", await page.GetAttributeAsync("html", "lang"));
    }

    [Theory]
    [InlineData("/contact/", new[] { "Name", "Email", "Subject", "Message" })]
    [InlineData("/sv/events/suggest/", new[] { "Title", "EventType", "StartDate", "StartTime", "EndDate", "EndTime", "Venue", "Organisers", "EventUrl", "RegistrationUrl", "Description", "IsOrganiser", "Name", "Email" })]
    [InlineData("/highlights/suggest/", new[] { "Title", "Links", "Description", "Name", "Email" })]
    public async Task Every_form_field_is_reached_in_order_with_visible_focus(string url, string[] fields)
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);
        await page.FocusAsync("#main");

        foreach (var field in fields)
        {
            await TabToAsync(page, f => f.StartsWith($"#field-{field}|", StringComparison.Ordinal));
        }
        await TabToAsync(page, f => f.EndsWith("|BUTTON", StringComparison.Ordinal) && !f.Contains("site-search", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_contact_form_can_be_filled_and_sent_with_the_keyboard_alone()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/sv/contact/");
        await page.FocusAsync("#main");

        await TabToAsync(page, f => f.StartsWith("#field-Name|", StringComparison.Ordinal));
        await page.Keyboard.TypeAsync("Tangent Bord");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("tangent@example.org");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Skickat med tangentbordet.");
        await TabToAsync(page, f => f.EndsWith("|BUTTON", StringComparison.Ordinal) && !f.Contains("site-search", StringComparison.Ordinal));
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync("**/sv/contact/thanks/**");
        Assert.Equal("Tack", await page.TextContentAsync("h1"));
    }

    [Fact]
    public async Task Without_javascript_navigation_switcher_search_filters_and_forms_all_work()
    {
        await using var context = await fixture.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await page.ClickAsync(".main-nav a[href='/about/']");
        await page.WaitForURLAsync("**/about/");
        await page.ClickAsync("a.language-switch");
        await page.WaitForURLAsync("**/sv/about/");

        await page.FillAsync("#site-search-q", "datahantering");
        await page.ClickAsync(".site-search button");
        await page.WaitForURLAsync("**/sv/search/**");
        Assert.True(await page.Locator(".search-result-title").CountAsync() > 0);

        await page.GotoAsync("/events/");
        await page.ClickAsync(".facets a[href='/events/?type=course']");
        await page.WaitForURLAsync("**/events/?type=course**");
        Assert.Equal(["Course: FAIR data management for life scientists"], await page.Locator(".page-card-title a").AllTextContentsAsync());

        await page.GotoAsync("/highlights/suggest/");
        await page.ClickAsync("form.portal-form button[type=submit]");
        Assert.True(await page.Locator(".error-message").CountAsync() >= 4);
        await page.FillAsync("#field-Title", "A dataset");
        await page.FillAsync("#field-Links", "https://doi.org/10.1000/1");
        await page.FillAsync("#field-Description", "Worth a highlight.");
        await page.FillAsync("#field-Name", "No Script");
        await page.FillAsync("#field-Email", "noscript@example.org");
        await page.ClickAsync("form.portal-form button[type=submit]");
        await page.WaitForURLAsync("**/highlights/suggest/thanks/**");
        Assert.Matches("^H-[A-Z2-9]{8}$", await page.TextContentAsync(".reference"));
    }

    [Fact]
    public async Task A_visitors_message_reaches_the_database_and_staff_change_its_status_in_the_browser()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var name = "Visitor " + Guid.NewGuid().ToString("N")[..6];

        var reference = await BrowserFlows.SubmitContactAsync(page, name, "/sv");
        Assert.Equal(("new", "sv"), await Row(reference));

        await fixture.SignInAsync(page);
        await page.FillAsync("#f-q", reference);
        await page.ClickAsync("form.staff-filters button[type=submit]");
        await page.ClickAsync($"text={reference}");
        await page.SelectOptionAsync("#status", "in_review");
        await page.ClickAsync("form[action*='/status'] button");
        await page.WaitForSelectorAsync(".history li:nth-child(2)");

        Assert.Equal(("in_review", "sv"), await Row(reference));
        Assert.Contains("status (New → In review)", await page.TextContentAsync(".history"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1280, "/charts/")]
    [InlineData(390, "/charts/")]
    [InlineData(1280, "/sv/charts/")]
    [InlineData(390, "/sv/charts/")]
    public async Task No_chart_text_falls_outside_its_drawing_or_renders_below_11_px(int width, string path)
    {
        await using var context = await fixture.NewContextAsync(width);
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.DataPortal.BaseUrl + path);

        var report = await page.EvaluateAsync<string[]>("""
            () => {
              const problems = [];
              let drawn = 0;
              for (const svg of document.querySelectorAll('svg.chart')) {
                const box = svg.getBoundingClientRect();
                if (box.width === 0) continue;
                drawn++;
                const scale = box.width / svg.viewBox.baseVal.width;
                for (const text of svg.querySelectorAll('text')) {
                  const b = text.getBoundingClientRect();
                  const size = parseFloat(getComputedStyle(text).fontSize) * scale;
                  const words = text.firstChild ? text.firstChild.textContent : text.textContent;
                  if (b.left < box.left - 1 || b.right > box.right + 1 || b.top < box.top - 1 || b.bottom > box.bottom + 1)
                    problems.push(`${svg.id}: '${words}' outside (${Math.round(b.left - box.left)}..${Math.round(b.right - box.left)} of ${Math.round(box.width)})`);
                  if (size < 11) problems.push(`${svg.id}: '${words}' at ${size.toFixed(1)} px`);
                }
              }
              return [String(drawn), ...problems];
            }
            """);

        Assert.Equal(path.StartsWith("/sv", StringComparison.Ordinal) ? "3" : "11", report[0]);
        Assert.Empty(report[1..]);
    }

    [Fact]
    public async Task An_eight_column_table_fits_a_wide_screen_and_its_headers_show_they_sort()
    {
        await using var context = await fixture.NewContextAsync(1280);
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.DataPortal.BaseUrl + "/research/projects/");

        var sizes = await page.EvaluateAsync<double[]>("""
            () => { const region = document.querySelector('#projects .table-scroll');
                    return [region.scrollWidth, region.clientWidth, region.querySelectorAll('th').length]; }
            """);
        Assert.Equal(8, sizes[2]);
        Assert.True(sizes[0] <= sizes[1] + 1, $"the table is {sizes[0]} px wide in a region of {sizes[1]} px");
        // Sorted by start, newest first (the table's own order); every other column offers sorting.
        Assert.Equal(["↕", "↕", "↕", "↕", "▼", "↕", "↕"], await page.Locator("#projects th .sort-mark").AllTextContentsAsync());
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task The_staff_workspace_has_no_language_switch_and_its_filter_fields_keep_their_width(int width)
    {
        await using var context = await fixture.NewContextAsync(width);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/staff/signin");
        Assert.Equal(0, await page.Locator(".language-switch, link[hreflang]").CountAsync());

        await fixture.SignInAsync(page);
        Assert.Equal(0, await page.Locator(".language-switch, link[hreflang], a[href^='/sv/staff']").CountAsync());
        // A field left alone on the last row of the filters does not stretch across it.
        var to = (await page.Locator("#f-to").BoundingBoxAsync())!;
        var from = (await page.Locator("#f-from").BoundingBoxAsync())!;
        Assert.True(to.Width <= Math.Max(from.Width, 11 * 16) + 1, $"'Received to' is {to.Width} px wide, 'Received from' {from.Width} px");
        Assert.True(to.Width <= width - 32, $"'Received to' is {to.Width} px wide at {width} px");
    }

    private async Task<(string Status, string Language)> Row(string reference)
    {
        await using var connection = new NpgsqlConnection(fixture.Portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select status, language from submissions where reference = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = reference });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no row for {reference}");
        return (reader.GetString(0), reader.GetString(1));
    }

    [Fact]
    public async Task A_crawl_of_the_running_site_finds_no_broken_link_and_no_server_error()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(fixture.Portal.BaseUrl) };

        var result = await SiteCrawler.CrawlAsync(client, "/", "/sv/", "/sitemap.xml", "/robots.txt");

        Assert.Empty(result.Broken);
        Assert.True(result.HtmlPages.Count > 60, $"only {result.HtmlPages.Count} pages crawled");
    }

    [Fact]
    public async Task A_chunked_form_post_within_the_limit_is_stored()
    {
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(fixture.Portal.BaseUrl) };
        var values = await FormClient.HiddenFieldsAsync(client, "/contact/");
        foreach (var (key, value) in FormClient.ValidContact)
        {
            values[key] = value;
        }
        var content = new FormUrlEncodedContent(values);
        content.Headers.ContentLength = null;
        var request = new HttpRequestMessage(HttpMethod.Post, "/contact/") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.StartsWith("/contact/thanks/?ref=C-", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>Against the real server (Kestrel enforces body limits; the test host does not): one limit, one small 413 page.</summary>
    [Theory]
    [InlineData(100_000, false)]
    [InlineData(100_000, true)]
    [InlineData(300_000, false)]
    [InlineData(300_000, true)]
    public async Task An_oversized_form_post_is_one_413_whatever_its_size_or_transfer_encoding(int size, bool chunked)
    {
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = new Uri(fixture.Portal.BaseUrl) };
        var values = await FormClient.HiddenFieldsAsync(client, "/sv/contact/");
        values["Message"] = new string('x', size);
        var content = new StringContent(string.Join('&', values.Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value)}")), System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");
        if (chunked)
        {
            content.Headers.ContentLength = null;
        }
        var request = new HttpRequestMessage(HttpMethod.Post, "/sv/contact/") { Content = content };
        request.Headers.TransferEncodingChunked = chunked;

        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("För mycket data", (await Html.ParseAsync(response)).QuerySelector("h1")!.TextContent);
        Assert.DoesNotContain("xxxxxxxxxx", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_page_kind_is_valid_html()
    {
        // The HTML exactly as the server sends it (a browser's serialised DOM would rewrite attributes).
        var folder = Directory.CreateTempSubdirectory("portal-html-").FullName;
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = new Uri(fixture.Portal.BaseUrl) };
        var signedIn = false;
        var index = 0;
        foreach (var url in PageQualityTests.Pages.Select(row => (string)row[1]).Where(u => u != "staff:detail"))
        {
            HttpResponseMessage response;
            if (url.StartsWith("submit:", StringComparison.Ordinal))
            {
                response = await FormClient.SubmitAsync(client, url["submit:".Length..], new Dictionary<string, string>());
            }
            else
            {
                if (url.StartsWith("staff:", StringComparison.Ordinal) && !signedIn)
                {
                    await StaffAccounts.PostSignInAsync(client, fixture.StaffEmail, BrowserPortal.StaffPassword);
                    signedIn = true;
                }
                response = await client.GetAsync(url.StartsWith("staff:", StringComparison.Ordinal) ? url["staff:".Length..]
                    : url.StartsWith("data:", StringComparison.Ordinal) ? fixture.DataPortal.BaseUrl + url["data:".Length..] : url);
            }
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            await File.WriteAllTextAsync(Path.Combine(folder, $"{index++:D3}-{string.Concat(url.Where(char.IsLetterOrDigit))}.html"), await response.Content.ReadAsStringAsync());
        }

        var repo = Fixtures.RepositoryRoot;
        var validator = Path.Combine(repo, "tests", "html", "node_modules", "html-validate", "bin", "html-validate.mjs");
        Assert.True(File.Exists(validator), "html-validate is not installed; scripts/test runs npm ci in tests/html");
        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.Combine(repo, "tests", "html") };
        info.ArgumentList.Add(validator);
        info.ArgumentList.Add("--config");
        info.ArgumentList.Add(Path.Combine(repo, "tests", "html", "htmlvalidate.json"));
        info.ArgumentList.Add(folder);
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, output);
        Assert.True(index > 40);
    }
}

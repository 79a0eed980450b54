using DataPlatform.Content;
using DataPlatform.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace DataPlatform.Web.Content;

/// <summary>Serves whatever the content snapshot holds at a path: a file, a redirect for an old URL, or a page.</summary>
public sealed class ContentController(ContentSnapshot snapshot, PortalLayout layout, TimeProvider clock, IStringLocalizer<Localization.SharedResource> t,
    PageTemplates templates) : Controller
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    [HttpGet, HttpHead]
    public async Task<IActionResult> Show([FromQuery] int? page)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }
        var path = Request.Path.Value ?? "/";

        if (snapshot.Files.TryGetValue(path, out var file))
        {
            return ServeFile(file);
        }
        var language = SiteLanguage.FromPath(path);
        // A page (or its other language's, shown as the fallback) asked for without its trailing slash.
        if (!path.EndsWith('/') && (snapshot.Find(path + "/") is not null || snapshot.Find(language.Other.Localize(language.Neutral(path + "/"))) is not null
            || snapshot.Redirects.ContainsKey(path + "/")))
        {
            return RedirectPermanent(path + "/" + Request.QueryString);
        }
        if (snapshot.Redirects.TryGetValue(path, out var target))
        {
            return RedirectPermanent(target);
        }

        var found = snapshot.Find(path);
        var isFallback = false;
        if (found is null && path.EndsWith('/'))
        {
            // Not translated yet: show the other language's page, with a notice, in this language's frame.
            var other = language.Other;
            var original = snapshot.Find(other.Localize(language.Neutral(path)));
            if (original is not null)
            {
                if (snapshot.Translation(original, language) is { } translation && !translation.Url.Equals(path, StringComparison.OrdinalIgnoreCase))
                {
                    return Redirect(translation.Url);
                }
                found = original;
                isFallback = true;
            }
        }
        if (found is null)
        {
            return NotFoundPage();
        }
        if (page is not null && !found.IsListPage)
        {
            return NotFoundPage();
        }
        Pager? pager = null;
        IReadOnlyList<Page> children = [];
        if (found.Kind == PageKind.Section)
        {
            var all = snapshot.Children(found);
            pager = Pager.Create(all.Count, page, path);
            if (pager is null)
            {
                return NotFoundPage();
            }
            children = pager.Slice(all);
        }
        // The page's tables and charts read their own keys (<id>-q, <id>-format…); the page cache keeps those and drops the rest.
        PageQueryKeys.ReadsQueryPrefixes(HttpContext, found.Embeds.Select(embed => embed.Id + "-"));
        foreach (var chart in found.Embeds.OfType<DataPlatform.Content.Charts.ChartEmbed>())
        {
            if (Request.Query.TryGetValue(chart.Id + "-format", out var format))
            {
                if (format != "csv")
                {
                    return BadRequest(t["“{0}” is not a download format: choose csv.", format.ToString()].Value);
                }
                await Charts.ChartCsv.WriteAsync(Response, chart.Chart, chart.Id + ".csv", HttpContext.RequestAborted);
                return new EmptyResult();
            }
        }
        var tables = new Dictionary<int, DataTableView>();
        var tableIds = found.Embeds.OfType<DataTable>().Select(table => table.Id).ToList();
        foreach (var table in found.Embeds.OfType<DataTable>())
        {
            var view = DataTableView.Create(table, Request.Query, tableIds, path, Stockholm.Today(clock.GetUtcNow()), t);
            if (view.Filter.Format is not null && view.Filter.Problems.Count == 0)
            {
                await view.WriteAsync(Response, t["Status"], status => t[DataTableView.StatusLabel(status)], HttpContext.RequestAborted);
                return new EmptyResult();
            }
            tables[table.Index] = view;
            // What a table could not understand is said in the table; the page still shows, with a status that says so.
            Response.StatusCode = view.Filter.Problems.Count > 0 ? StatusCodes.Status400BadRequest
                : view.PageMissing && Response.StatusCode == StatusCodes.Status200OK ? StatusCodes.Status404NotFound
                : Response.StatusCode;
        }
        var model = BuildModel(found, language, isFallback, children, pager);
        model.Tables = tables;
        return View(ViewFor(found), model);
    }

    private PageViewModel BuildModel(Page page, SiteLanguage language, bool isFallback, IReadOnlyList<Page> children, Pager? pager)
    {
        var model = new PageViewModel
        {
            Page = page,
            IsFallback = isFallback,
            Ancestors = snapshot.Ancestors(page),
            Children = children,
            Pager = pager,
            HomeBlocks = page.Kind == PageKind.Home ? HomeBlocks(page.Language) : [],
            Outputs = page.Kind == PageKind.Home && snapshot.Outputs.Publications.Count > 0
                ? new OutputsTeaser(snapshot.Outputs.Publications.Count, snapshot.Outputs.DataItems.Count, snapshot.Outputs.Publications.Take(3).ToList())
                : null,
            Sections = page.Kind == PageKind.Home ? snapshot.Children(page).Where(p => p.Kind == PageKind.Section).ToList() : [],
            Related = page.Entry is { } entry ? RelatedHighlights(entry, page.Language)
                : page.Kind == PageKind.Page && page.Section == SectionNames.Highlights ? snapshot.Related(page, 3) : [],
            RegistrationClosed = page.Meta.RegistrationDeadline is { } deadline && deadline < clock.GetUtcNow(),
        };
        layout.Apply(model, page, language);
        if (page.Kind == PageKind.Home)
        {
            // Feed readers look for feeds at the site's address.
            foreach (var section in SectionNames.WithFeeds)
            {
                layout.AddFeed(model, section);
            }
        }
        return model;
    }

    /// <summary>A catalogue entry's highlights by their slugs, in its language (else the other), shown by title; a slug naming no highlight is left out.</summary>
    private List<Page> RelatedHighlights(CatalogEntry entry, SiteLanguage language) =>
        entry.RelatedHighlights.Select(slug => snapshot.Find(language.Localize($"/{SectionNames.Highlights}/{slug}/")) ?? snapshot.Find(language.Other.Localize($"/{SectionNames.Highlights}/{slug}/")))
            .OfType<Page>().ToList();

    private List<HomeBlock> HomeBlocks(SiteLanguage language)
    {
        var now = clock.GetUtcNow();
        var blocks = new List<HomeBlock>();
        void Add(string section, string heading, Func<IEnumerable<Page>, IEnumerable<Page>> pick)
        {
            if (snapshot.Section(language, section) is { } sectionPage)
            {
                var pages = pick(snapshot.PagesIn(language, section)).Take(3).ToList();
                if (pages.Count > 0)
                {
                    blocks.Add(new HomeBlock(t[heading], sectionPage, pages));
                }
            }
        }
        Add(SectionNames.Highlights, "Latest highlights", pages => pages.OrderByDescending(p => p.Date));
        Add(SectionNames.Events, "Upcoming events", _ => Events.EventsQuery.Upcoming(snapshot, language, now));
        Add(SectionNames.News, "News", pages => pages.OrderByDescending(p => p.Date));
        return blocks;
    }

    private static string ViewFor(Page page) => page.Entry is not null ? "CatalogEntry" : page.Kind switch
    {
        PageKind.Home => "Home",
        PageKind.Section => "Section",
        _ => "Page",
    };

    private IActionResult ServeFile(string fullPath)
    {
        if (!ContentTypes.TryGetContentType(fullPath, out var contentType))
        {
            contentType = "application/octet-stream";
        }
        var info = new FileInfo(fullPath);
        if (!info.Exists)
        {
            return NotFoundPage();
        }
        Response.Headers.CacheControl = "public, max-age=3600";
        var etag = new EntityTagHeaderValue($"\"{info.LastWriteTimeUtc.Ticks:x}-{info.Length:x}\"");
        return PhysicalFile(fullPath, contentType, info.LastWriteTimeUtc, etag, enableRangeProcessing: true);
    }

    private IActionResult NotFoundPage() => templates.NotFoundPage(this, layout.ApplyStatus(new LayoutViewModel(), t["Page not found"]));
}

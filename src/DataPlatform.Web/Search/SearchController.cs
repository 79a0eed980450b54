using System.Globalization;
using DataPlatform.Content;
using DataPlatform.Web.Data;
using DataPlatform.Web.Localization;
using DataPlatform.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace DataPlatform.Web.Search;

/// <summary>Server-side search in the page's language, as HTML or JSON, and the OpenSearch description.</summary>
[Bilingual]
public sealed class SearchController(SearchService search, ContentSnapshot snapshot, PortalLayout layout, IStringLocalizer<SharedResource> t, PortalMetrics metrics, ILogger<SearchController> logger) : Controller
{
    [HttpGet(AppRoutes.Search), VaryByAccept, Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(SearchExtensions.RateLimitPolicy)]
    public async Task<IActionResult> Index([FromQuery] string? q, [FromQuery] string? section, [FromQuery] int? page, [FromQuery] string? format, CancellationToken cancellationToken)
    {
        var language = layout.Language;
        var query = SearchService.Clean(q);
        var sections = snapshot.Pages.Where(p => p.Kind == PageKind.Section && p.Language == language)
            .Select(p => (Value: p.Section, p.Title)).Distinct().ToList();
        if (snapshot.Outputs.Publications.Count > 0 && !sections.Any(s => s.Value == SectionNames.Publications))
        {
            sections.Add((SectionNames.Publications, t["Publications"]));
        }
        sections = sections.OrderBy(s => s.Title, StringComparer.CurrentCultureIgnoreCase).ToList();
        section = string.IsNullOrWhiteSpace(section) ? null : section.Trim();
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }
        if (page is < 1 or > SearchService.MaximumPage)
        {
            return NotFound();
        }
        // Only a section the site has: anything else (NUL, which PostgreSQL refuses, included) is a clear 400, never sent on.
        var unknownSection = section is not null && !sections.Any(s => s.Value == section);
        var pageNumber = page ?? 1;
        var wantsJson = string.Equals(format, "json", StringComparison.OrdinalIgnoreCase)
            || Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);

        string? message = null;
        var status = StatusCodes.Status200OK;
        SearchResults? results = null;
        IReadOnlyDictionary<string, int> counts = new Dictionary<string, int>();
        if (unknownSection)
        {
            message = t["There is no such section to search in; choose one from the list."];
            status = StatusCodes.Status400BadRequest;
        }
        else if (query.Length == 0)
        {
            message = t["Type one or more words to search for."];
        }
        else if (query.Length > SearchService.MaximumQueryLength)
        {
            message = string.Format(CultureInfo.CurrentCulture, t["Your search is too long; use at most {0} characters."], SearchService.MaximumQueryLength);
            status = StatusCodes.Status400BadRequest;
        }
        else
        {
            // An identifier (a DOI in any of its forms, a PubMed or PubMed Central id) leads straight to its record.
            if (!wantsJson && snapshot.Outputs.FindByIdentifier(query) is [var record])
            {
                return Redirect(language.Localize(AppRoutes.Publication(record)));
            }
            try
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                results = await search.SearchAsync(language, query, section, pageNumber, cancellationToken);
                metrics.Searched(System.Diagnostics.Stopwatch.GetElapsedTime(started));
                counts = results.Total == 0 && section is null ? new Dictionary<string, int>() : await search.CountBySectionAsync(language, query, cancellationToken);
            }
            catch (Exception e) when (DatabaseErrors.IsUnavailable(e) || SearchService.IsTimeout(e))
            {
                logger.LogWarning("Search is unavailable: {Reason}", e.GetBaseException().Message);
                return wantsJson
                    ? StatusCode(StatusCodes.Status503ServiceUnavailable, new { error = t["Search is temporarily unavailable. Please try again in a few minutes."].Value })
                    : StatusCode(StatusCodes.Status503ServiceUnavailable);
            }
            if (results.OnlyStopWords)
            {
                message = t["Your search only contained very common words. Try more specific ones."];
            }
            else if (results.Total == 0)
            {
                message = t["No pages match your search. Try other or fewer words, or search in all sections."];
            }
        }

        var pager = Pager.Create(results?.Total ?? 0, pageNumber, language.Localize(AppRoutes.Search), new SearchFilter(query, section), SearchService.PageSize);
        if (pager is null)
        {
            return NotFound();
        }

        var suggested = results is { Total: 0, OnlyStopWords: false }
            ? Lexicon.Of(snapshot, language, p => SearchIndex.PlainText(p.Html)).Suggest(query)
            : null;
        var searchUrl = language.Localize(AppRoutes.Search);
        if (wantsJson)
        {
            Response.StatusCode = status;
            return Json(new
            {
                query,
                language = language.Code,
                section,
                page = pageNumber,
                total = results?.Total ?? 0,
                message,
                suggestion = suggested,
                results = (results?.Hits ?? []).Select(h => new { title = h.Title, url = layout.Absolute(h.Url), section = h.Section, published = h.Published, snippet = h.SnippetHtml }),
            });
        }
        var model = new SearchViewModel
        {
            Query = query, Section = section, Sections = sections, Results = results, Pager = pager, Message = message,
            Suggestion = suggested is null ? null : (suggested, searchUrl + new SearchFilter(suggested, section).ToQueryString()),
            Tabs = counts.Count == 0 ? [] :
            [
                (null, t["All sections"], counts.Values.Sum(), searchUrl + new SearchFilter(query, null).ToQueryString()),
                .. sections.Where(s => counts.ContainsKey(s.Value)).Select(s => ((string?)s.Value, s.Title, counts[s.Value], searchUrl + new SearchFilter(query, s.Value).ToQueryString())),
            ],
        };
        layout.Apply(model, query.Length > 0 ? string.Format(CultureInfo.CurrentCulture, t["Search: {0}"], query) : t["Search"]);
        model.NoIndex = true;
        Response.StatusCode = status;
        return View(model);
    }

    /// <summary>Lets browsers add the portal's search (OpenSearch 1.1).</summary>
    [HttpGet(AppRoutes.OpenSearch)]
    public IActionResult OpenSearch()
    {
        const string ns = "http://a9.com/-/spec/opensearch/1.1/";
        var language = layout.Language;
        using var buffer = new MemoryStream();
        using (var xml = Site.CleanXmlWriter.Create(buffer, indent: true))
        {
            xml.WriteStartElement("OpenSearchDescription", ns);
            xml.WriteElementString("ShortName", ns, layout.SiteTitle(language).Length > 16 ? layout.SiteTitle(language)[..16] : layout.SiteTitle(language));
            xml.WriteElementString("Description", ns, t["Search"] + " – " + layout.SiteTitle(language));
            xml.WriteElementString("InputEncoding", ns, "UTF-8");
            xml.WriteElementString("Language", ns, language.Code);
            xml.WriteStartElement("Url", ns);
            xml.WriteAttributeString("type", "text/html");
            xml.WriteAttributeString("template", layout.Absolute(language.Localize(AppRoutes.Search)) + "?q={searchTerms}");
            xml.WriteEndElement();
            xml.WriteStartElement("Url", ns);
            xml.WriteAttributeString("type", "application/json");
            xml.WriteAttributeString("template", layout.Absolute(language.Localize(AppRoutes.Search)) + "?q={searchTerms}&format=json");
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        return File(buffer.ToArray(), "application/opensearchdescription+xml; charset=utf-8");
    }
}

using DataPlatform.Content;
using DataPlatform.Web.Localization;
using DataPlatform.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace DataPlatform.Web.Highlights;

/// <summary>Data highlights: the list (newest first), tag and author pages, and their indexes with counts.</summary>
[Bilingual]
public sealed class HighlightsController(ContentSnapshot snapshot, PortalLayout layout, IStringLocalizer<SharedResource> t) : Controller
{
    private const string Section = SectionNames.Highlights;

    [HttpGet(AppRoutes.Highlights)]
    public IActionResult List([FromQuery] int? page)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }
        if (Highlights() is not var (section, content, _))
        {
            return NotFound();
        }
        var all = snapshot.PagesIn(content, Section).OrderByDescending(p => p.Date).ThenBy(p => p.Title, StringComparer.CurrentCultureIgnoreCase).ToList();
        return ListView(section, all, page, layout.Language.Localize(AppRoutes.Section(Section)), section.Title, snapshot.Ancestors(section));
    }

    /// <summary>
    /// The highlights section in the page's language; when that language has none yet, the other language's, whose
    /// lists are shown with the not-translated notice (so the language switcher and menus never lead to a 404).
    /// </summary>
    private (Page Section, SiteLanguage Content, bool IsFallback)? Highlights()
    {
        var language = layout.Language;
        return snapshot.Section(language, Section) is { } own ? (own, language, false)
            : snapshot.Section(language.Other, Section) is { } other ? (other, language.Other, true)
            : null;
    }

    [HttpGet(AppRoutes.Highlights + "{taxonomy:regex(^(tags|authors)$)}")]
    public IActionResult Terms(string taxonomy)
    {
        var language = layout.Language;
        if (Highlights() is not var (section, content, isFallback))
        {
            return NotFound();
        }
        var terms = snapshot.Terms(content, Section, taxonomy).Values
            .OrderByDescending(term => term.Pages.Count).ThenBy(term => term.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        var model = new TermsViewModel { Terms = terms, BaseUrl = language.Localize($"/{Section}/{taxonomy}/"), Ancestors = [.. snapshot.Ancestors(section), section] };
        layout.Apply(model, taxonomy == "tags" ? t["Tags"] : t["Authors"]);
        model.IsFallback = isFallback;
        return View("Terms", model);
    }

    [HttpGet(AppRoutes.Highlights + "{taxonomy:regex(^(tags|authors)$)}/{slug}")]
    public IActionResult Term(string taxonomy, string slug, [FromQuery] int? page)
    {
        var language = layout.Language;
        if (Highlights() is not var (section, content, _) || !snapshot.Terms(content, Section, taxonomy).TryGetValue(slug, out var term))
        {
            return NotFound();
        }
        var heading = string.Format(System.Globalization.CultureInfo.CurrentCulture,
            taxonomy == "tags" ? t["Highlights tagged “{0}”"] : t["Highlights by {0}"], term.Name);
        var result = ListView(section, term.Pages, page, language.Localize(AppRoutes.HighlightTerm(taxonomy, term.Slug)), heading, [.. snapshot.Ancestors(section), section]);
        if (result is ViewResult { Model: ListViewModel model } && !snapshot.Terms(content.Other, Section, taxonomy).ContainsKey(slug) && content == language)
        {
            // Tags are words, so they differ between languages: without the same tag there, switch to the other language's tag index.
            model.SwitchUrl = language.Other.Localize($"/{Section}/{taxonomy}/");
            model.Alternates = model.Alternates.Where(a => a.Language == language).ToList();
        }
        return result;
    }

    private IActionResult ListView(Page section, IReadOnlyList<Page> all, int? number, string baseUrl, string title, IReadOnlyList<Page> ancestors)
    {
        var pager = Pager.Create(all.Count, number, baseUrl);
        if (pager is null)
        {
            return NotFound();
        }
        var model = new ListViewModel
        {
            Section = section,
            Items = pager.Slice(all),
            Pager = pager,
            EmptyText = t["There are no highlights yet."],
            Ancestors = ancestors,
        };
        layout.Apply(model, title, section.Meta.Description ?? QueryValues.Blank(section.Summary));
        model.IsFallback = section.Language != layout.Language;
        layout.AddFeed(model, Section);
        return View("List", model);
    }

}

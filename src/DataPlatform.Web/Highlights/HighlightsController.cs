using DataPlatform.Content;
using DataPlatform.Web.Localization;
using DataPlatform.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace DataPlatform.Web.Highlights;

public sealed class TermsViewModel : LayoutViewModel
{
    public required IReadOnlyList<Term> Terms { get; init; }

    public required string BaseUrl { get; init; }

    public IReadOnlyList<Page> Ancestors { get; init; } = [];
}

/// <summary>Data highlights: the list (newest first), tag and author pages, and their indexes with counts.</summary>
[Bilingual]
public sealed class HighlightsController(ContentSnapshot snapshot, PortalLayout layout, IStringLocalizer<SharedResource> t) : Controller
{
    private const string Section = SectionNames.Highlights;

    [HttpGet("highlights")]
    public IActionResult List([FromQuery] int? page)
    {
        var language = layout.Language;
        var section = snapshot.Section(language, Section);
        if (section is null || !ModelState.IsValid)
        {
            return ModelState.IsValid ? NotFound() : BadRequest();
        }
        var all = snapshot.PagesIn(language, Section).OrderByDescending(p => p.Date).ThenBy(p => p.Title, StringComparer.CurrentCultureIgnoreCase).ToList();
        return ListView(section, all, page, section.Url, section.Title, snapshot.Ancestors(section));
    }

    [HttpGet("highlights/{taxonomy:regex(^(tags|authors)$)}")]
    public IActionResult Terms(string taxonomy)
    {
        var language = layout.Language;
        var section = snapshot.Section(language, Section);
        if (section is null)
        {
            return NotFound();
        }
        var terms = snapshot.Terms(language, Section, taxonomy).Values
            .OrderByDescending(term => term.Pages.Count).ThenBy(term => term.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        var model = new TermsViewModel { Terms = terms, BaseUrl = language.Localize($"/{Section}/{taxonomy}/"), Ancestors = [.. snapshot.Ancestors(section), section] };
        return View("Terms", layout.Apply(model, taxonomy == "tags" ? t["Tags"] : t["Authors"]));
    }

    [HttpGet("highlights/{taxonomy:regex(^(tags|authors)$)}/{slug}")]
    public IActionResult Term(string taxonomy, string slug, [FromQuery] int? page)
    {
        var language = layout.Language;
        var section = snapshot.Section(language, Section);
        if (section is null || !snapshot.Terms(language, Section, taxonomy).TryGetValue(slug, out var term))
        {
            return NotFound();
        }
        var heading = string.Format(System.Globalization.CultureInfo.CurrentCulture,
            taxonomy == "tags" ? t["Highlights tagged “{0}”"] : t["Highlights by {0}"], term.Name);
        var result = ListView(section, term.Pages, page, language.Localize(AppRoutes.HighlightTerm(taxonomy, term.Slug)), heading, [.. snapshot.Ancestors(section), section]);
        if (result is ViewResult { Model: ListViewModel model } && !snapshot.Terms(language.Other, Section, taxonomy).ContainsKey(slug))
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
        layout.AddFeed(model, Section);
        return View("List", model);
    }

}

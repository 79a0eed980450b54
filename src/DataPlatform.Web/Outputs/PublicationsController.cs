using System.Globalization;
using DataPlatform.Content;
using DataPlatform.Content.Charts;
using DataPlatform.Web.Feeds;
using DataPlatform.Web.Localization;
using DataPlatform.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace DataPlatform.Web.Outputs;

/// <summary>
/// Publications: a list with facets, charts and exports of exactly what is filtered, a page per record that
/// reference managers read, and an Atom feed of the newest.
/// </summary>
[Bilingual]
public sealed class PublicationsController(ContentSnapshot snapshot, PortalLayout layout, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    public const string Section = SectionNames.Publications;

    /// <summary>The formats one record is offered in for reference managers.</summary>
    private static readonly string[] CiteFormats = ["bib", "ris", "csl.json"];

    [HttpGet(Section)]
    public IActionResult List([FromQuery] PublicationFilter filter, [FromQuery] int? page)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }
        var outputs = snapshot.Outputs;
        var language = layout.Language;
        var section = snapshot.ListSection(language, Section);
        var own = section?.Language == language ? section : null;
        if (section is null && outputs.Publications.Count == 0)
        {
            return NotFound();
        }
        var problems = filter.Problems(outputs);
        // An identifier typed into the search box (a DOI in any of its forms, a PubMed or PubMed Central id, a record id) leads straight to its record.
        if (problems.Count == 0 && outputs.FindByIdentifier(filter.Q) is [var record])
        {
            return Redirect(language.Localize(AppRoutes.Publication(record)));
        }
        var query = problems.Count > 0 ? null : PublicationQuery.Run(outputs, filter);
        var matching = query?.Matching ?? [];
        var baseUrl = language.Localize(AppRoutes.Section(Section));
        var pager = Pager.Create(matching.Count, page, baseUrl, filter);
        if (pager is null)
        {
            return NotFound();
        }
        var model = new PublicationListViewModel
        {
            Section = section,
            Filter = filter,
            Publications = pager.Slice(matching),
            Pager = pager,
            Matching = matching.Count,
            Total = outputs.Publications.Count,
            Panel = new FacetPanel(t["Filter the publications"], query is null ? [] : Facets(outputs, filter, query, baseUrl), baseUrl)
            {
                Others = ActiveFilter.Words(filter, filter.Q, t["Words"], baseUrl),
                CountText = string.Format(CultureInfo.CurrentCulture, t["{0} of {1} publications"], matching.Count, outputs.Publications.Count),
                Exports = problems.Count > 0 || matching.Count == 0 ? []
                    : PublicationExport.ContentTypes.Keys.Select(f => (PublicationExport.Label(f), language.Localize($"/{Section}/export.{f}") + filter.ToQueryString())).ToList(),
            },
            Problems = [.. problems.Select(p => p.Text(t))],
            YearChart = query is null || YearChart(matching) is not { } years ? null : ChartEmbed.Create(years, "chart-years", 0, language),
            LabelChart = query is null || LabelChart(outputs, query) is not { } labels ? null : ChartEmbed.Create(labels, "chart-labels", 1, language),
            ClearUrl = baseUrl,
            EmptyText = t["No publications match these filters."],
            Ancestors = own is null ? [] : snapshot.Ancestors(own),
        };
        layout.Apply(model, own?.Title ?? t["Publications"], own?.Meta.Description ?? QueryValues.Blank(own?.Summary));
        model.Feeds.Add(new AlternateFeed($"{model.Title} – {model.SiteTitle}", layout.Absolute(language.Localize(AppRoutes.Feed(Section)))));
        if (problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            model.NoIndex = true;
        }
        else if (!filter.IsEmpty || page > 1)
        {
            // Filtered views are for people; search engines get the list and the records.
            model.NoIndex = true;
        }
        return View("~/Views/Publications/List.cshtml", model);
    }

    [HttpGet(Section + "/export.{format:regex(" + PublicationExport.FormatPattern + ")}")]
    public IActionResult Export(string format, [FromQuery] PublicationFilter filter)
    {
        if (!ModelState.IsValid || filter.Problems(snapshot.Outputs).Count > 0)
        {
            return BadRequest();
        }
        var language = layout.Language;
        var publications = PublicationQuery.Run(snapshot.Outputs, filter).Matching;
        var fileName = filter.FileName(Stockholm.Today(clock.GetUtcNow()), format);
        return new PublicationExport(publications, format, fileName, p => layout.Absolute(language.Localize(AppRoutes.Publication(p))));
    }

    /// <summary>The numbers of a publications chart for exactly the filtered list: <c>/publications/chart-years.csv?year=…</c>.</summary>
    [HttpGet(Section + "/{chart:regex(^chart-(years|labels)$)}.csv")]
    public async Task<IActionResult> ChartNumbers(string chart, [FromQuery] PublicationFilter filter)
    {
        if (!ModelState.IsValid || filter.Problems(snapshot.Outputs).Count > 0)
        {
            return BadRequest();
        }
        var query = PublicationQuery.Run(snapshot.Outputs, filter);
        if ((chart == "chart-years" ? YearChart(query.Matching) : LabelChart(snapshot.Outputs, query)) is not { } drawn)
        {
            return NotFound();
        }
        await Charts.ChartCsv.WriteAsync(Response, drawn, filter.FileName(Stockholm.Today(clock.GetUtcNow()), "csv", chart), HttpContext.RequestAborted);
        return new EmptyResult();
    }

    /// <summary>One record as a file for a reference manager: <c>/publications/&lt;id&gt;/cite.bib</c>, <c>.ris</c> or <c>.csl.json</c>.</summary>
    [HttpGet(Section + "/{id:regex(^[[a-z0-9-]]{{1,80}}$)}/cite.{format:regex(^(bib|ris|csl\\.json)$)}")]
    public IActionResult Cite(string id, string format)
    {
        if (snapshot.Outputs.Find(id) is not { } publication || !string.Equals(id, publication.Id, StringComparison.Ordinal))
        {
            return NotFound();
        }
        var language = layout.Language;
        return new PublicationExport([publication], format, $"{publication.Id}.{format}", p => layout.Absolute(language.Localize(AppRoutes.Publication(p))));
    }

    [HttpGet(Section + "/feed.xml")]
    public IActionResult Feed()
    {
        var language = layout.Language;
        var outputs = snapshot.Outputs;
        var section = snapshot.ListSection(language, Section);
        var own = section?.Language == language ? section : null;
        if (section is null && outputs.Publications.Count == 0)
        {
            return NotFound();
        }
        var newest = outputs.Publications.Take(20).ToList();
        var title = $"{own?.Title ?? t["Publications"]} – {layout.SiteTitle(language)}";
        var feed = AtomFeed.Write(layout.Absolute(language.Localize(AppRoutes.Feed(Section))), layout.Absolute(language.Localize(AppRoutes.Section(Section))), title, language,
            snapshot.LoadedAt,
            newest.Select(p => new AtomEntry(layout.Absolute(language.Localize(AppRoutes.Publication(p))), p.Title, snapshot.LoadedAt, Moment(p.Published),
                p.Authors.Select(a => a.Full).DefaultIfEmpty(layout.SiteTitle(language)).ToList(), p.Labels.Select(l => l.Key).ToList(),
                PublicationCitation.Source(p))));
        return File(feed, AtomFeed.ContentType);
    }

    [HttpGet(Section + "/{id:regex(^[[a-z0-9-]]{{1,80}}$)}")]
    public IActionResult Record(string id, [FromQuery(Name = "from")] string? from)
    {
        var language = layout.Language;
        if (snapshot.Outputs.Find(id) is not { } publication)
        {
            return NotFound();
        }
        if (!string.Equals(id, publication.Id, StringComparison.Ordinal))
        {
            return RedirectPermanent(language.Localize(AppRoutes.Publication(publication)));
        }
        var path = language.Localize(AppRoutes.Publication(publication));
        var absolute = layout.Absolute(path);
        var model = new PublicationViewModel
        {
            Publication = publication,
            ListUrl = language.Localize(AppRoutes.Section(Section)),
            AbsoluteUrl = absolute,
            Ancestors = snapshot.Section(language, Section) is { } own ? [.. snapshot.Ancestors(own), own] : [],
            MetaTags = PublicationCitation.MetaTags(publication, absolute),
            CiteLinks = CiteFormats.Select(f => (PublicationExport.Label(f), $"{path}cite.{f}")).ToList(),
            BackUrl = language.Localize(AppRoutes.Section(Section)) + PublicationFilter.ListQuery(from),
            Abstract = AbstractSection.Split(publication.Abstract),
            // "PRJNA681574 – PRJNA681574": one line per entry, and no description that only repeats the accession.
            DataLinks = publication.Data.DistinctBy(d => (d.Repository, d.Accession ?? d.Url))
                .Select(d => d.Description is { } text && (text == d.Accession || text == d.Repository) ? d with { Description = null } : d).ToList(),
        };
        layout.Apply(model, publication.Title, Summary(publication.Abstract));
        // Without an abstract there is no description: reference managers take any description for the abstract.
        model.Description = Summary(publication.Abstract);
        model.OgType = "article";
        model.JsonLd = PublicationCitation.JsonLd(publication, absolute);
        return View("~/Views/Publications/Record.cshtml", model);
    }

    private static DateTimeOffset? Moment(PartialDate? date) =>
        date is { } d ? new DateTimeOffset(d.Year, Math.Max(1, d.Month), Math.Max(1, d.Day), 0, 0, 0, TimeSpan.Zero) : null;

    private static string? Summary(string? text) => text is null ? null : text.Length <= 200 ? text : text[..197].TrimEnd() + "…";

    /// <summary>A type's place in <see cref="PublicationTypes.All"/>, the order the type facet lists them in.</summary>
    private static int TypeOrder(string type)
    {
        for (var i = 0; i < PublicationTypes.All.Count; i++)
        {
            if (PublicationTypes.All[i] == type)
            {
                return i;
            }
        }
        return int.MaxValue;
    }

    private List<Facet> Facets(ResearchOutputs outputs, PublicationFilter filter, PublicationQuery query, string baseUrl)
    {
        var language = layout.Language;
        var vocabulary = snapshot.Vocabulary;
        string Url(IEnumerable<KeyValuePair<string, string?>> replacing) => baseUrl + filter.ToQueryString(replacing);
        var years = query.Years.ToDictionary(y => y.Key.ToString(CultureInfo.InvariantCulture), y => y.Value);
        var facets = new List<Facet>
        {
            Facet.Of("year", t["Year"], years, Facet.Chosen(filter.Year), y => y, (y, chosen) => Url([new("year", chosen ? null : y)]), Comparer<string>.Create((a, b) => string.CompareOrdinal(b, a))),
            Facet.Of("type", t["Type"], query.Types, Facet.Chosen(filter.Type), type => t["publication type " + type], (type, chosen) => Url([new("type", chosen ? null : type)]),
                Comparer<string>.Create((a, b) => TypeOrder(a).CompareTo(TypeOrder(b)))),
        };
        var builtIn = new HashSet<string>([t["Year"], t["Type"], t["Linked data"]], StringComparer.CurrentCultureIgnoreCase);
        foreach (var group in outputs.LabelGroups)
        {
            var chosen = filter.Labels.Where(l => Label.Parse(l)?.Group.Equals(group, StringComparison.OrdinalIgnoreCase) == true).Select(l => Label.Parse(l)!.Value).ToList();
            var name = vocabulary.Name(group, language);
            // A label group named like a facet of the portal's own ("Type") is told apart from it.
            var title = builtIn.Contains(name) ? string.Format(CultureInfo.CurrentCulture, t["{0} (as labelled in the data)"], name) : name;
            facets.Add(Facet.Of("label", title, query.Labels[group], chosen, value => vocabulary.Name(value, language), (value, isChosen) =>
            {
                var key = $"{group}: {value}";
                var labels = isChosen ? filter.Labels.Where(l => !l.Equals(key, StringComparison.OrdinalIgnoreCase)) : filter.Labels.Append(key);
                return baseUrl + filter.ToQueryString([new("label", null), .. labels.Select(l => new KeyValuePair<string, string?>("label", l))]);
            }));
        }
        facets.Add(Facet.Of("data", t["Linked data"], new Dictionary<string, int> { ["yes"] = query.WithData }, Facet.Chosen(filter.Data), _ => t["Has linked data"],
            (_, chosen) => Url([new("data", chosen ? null : "yes")])));
        return facets;
    }

    /// <summary>The most years the per-year chart spans (the latest ones).</summary>
    public const int MaximumChartYears = 100;

    /// <summary>Publications per year for the current filter, split by type; every year between the first and last is shown.</summary>
    private Chart? YearChart(IReadOnlyList<Publication> matching)
    {
        var dated = matching.Where(p => p.Published is not null).ToList();
        if (dated.Count == 0)
        {
            return null;
        }
        var last = dated.Max(p => p.Published!.Value.Year);
        // Every year between first and last is a bar: bounded, so no pair of stray dates can make thousands.
        var first = Math.Max(dated.Min(p => p.Published!.Value.Year), last - MaximumChartYears + 1);
        dated = dated.Where(p => p.Published!.Value.Year >= first).ToList();
        var years = Enumerable.Range(first, last - first + 1).ToList();
        var types = PublicationTypes.All.Where(type => dated.Any(p => p.Type == type)).ToList();
        var counts = dated.GroupBy(p => (p.Published!.Value.Year, p.Type)).ToDictionary(g => g.Key, g => g.Count());
        var labels = years.Select(y => y.ToString(CultureInfo.InvariantCulture)).ToList();
        var series = types.Select(type => new ChartSeries(t["publication type " + type], ChartKind.Bar, labels, years.Select(y => (double?)counts.GetValueOrDefault((y, type))).ToList())).ToList();
        var description = string.Format(CultureInfo.CurrentCulture, t["{0} publications from {1} to {2}; the most, {3}, in {4}."], dated.Count, first, last,
            years.Max(y => types.Sum(type => counts.GetValueOrDefault((y, type)))), years.MaxBy(y => types.Sum(type => counts.GetValueOrDefault((y, type)))));
        return new Chart(t["Publications per year"], t["Year"], t["Publications"], series) { Stacked = true, Description = description };
    }

    /// <summary>The ten most common values of the first label group that is not the type (Category, Funder, …).</summary>
    private Chart? LabelChart(ResearchOutputs outputs, PublicationQuery query)
    {
        var group = outputs.LabelGroups.FirstOrDefault(g => !g.Equals("Type", StringComparison.OrdinalIgnoreCase));
        if (group is null || query.Labels[group].Count == 0)
        {
            return null;
        }
        var top = query.Labels[group].OrderByDescending(x => x.Value).ThenBy(x => x.Key, StringComparer.Ordinal).Take(10).ToList();
        var language = layout.Language;
        var name = snapshot.Vocabulary.Name(group, language);
        var title = string.Format(CultureInfo.CurrentCulture, t["Most common: {0}"], name);
        var description = string.Format(CultureInfo.CurrentCulture, t["The {0} most common values of {1}; the first is {2} with {3} publications."], top.Count, name,
            snapshot.Vocabulary.Name(top[0].Key, language), top[0].Value);
        return new Chart(title, name, t["Publications"], [new ChartSeries(t["Publications"], ChartKind.Bar, top.Select(x => snapshot.Vocabulary.Name(x.Key, language)).ToList(), top.Select(x => (double?)x.Value).ToList())])
        {
            Horizontal = true,
            Description = description,
        };
    }
}

using DataPlatform.Content;
using DataPlatform.Web.Site;

namespace DataPlatform.Web.Outputs;

public sealed class PublicationViewModel : LayoutViewModel
{
    public required Publication Publication { get; init; }
    public required string ListUrl { get; init; }
    public required string AbsoluteUrl { get; init; }
    public IReadOnlyList<Page> Ancestors { get; init; } = [];

    /// <summary>The Highwire Press tags reference managers read (<see cref="PublicationCitation.MetaTags"/>).</summary>
    public IReadOnlyList<(string Name, string Content)> MetaTags { get; init; } = [];

    /// <summary>Format label → URL of this one record as a BibTeX, RIS or CSL-JSON file.</summary>
    public IReadOnlyList<(string Label, string Url)> CiteLinks { get; init; } = [];

    /// <summary>The list the visitor came from, with their filters (the list's own address when they came from elsewhere).</summary>
    public required string BackUrl { get; init; }

    /// <summary>The abstract's paragraphs, structured ones under their headings.</summary>
    public IReadOnlyList<AbstractSection> Abstract { get; init; } = [];

    /// <summary>The linked data, once per repository entry.</summary>
    public IReadOnlyList<DataLink> DataLinks { get; init; } = [];
}

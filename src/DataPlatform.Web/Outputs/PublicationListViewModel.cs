using DataPlatform.Content;
using DataPlatform.Content.Charts;
using DataPlatform.Web.Site;

namespace DataPlatform.Web.Outputs;

public sealed class PublicationListViewModel : ListViewModel
{
    public required PublicationFilter Filter { get; init; }
    public required IReadOnlyList<Publication> Publications { get; init; }
    public required int Matching { get; init; }
    public required int Total { get; init; }
    /// <summary>The facets, the choices in force, the count and the exports (one component for every list).</summary>
    public required FacetPanel Panel { get; init; }
    public ChartEmbed? YearChart { get; init; }
    public ChartEmbed? LabelChart { get; init; }

}

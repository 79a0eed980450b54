using DataPlatform.Content;
using DataPlatform.Web.Site;

namespace DataPlatform.Web.Outputs;

public sealed class DatasetListViewModel : ListViewModel
{
    public required DatasetFilter Filter { get; init; }
    public required IReadOnlyList<DataItem> DataItems { get; init; }
    public required int Matching { get; init; }
    public required int Total { get; init; }
    /// <summary>The facets, the choices in force and the count (one component for every list).</summary>
    public required FacetPanel Panel { get; init; }

}

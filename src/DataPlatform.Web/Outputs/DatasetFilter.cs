using System.Globalization;
using DataPlatform.Content;
using DataPlatform.Web.Site;

namespace DataPlatform.Web.Outputs;

/// <summary>Which data items a visitor asked for (<c>?repository=Zenodo&amp;type=Protein+data&amp;year=2021</c>).</summary>
public sealed class DatasetFilter : IListFilter
{
    public string? Repository { get; set => field = QueryValues.Blank(value); }

    /// <summary>A data type (<c>Genomics &amp; transcriptomics data</c>).</summary>
    public string? Type { get; set => field = QueryValues.Blank(value); }

    public string? Year { get; set => field = QueryValues.Blank(value); }

    /// <summary>Words (or an accession number) in the item's accession, repository, paper, description or data types.</summary>
    public string? Q { get; set => field = QueryValues.Blank(value); }

    /// <summary>What cannot be understood; empty when all is.</summary>
    public IReadOnlyList<FilterProblem> Problems() => FilterProblem.WordsTooLong(Q) is { } tooLong ? [tooLong] : [];

    private string[] QueryWords => field ??= TextQuery.Prepare(Q);

    public bool IsEmpty => Repository is null && Type is null && Year is null && Q is null;

    public IEnumerable<KeyValuePair<string, string?>> ToQuery() => [new("repository", Repository), new("type", Type), new("year", Year), new("q", Q)];

    public bool Matches(DataItem item, string? except = null) =>
        (except == "repository" || Repository is null || string.Equals(RepositoryOf(item), Repository, StringComparison.OrdinalIgnoreCase))
        && (except == "type" || Type is null || item.DataTypes.Contains(Type, StringComparer.OrdinalIgnoreCase))
        && (except == "year" || Year is null || item.Published?.Year.ToString(CultureInfo.InvariantCulture) == Year)
        && (Q is null || TextQuery.Matches(QueryWords, item.SearchText));

    /// <summary>The repository facet's value for items that name no repository.</summary>
    public const string NoRepository = "–";

    /// <summary>Items without a repository are counted under one value (shown as "No repository"), not a blank.</summary>
    public static string RepositoryOf(DataItem item) => item.Repository.Length > 0 ? item.Repository : NoRepository;
}

using System.Text.Encodings.Web;
using System.Text.Unicode;
using DataPlatform.Content;
using Npgsql;

namespace DataPlatform.Web.Search;

public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Total, bool OnlyStopWords);

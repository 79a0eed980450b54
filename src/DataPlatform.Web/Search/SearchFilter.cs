using DataPlatform.Web.Data;
using System.Globalization;
using System.Text;
using System.Xml;
using DataPlatform.Content;
using DataPlatform.Web.Localization;
using DataPlatform.Web.Site;
using DataPlatform.Web.Submissions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace DataPlatform.Web.Search;

/// <summary>What a search asks for, as the pager's links keep it.</summary>
public sealed record SearchFilter(string Query, string? Section) : IListFilter
{
    public IEnumerable<KeyValuePair<string, string?>> ToQuery() => [new("q", Query), new("section", Section)];
}

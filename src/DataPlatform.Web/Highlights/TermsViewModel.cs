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

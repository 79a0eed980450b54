using DataPlatform.Content;
using DataPlatform.Web.Site;

namespace DataPlatform.Web.Highlights;

public sealed class TermsViewModel : LayoutViewModel
{
    public required IReadOnlyList<Term> Terms { get; init; }

    public required string BaseUrl { get; init; }

    public IReadOnlyList<Page> Ancestors { get; init; } = [];
}

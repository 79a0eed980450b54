using DataPlatform.Content;

namespace DataPlatform.Web.Site;

public sealed record MenuViewModel(MenuPlace Place, string Label, IReadOnlyList<MenuItem> Items, string CurrentPath);

using DataPlatform.Content;
using DataPlatform.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace DataPlatform.Web.Site;

public sealed record MenuViewModel(MenuPlace Place, string Label, IReadOnlyList<MenuItem> Items, string CurrentPath);

namespace DataPlatform.Content;

/// <summary>Front-matter menus of one language: entries from every page (untranslated ones lead to the fallback), nested by <c>parent</c>.</summary>
internal static class MenuBuilder
{
    private sealed record MenuEntry(MenuDeclaration Declaration, string Name, string Identifier, string Url, Page Page);

    public static Dictionary<string, IReadOnlyList<MenuItem>> Build(SiteLanguage language, List<Page> pages, List<Diagnostic> diagnostics)
    {
        var own = pages.Where(p => p.Language == language).ToList();
        var translated = own.Select(p => p.TranslationKey).ToHashSet(StringComparer.OrdinalIgnoreCase);
        // A page not yet translated still belongs in this language's menus: its entry leads to the fallback page.
        var borrowed = pages.Where(p => p.Language != language && !translated.Contains(p.TranslationKey));
        var entries = new List<MenuEntry>();
        foreach (var page in own.Concat(borrowed))
        {
            foreach (var declaration in page.Meta.Menus)
            {
                var name = declaration.Name ?? page.Meta.LinkTitle ?? page.Title;
                var url = page.Language == language ? page.Url : language.Localize(page.Language.Neutral(page.Url));
                entries.Add(new MenuEntry(declaration, name, declaration.Identifier ?? declaration.Name ?? page.TranslationKey, url, page));
            }
        }
        var menus = new Dictionary<string, IReadOnlyList<MenuItem>>(StringComparer.OrdinalIgnoreCase);
        foreach (var menu in entries.GroupBy(e => e.Declaration.Menu, StringComparer.OrdinalIgnoreCase))
        {
            var items = menu.ToList();
            MenuEntry? FindParent(string parent) =>
                items.FirstOrDefault(e => e.Identifier.Equals(parent, StringComparison.OrdinalIgnoreCase))
                ?? items.FirstOrDefault(e => e.Name.Equals(parent, StringComparison.OrdinalIgnoreCase));
            var parentOf = new Dictionary<MenuEntry, MenuEntry?>();
            foreach (var item in items)
            {
                MenuEntry? parent = null;
                if (item.Declaration.Parent is { } parentName)
                {
                    parent = FindParent(parentName);
                    if (parent is null || parent == item)
                    {
                        parent = null;
                        if (item.Page.Language == language)
                        {
                            diagnostics.Add(new Diagnostic(Severity.Error, "menu-parent", item.Page.SourcePath, item.Page.Parsed.LineOf("parent"),
                                $"Menu '{menu.Key}': the parent '{parentName}' is not an entry of that menu; the entry is shown at the top level."));
                        }
                    }
                }
                parentOf[item] = parent;
            }
            IReadOnlyList<MenuItem> ChildrenOf(MenuEntry? parent, int depth) => depth > 5 ? [] : items
                .Where(i => parentOf[i] == parent)
                .OrderBy(i => i.Declaration.Weight == 0 ? int.MaxValue : i.Declaration.Weight)
                .ThenBy(i => i.Name, StringComparer.CurrentCultureIgnoreCase)
                .Select(i => new MenuItem(i.Name, i.Identifier, i.Url, i.Declaration.Weight, i.Declaration.Pre, i.Declaration.Post, ChildrenOf(i, depth + 1)))
                .ToList();
            menus[menu.Key] = ChildrenOf(null, 0);
        }
        return menus;
    }
}

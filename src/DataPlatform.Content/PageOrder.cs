namespace DataPlatform.Content;

/// <summary>Hugo's default page order: weight (pages without one last), then newest date first, then title.</summary>
public sealed class PageOrder : IComparer<Page>
{
    public static readonly PageOrder Instance = new();

    public int Compare(Page? x, Page? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }
        if (x is null || y is null)
        {
            return x is null ? 1 : -1;
        }
        var wx = x.Meta.Weight == 0 ? int.MaxValue : x.Meta.Weight;
        var wy = y.Meta.Weight == 0 ? int.MaxValue : y.Meta.Weight;
        var c = wx.CompareTo(wy);
        if (c != 0)
        {
            return c;
        }
        c = Nullable.Compare(y.Date, x.Date);
        if (c != 0)
        {
            return c;
        }
        c = StringComparer.CurrentCultureIgnoreCase.Compare(x.Title, y.Title);
        return c != 0 ? c : string.CompareOrdinal(x.SourcePath, y.SourcePath);
    }
}

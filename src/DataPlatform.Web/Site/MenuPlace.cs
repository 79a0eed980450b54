namespace DataPlatform.Web.Site;

/// <summary>Where in the layout a menu goes; configuration says which front-matter menu fills each place.</summary>
public enum MenuPlace
{
    Main,
    Top,
    Footer,
}

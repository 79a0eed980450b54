namespace DataPlatform.Web.Search;

public static class SearchExtensions
{
    public static void AddPortalSearch(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SearchService>();
        builder.Services.AddSingleton<SearchIndexer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SearchIndexer>());
    }
}

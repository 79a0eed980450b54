using DataPlatform.Web.Data;

namespace DataPlatform.Web.Search;

public static class SearchExtensions
{
    public static void AddPortalSearch(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => new SearchService(DatabaseExtensions.PortalConnectionString(sp.GetRequiredService<IConfiguration>())));
        builder.Services.AddSingleton<SearchIndexer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SearchIndexer>());
    }
}

using DataPlatform.Content;
using DataPlatform.Web.Site;
using Microsoft.Extensions.Options;

namespace DataPlatform.Web.Content;

public static class ContentExtensions
{
    public static void AddPortalContent(this WebApplicationBuilder builder)
    {
        // Content from git is checked out after this is validated (and may be unreachable at first): its folder may not exist yet.
        var fromGit = !string.IsNullOrEmpty(builder.Configuration[$"{Publishing.GitContentOptions.SectionName}:Repository"]);
        builder.Services.AddOptions<ContentOptions>()
            .BindConfiguration(ContentOptions.SectionName)
            .PostConfigure(o => o.Root = ContentRootLocator.Resolve(o.Root))
            .Validate(o => fromGit || Directory.Exists(o.Root), "Content:Root does not name an existing folder.")
            .Validate(o => o.Layout != ContentLayout.Directories || SiteLanguage.All.All(l => o.Directories.ContainsKey(l.Code)),
                "Content:Layout is Directories but Content:Directories does not name a folder for every language (en, sv).")
            .ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => new ContentStore(sp.GetRequiredService<IOptions<ContentOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<ContentStartup>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ContentStartup>());
        // One snapshot per request, taken when the request first needs content: a reload while the request
        // runs never mixes two versions of the site in one response.
        // The live snapshot, unless the request is a branch preview (which sets its own before anything reads this).
        builder.Services.AddScoped<Publishing.RequestSnapshot>();
        builder.Services.AddScoped(sp => sp.GetRequiredService<Publishing.RequestSnapshot>().Snapshot ?? sp.GetRequiredService<ContentStore>().Current);
        builder.Services.AddScoped<PortalLayout>();
    }

    /// <summary>Every path no other endpoint claims is looked up in the content snapshot.</summary>
    public static void MapContent(this WebApplication app) =>
        app.MapControllerRoute("content", "{**path}", new { controller = "Content", action = "Show" }).WithStaticAssets();
}

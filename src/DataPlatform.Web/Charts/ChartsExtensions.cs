using DataPlatform.Content;
using DataPlatform.Web.Fetching;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DataPlatform.Web.Charts;

public static class ChartsExtensions
{
    public static void AddPortalCharts(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ChartsOptions>().BindConfiguration(ChartsOptions.SectionName)
            .Validate(o => o.RefreshMinutes >= 1 && o.TimeoutSeconds >= 1 && o.MaximumMegabytes >= 1, "Charts: RefreshMinutes, TimeoutSeconds and MaximumMegabytes must be at least 1.")
            .Validate(o => o.AllowedHosts.All(h => h == "*" || Uri.CheckHostName(h.Trim('[', ']')) != UriHostNameType.Unknown), "Charts:AllowedHosts must hold host names or addresses (or *).")
            .ValidateOnStart();
        builder.Services.AddOptions<ContentOptions>().PostConfigure<IOptions<ChartsOptions>>((content, charts) => ChartsOptions.Apply(content, charts.Value));
        builder.Services.AddHttpClient(ChartsFetcher.Client)
            .ConfigurePrimaryHttpMessageHandler(sp => ChartsHandler.Create(sp.GetRequiredService<IOptions<ChartsOptions>>().Value))
            .ConfigureHttpClient((sp, client) => client.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<ChartsOptions>>().Value.TimeoutSeconds));
        builder.Services.TryAddSingleton<RemoteFetcher>();
        builder.Services.AddSingleton<ChartsFetcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ChartsFetcher>());
    }
}

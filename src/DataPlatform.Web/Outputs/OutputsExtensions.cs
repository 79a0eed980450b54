using DataPlatform.Content;
using DataPlatform.Web.Fetching;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DataPlatform.Web.Outputs;

public static class OutputsExtensions
{
    /// <summary>Research outputs fetched from configured URLs; the files in <c>content/data/</c> need nothing registered.</summary>
    public static void AddPortalOutputs(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OutputsOptions>().BindConfiguration(OutputsOptions.SectionName)
            .Validate(o => OutputsOptions.IsHttpUrl(o.Publications.Url) && OutputsOptions.IsHttpUrl(o.Datasets.Url),
                "Outputs:Publications:Url and Outputs:Datasets:Url must be http(s) addresses.")
            .Validate(o => o.RefreshMinutes >= 1, "Outputs:RefreshMinutes must be at least 1.")
            .Validate(o => o.MaximumMegabytes >= 1, "Outputs:MaximumMegabytes must be at least 1.")
            .ValidateOnStart();
        // The content loader reads the fetched copies beside data/ when a source is configured.
        builder.Services.AddOptions<ContentOptions>().PostConfigure<IOptions<OutputsOptions>>((content, outputs) =>
            content.FetchedDataDirectory = outputs.Value.Sources.Any() ? Path.GetFullPath(outputs.Value.CacheDirectory) : null);
        builder.Services.AddHttpClient(OutputsFetcher.Client, client => client.Timeout = TimeSpan.FromSeconds(60));
        builder.Services.TryAddSingleton<RemoteFetcher>();
        builder.Services.AddSingleton<OutputsFetcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutputsFetcher>());
    }
}

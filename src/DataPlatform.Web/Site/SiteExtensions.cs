using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;

namespace DataPlatform.Web.Site;

public static partial class SiteExtensions
{
    public static void AddPortalSite(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.SectionName).ValidateOnStart();
        builder.Services.AddHttpContextAccessor();
        // wwwroot (the stylesheet) is served from the project when the app runs from its build output
        // (scripts/run, tests) in any environment; in a published app the files sit beside it and this does nothing.
        builder.WebHost.UseStaticWebAssets();
        // Swedish letters stay letters in the HTML instead of becoming &#xF6; entities.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(o => o.JsonSerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
        // Nothing a visitor sends is bigger than a long message; refuse anything larger before reading it.
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = 256 * 1024;
            kestrel.AddServerHeader = false;
        });
        builder.Services.Configure<RouteOptions>(o => o.AppendTrailingSlash = true);
        // Over HTTPS (directly or through a trusted proxy's X-Forwarded-Proto), browsers are told to stay on HTTPS and
        // every cookie, the antiforgery one included, is Secure.
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.ExcludedHosts.Clear();
        });
        // Configured, not added: AddAntiforgery here would register Data Protection's start-up key loading before the
        // database is migrated (it runs in registration order), and replicas starting together made keys of their own.
        builder.Services.Configure<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>(o => o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest);
        builder.Services.AddSingleton<BackgroundWork>();
        // Each loop catches what its passes throw (BackgroundWork); should one still escape, the host logs it and serves on.
        builder.Services.Configure<HostOptions>(o => o.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore);
        builder.Services.AddSingleton<PageCache>();
        builder.Services.AddSingleton<PageTemplates>();
        builder.Services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.SectionName)
            .Validate(o => o.KnownProxies.All(p => System.Net.IPAddress.TryParse(p, out _)), "Proxy:KnownProxies must be IP addresses.")
            .Validate(o => o.KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)), "Proxy:KnownNetworks must be CIDR networks like 10.0.0.0/8.")
            .ValidateOnStart();
        builder.Services.AddOptions<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>()
            .Configure<Microsoft.Extensions.Options.IOptions<ProxyOptions>>((o, proxies) => ProxyOptions.Configure(o, proxies.Value));
        // Kubernetes sends SIGTERM and waits 30 s by default: finish requests and flush the spool well within that.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));
    }

    /// <summary>
    /// Errors never show stack traces or paths: exceptions go to a bilingual error page, and bare
    /// status codes (400, 405, 413, …) get a bilingual page of their own.
    /// </summary>
    public static void UsePortalErrorPages(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/status/error",
            // A body over Kestrel's limit or a malformed form is the client's doing: 413/400, not 500.
            StatusCodeSelector = exception => exception switch
            {
                BadHttpRequestException bad => bad.StatusCode,
                InvalidDataException => StatusCodes.Status400BadRequest,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        app.UseStatusCodePagesWithReExecute("/status/{0}");
    }

    /// <summary>
    /// The one place security headers are set: on every response, as it starts, so pages from the page cache,
    /// error pages (the exception handler clears headers) and files all carry them. Styles may be inline
    /// because editors write raw HTML.
    /// </summary>
    public static void UseSecurityHeaders(this WebApplication app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(ApplySecurityHeaders, context.Response);
        return next(context);
    });

    private const string ContentSecurityPolicy = "default-src 'self'; img-src 'self' https: data:; style-src 'self' 'unsafe-inline'; " +
        "script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    private static Task ApplySecurityHeaders(object state)
    {
        var headers = ((HttpResponse)state).Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return Task.CompletedTask;
    }

    public static void UsePageCache(this WebApplication app) => app.UseMiddleware<PageCacheMiddleware>();

    /// <summary>A path with repeated slashes (<c>/resources//data_sources/</c>) redirects permanently to the path with single ones, as web servers in front of static sites do.</summary>
    public static void UseSingleSlashPaths(this WebApplication app) => app.Use((context, next) =>
    {
        var path = context.Request.Path.Value;
        if (path is null || !path.Contains("//", StringComparison.Ordinal))
        {
            return next(context);
        }
        var single = new System.Text.StringBuilder(path.Length);
        foreach (var c in path)
        {
            if (c != '/' || single.Length == 0 || single[^1] != '/')
            {
                single.Append(c);
            }
        }
        context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
        context.Response.Headers.Location = (context.Request.PathBase + single.ToString()).ToString() + context.Request.QueryString;
        return Task.CompletedTask;
    });

    /// <summary>Reads forwarded headers only when proxies are configured; otherwise the middleware is not even in the pipeline.</summary>
    public static void UseTrustedProxies(this WebApplication app)
    {
        var proxies = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ProxyOptions>>().Value;
        if (proxies.KnownProxies.Count + proxies.KnownNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }
    }
}

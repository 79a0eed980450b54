using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace DataPlatform.Web.Submissions;

public static class SubmissionsExtensions
{
    public const string RateLimitPolicy = "forms";

    public static void AddPortalSubmissions(this WebApplicationBuilder builder)
    {
        // The Data Protection keys' local copy sits beside the submission spool: the one folder a deployment keeps writable.
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
            o.XmlRepository = new Data.PostgresXmlRepository(sp.GetRequiredService<Npgsql.NpgsqlDataSource>(),
                Path.Combine(Path.GetDirectoryName(Path.GetFullPath(sp.GetRequiredService<IOptions<SubmissionOptions>>().Value.SpoolDirectory))!, "keys"),
                sp.GetRequiredService<ILogger<Data.PostgresXmlRepository>>())));
        builder.Services.AddOptions<SubmissionOptions>().BindConfiguration(SubmissionOptions.SectionName)
            .Validate(o => o.MinimumFillSeconds >= 0 && o.MaximumAgeHours > 0, "Submissions: MinimumFillSeconds must be >= 0 and MaximumAgeHours > 0.")
            .Validate(o => o.RateLimitPermits > 0 && o.RateLimitWindowSeconds > 0, "Submissions: RateLimitPermits and RateLimitWindowSeconds must be positive.")
            .Validate(o => o.MaximumBodyBytes >= 1024, "Submissions: MaximumBodyBytes must be at least 1024.")
            .ValidateOnStart();
        builder.Services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.SectionName)
            .Validate(o => string.IsNullOrWhiteSpace(o.Smtp.Host) || o.Smtp.Port is > 0 and < 65536, "Notifications:Smtp:Port must be a TCP port.")
            .ValidateOnStart();

        builder.Services.AddSingleton<SubmissionSpool>();
        builder.Services.AddSingleton<SpoolSignal>();
        builder.Services.AddSingleton<NotificationSignal>();
        builder.Services.AddSingleton<FormStamp>();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Antiforgery.IAntiforgeryAdditionalDataProvider>(sp => sp.GetRequiredService<FormStamp>());
        builder.Services.AddSingleton<FormPageTemplates>();
        builder.Services.AddScoped<SubmissionIntake>();
        builder.Services.AddSingleton<SpoolDrainService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SpoolDrainService>());
        builder.Services.AddSingleton<MailServer>();
        builder.Services.AddSingleton<SubmissionNotifier>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SubmissionNotifier>());
        builder.Services.AddSingleton<ReplySignal>();
        builder.Services.AddScoped<ReplyComposer>();
        builder.Services.AddSingleton<ReplySender>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ReplySender>());

        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Say when to try again (the window's end), as RFC 9110 asks of a 429.
            limiter.OnRejected = (context, _) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    : context.HttpContext.RequestServices.GetRequiredService<IOptions<SubmissionOptions>>().Value.RateLimitWindowSeconds;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(RateLimitPolicy, context =>
            {
                var settings = context.RequestServices.GetRequiredService<IOptions<SubmissionOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = settings.RateLimitPermits,
                    Window = TimeSpan.FromSeconds(settings.RateLimitWindowSeconds),
                    QueueLimit = 0,
                });
            });
        });
    }

    /// <summary>
    /// One limit and one 413 page for every post to a form, whatever the transfer encoding: a declared length over the
    /// limit is refused unread; a chunked body is read up to the limit (and kept for the form to read) and refused
    /// past it. Runs after routing, before antiforgery and model binding read the body.
    /// </summary>
    public static void UseFormBodyLimit(this WebApplication app) => app.Use(async (context, next) =>
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            || context.GetEndpoint()?.Metadata.GetMetadata<FormBodyLimitAttribute>() is null)
        {
            await next(context);
            return;
        }
        var limit = context.RequestServices.GetRequiredService<IOptions<SubmissionOptions>>().Value.MaximumBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        if (context.Request.ContentLength is null)
        {
            context.Request.EnableBuffering(bufferThreshold: limit + 1, bufferLimit: limit + 1);
            var buffer = new byte[8192];
            long read = 0;
            try
            {
                int n;
                while ((n = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
                {
                    read += n;
                }
            }
            catch (IOException)
            {
                // The buffer refuses to grow past the limit (or the client went away): either way, too much.
                read = limit + 1L;
            }
            if (read > limit)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }
            context.Request.Body.Position = 0;
        }
        await next(context);
    });

    /// <summary>
    /// A fresh form whose page is kept (<see cref="FormPageTemplates"/>) is answered here, without MVC: its controller,
    /// filters and services cost a form page 10%. After authentication, since an antiforgery token is bound to the
    /// signed-in user (the staff cookie is limited to /staff today, but the order should not depend on it).
    /// </summary>
    public static void UseFormPages(this WebApplication app)
    {
        var metrics = app.Services.GetRequiredService<Site.PortalMetrics>();
        var (notifier, replies, spool) = (app.Services.GetRequiredService<SubmissionNotifier>(), app.Services.GetRequiredService<ReplySender>(), app.Services.GetRequiredService<SubmissionSpool>());
        metrics.ObserveMailQueue(() => notifier.Waiting + replies.Waiting);
        metrics.ObserveSpool(() => spool.Count);
        var templates = app.Services.GetRequiredService<FormPageTemplates>();
        app.Use((context, next) =>
            HttpMethods.IsGet(context.Request.Method) && context.GetEndpoint()?.Metadata.GetMetadata<FormPageAttribute>() is { } formPage
                && templates.TryServe(context, formPage.Kind) is { } served
                ? served
                : next(context));
    }
}

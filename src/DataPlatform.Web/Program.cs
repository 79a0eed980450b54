using DataPlatform.Web.Charts;
using DataPlatform.Web.Content;
using DataPlatform.Web.Data;
using DataPlatform.Web.Health;
using DataPlatform.Web.Localization;
using DataPlatform.Web.Logging;
using DataPlatform.Web.Outputs;
using DataPlatform.Web.Publishing;
using DataPlatform.Web.Search;
using DataPlatform.Web.Site;
using DataPlatform.Web.Staff;
using DataPlatform.Web.Submissions;

// Commands of the app that need no web host.
if (args is ["check", ..])
{
    return CheckCommand.Run(args[1..], Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);

builder.AddPortalLogging();
builder.AddPortalHealth();
builder.AddPortalMetrics();
builder.AddPortalSite();
builder.AddPortalDatabase();
builder.AddPortalGitContent();
builder.AddPortalContent();
builder.AddPortalOutputs();
builder.AddPortalCharts();
builder.AddPortalSubmissions();
builder.AddPortalSearch();
builder.AddPortalStaff();
builder.AddPortalLocalization();
builder.Services.AddControllersWithViews().AddPortalViewLocalization();

var app = builder.Build();

if (args is ["staff", ..])
{
    return await StaffCommand.RunAsync(app.Services, args[1..], Console.In, Console.Out, Console.Error);
}

app.UseTrustedProxies();
app.UseRequestLogging();
app.UseSecurityHeaders();
app.UseHsts();
app.UseSingleSlashPaths();
app.UsePortalMetrics();
// A cached page is answered before anything else runs.
app.UsePageCache();
app.UsePreviews();
app.UsePortalErrorPages();
app.UseRouting();
app.UseFormBodyLimit();
app.UsePortalLocalization();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseFormPages();

app.MapStaticAssets();
app.MapHealthEndpoints();
app.MapContentHook();
// WithStaticAssets: views link the stylesheet by its fingerprinted name, which is cached for a year.
app.MapControllers().WithStaticAssets();
app.MapContent();

app.Run();
return 0;

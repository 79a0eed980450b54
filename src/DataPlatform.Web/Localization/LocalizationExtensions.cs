using System.Globalization;
using DataPlatform.Content;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Razor;

namespace DataPlatform.Web.Localization;

public static class LocalizationExtensions
{
    public static void AddPortalLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = SiteLanguage.All.Select(l => new CultureInfo(l.Code)).ToList();
            options.DefaultRequestCulture = new RequestCulture(SiteLanguage.Default.Code);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.RequestCultureProviders = [new UrlCultureProvider()];
        });
    }

    /// <summary>Routes in both languages; view and form-validation messages from the one shared resource.</summary>
    public static IMvcBuilder AddPortalViewLocalization(this IMvcBuilder mvc)
    {
        // Model binding's own messages (IsOrganiser=maybe) in the page's language too, not only the attributes'.
        mvc.Services.AddOptions<Microsoft.AspNetCore.Mvc.MvcOptions>().Configure<Microsoft.Extensions.Localization.IStringLocalizerFactory>((o, factory) =>
        {
            var t = factory.Create(typeof(SharedResource));
            var messages = o.ModelBindingMessageProvider;
            messages.SetAttemptedValueIsInvalidAccessor((value, _) => t["The value '{0}' is not valid.", value]);
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => t["The value '{0}' is not valid.", value]);
            messages.SetValueIsInvalidAccessor(value => t["The value '{0}' is not valid.", value]);
            messages.SetUnknownValueIsInvalidAccessor(_ => t["This value is not valid."]);
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["This value is not valid."]);
            messages.SetValueMustBeANumberAccessor(_ => t["Enter a number."]);
            messages.SetNonPropertyValueMustBeANumberAccessor(() => t["Enter a number."]);
            messages.SetValueMustNotBeNullAccessor(_ => t["A value is required."]);
            messages.SetMissingBindRequiredValueAccessor(_ => t["A value is required."]);
            messages.SetMissingKeyOrValueAccessor(() => t["A value is required."]);
            messages.SetMissingRequestBodyRequiredValueAccessor(() => t["A value is required."]);
        });
        return mvc
        .AddMvcOptions(o => o.Conventions.Add(new BilingualRoutesConvention()))
        .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
        .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
    }

    /// <summary>Must run after routing (aspnetcore#15313) so the culture applies to everything the endpoint renders.</summary>
    public static void UsePortalLocalization(this WebApplication app) => app.UseRequestLocalization();
}

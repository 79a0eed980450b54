using System.Security.Claims;
using DataPlatform.Web.Site;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace DataPlatform.Web.Staff;

/// <summary>
/// Staff sign-in through the organisation's identity provider. The provider vouches for an email address; the portal
/// lets in only an enabled staff account with that (verified) address, made by the <c>staff</c> command, with the role
/// it has here. Nobody signs up this way.
/// </summary>
[Route(AppRoutes.Staff), AllowAnonymous]
public sealed class StaffOidcController(IOptions<StaffOptions> options, SignInManager<StaffUser> signIn, UserManager<StaffUser> users, PortalLayout layout,
    ILogger<StaffOidcController> logger) : Controller
{
    public const string Scheme = "oidc";

    /// <summary>The session's sign-in method (kept by Identity when it refreshes the cookie), so sign-out knows to end the provider's session too.</summary>
    public const string Method = "oidc";

    [HttpPost("signin/oidc"), ValidateAntiForgeryToken]
    public IActionResult Start(string? returnUrl) => options.Value.Oidc.IsConfigured
        ? Challenge(new AuthenticationProperties { RedirectUri = "/staff/signin/oidc/done" + QueryString.Create("returnUrl", LocalOrHome(returnUrl)) }, Scheme)
        : NotFound();

    /// <summary>Where the provider's answer lands once the handler has checked it (issuer, signature, lifetime, nonce, PKCE).</summary>
    [HttpGet("signin/oidc/done")]
    public async Task<IActionResult> Done(string? returnUrl)
    {
        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        if (!external.Succeeded || external.Principal is not { } principal)
        {
            return LocalRedirect("/staff/signin");
        }
        var email = principal.FindFirst("email")?.Value;
        var verified = string.Equals(principal.FindFirst("email_verified")?.Value, "true", StringComparison.OrdinalIgnoreCase);
        var user = email is not null && verified ? await users.FindByEmailAsync(email) : null;
        if (user is null || await users.IsLockedOutAsync(user) || !await signIn.CanSignInAsync(user))
        {
            logger.LogWarning("Staff sign-in through {Provider} refused for {Email}: {Reason}", options.Value.Oidc.DisplayName, email ?? "(no email)",
                email is null ? "the provider gave no email" : !verified ? "the email is not verified" : user is null ? "no staff account" : "account disabled");
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return SignInPage(RefusedMessage(options.Value.Oidc.DisplayName));
        }
        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: Method);
        logger.LogInformation("Staff sign-in through {Provider} succeeded for {Email}", options.Value.Oidc.DisplayName, user.Email);
        return LocalRedirect(LocalOrHome(returnUrl));
    }

    public static string RefusedMessage(string provider) =>
        $"{provider} signed you in, but that address has no staff account here, or the account is disabled. Ask an administrator.";

    public static string FailedMessage(string provider) => $"Signing in with {provider} did not work. Try again, or ask an administrator.";

    /// <summary>
    /// After the portal's session has ended: the provider's sign-out page when the session came from it and it offers an
    /// end-session endpoint, otherwise the portal's sign-in page.
    /// </summary>
    public static async Task<IActionResult> AfterSignOutAsync(Controller controller, bool fromProvider)
    {
        if (fromProvider && controller.HttpContext.RequestServices.GetRequiredService<IOptions<StaffOptions>>().Value.Oidc.IsConfigured)
        {
            var provider = controller.HttpContext.RequestServices.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(Scheme);
            var configuration = await provider.ConfigurationManager!.GetConfigurationAsync(controller.HttpContext.RequestAborted);
            if (!string.IsNullOrEmpty(configuration.EndSessionEndpoint))
            {
                return controller.SignOut(new AuthenticationProperties { RedirectUri = "/staff/signin" }, Scheme);
            }
        }
        return controller.LocalRedirect("/staff/signin");
    }

    private string LocalOrHome(string? returnUrl) => returnUrl is not null && Url.IsLocalUrl(returnUrl) ? returnUrl : AppRoutes.Staff;

    private ViewResult SignInPage(string error)
    {
        var model = layout.Apply(new StaffFormViewModel<SignInForm> { Form = new SignInForm(), Error = error }, "Staff sign-in");
        model.NoIndex = true;
        return View("~/Views/StaffAccount/SignIn.cshtml", model);
    }
}

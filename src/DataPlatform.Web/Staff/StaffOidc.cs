using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace DataPlatform.Web.Staff;

/// <summary>How the portal talks OpenID Connect to the organisation's provider.</summary>
public static class StaffOidc
{
    /// <summary>
    /// Authorization code with PKCE, the answer in the query (so the short-lived cookies can be <c>Lax</c> and live under
    /// <c>/staff</c> only), the ID token's issuer, audience, signature and lifetime checked by the handler, and only the
    /// email taken from it: the account and its role are the portal's.
    /// </summary>
    public static void Configure(OpenIdConnectOptions o, StaffOidcOptions oidc)
    {
        o.Authority = oidc.Authority;
        o.ClientId = oidc.ClientId;
        o.ClientSecret = oidc.ClientSecret.Length > 0 ? oidc.ClientSecret : null;
        o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
        o.ResponseType = OpenIdConnectResponseType.Code;
        o.ResponseMode = OpenIdConnectResponseMode.Query;
        o.UsePkce = true;
        o.SignInScheme = IdentityConstants.ExternalScheme;
        o.CallbackPath = "/staff/signin-oidc";
        o.SignedOutCallbackPath = "/staff/signout-oidc";
        o.SignedOutRedirectUri = "/staff/signin";
        o.Scope.Clear();
        o.Scope.Add("openid");
        o.Scope.Add("email");
        o.MapInboundClaims = false;
        o.GetClaimsFromUserInfoEndpoint = false;
        foreach (var cookie in new[] { o.CorrelationCookie, o.NonceCookie })
        {
            cookie.Path = "/staff";
            cookie.SameSite = SameSiteMode.Lax;
            cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        }
        // ASP.NET Core does not check the signature of an ID token that comes from the token endpoint (the specification
        // allows that over TLS); the portal does: signed by one of the provider's published keys, or nobody is signed in.
        o.Events.OnTokenValidated = async context =>
        {
            var configuration = await context.Options.ConfigurationManager!.GetConfigurationAsync(context.HttpContext.RequestAborted);
            var result = await new JsonWebTokenHandler().ValidateTokenAsync(context.TokenEndpointResponse?.IdToken ?? context.ProtocolMessage.IdToken, new TokenValidationParameters
            {
                IssuerSigningKeys = configuration.SigningKeys,
                RequireSignedTokens = true,
                ValidIssuer = configuration.Issuer,
                ValidAudience = context.Options.ClientId,
            });
            if (!result.IsValid)
            {
                context.Fail(result.Exception?.Message ?? "the ID token is not signed by the provider");
            }
        };
        // A provider that refuses, or an answer that does not check out (wrong issuer, expired or unsigned token): back to
        // the sign-in page with a message, and the reason in the log; never an error page.
        o.Events.OnRemoteFailure = context =>
        {
            context.HttpContext.RequestServices.GetRequiredService<ILogger<StaffOidcController>>()
                .LogWarning(context.Failure, "Staff sign-in through {Provider} failed: {Reason}", oidc.DisplayName, context.Failure?.Message);
            context.Response.Redirect("/staff/signin?failed=oidc");
            context.HandleResponse();
            return Task.CompletedTask;
        };
    }
}

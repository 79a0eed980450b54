using DataPlatform.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace DataPlatform.Web.Staff;

public static class StaffExtensions
{
    public const string StaffPolicy = "Staff";
    public const string AdminPolicy = "Admin";

    /// <summary>ASP.NET Core Identity on the portal's PostgreSQL, cookie sign-in limited to <c>/staff</c>, two roles.</summary>
    public static void AddPortalStaff(this WebApplicationBuilder builder)
    {
        builder.Services.AddIdentityCore<StaffUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                // Lockout only serves the staff command's "disable"; wrong passwords are slowed by SignInThrottle, which
                // unlike Identity's counter cannot be used by a stranger to lock the owner out.
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        builder.Services.AddOptions<StaffOptions>().BindConfiguration(StaffOptions.SectionName)
            .Validate(o => o.LocalPasswords || o.Oidc.IsConfigured, "Staff:LocalPasswords can be false only when Staff:Oidc:Authority and Staff:Oidc:ClientId are set.")
            .Validate(o => o.Oidc.Authority.Length == 0 || Uri.TryCreate(o.Oidc.Authority, UriKind.Absolute, out _), "Staff:Oidc:Authority must be an absolute address.")
            .ValidateOnStart();
        var authentication = builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme);
        authentication.AddIdentityCookies();
        // The cookie that carries the provider's answer to the page that checks it: staff pages only, like the session's.
        builder.Services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ExternalScheme, o =>
        {
            o.Cookie.Path = "/staff";
            o.Cookie.SameSite = SameSiteMode.Lax;
        });
        var oidc = builder.Configuration.GetSection($"{StaffOptions.SectionName}:Oidc").Get<StaffOidcOptions>() ?? new StaffOidcOptions();
        if (oidc.IsConfigured)
        {
            authentication.AddOpenIdConnect(StaffOidcController.Scheme, o => StaffOidc.Configure(o, oidc));
        }
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/staff/signin";
            o.LogoutPath = "/staff/signout";
            o.AccessDeniedPath = "/staff/denied";
            o.Cookie.Name = "portal-staff";
            // Only staff pages ever see the cookie: public pages stay anonymous and cacheable.
            o.Cookie.Path = "/staff";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });
        // Sign-out, a password change, a disabled account or a reset password end every session at once: the cookie's
        // security stamp is checked against the database on each staff request (staff traffic is small).
        builder.Services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.Zero;
            // The refreshed session keeps how it was signed in (Identity drops it), so sign-out knows to end the provider's too.
            o.OnRefreshingPrincipal = context =>
            {
                if (context.CurrentPrincipal?.FindFirst(System.Security.Claims.ClaimTypes.AuthenticationMethod) is { } method
                    && context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
                {
                    identity.AddClaim(new System.Security.Claims.Claim(method.Type, method.Value));
                }
                return Task.CompletedTask;
            };
        });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, p => p.RequireRole(StaffRoles.Staff, StaffRoles.Admin))
            .AddPolicy(AdminPolicy, p => p.RequireRole(StaffRoles.Admin));
        builder.Services.AddScoped<SubmissionReview>();
        builder.Services.AddSingleton<SignInThrottle>();
    }
}

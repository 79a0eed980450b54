using DataPlatform.Web.Site;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace DataPlatform.Web.Staff;

/// <summary>Staff sign-in, sign-out and password change. There is no sign-up: accounts come from the <c>staff</c> command.</summary>
[Route(AppRoutes.Staff)]
public sealed class StaffAccountController(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, SignInThrottle throttle, IDataProtectionProvider protection, PortalLayout layout, TimeProvider clock, Microsoft.Extensions.Options.IOptions<StaffOptions> options, ILogger<StaffAccountController> logger) : Controller
{
    /// <summary>Set after a successful sign-in: this browser is the account owner's, and failures from elsewhere do not slow it down.</summary>
    public const string DeviceCookie = "portal-staff-device";

    public const string FailedMessage = "The email address or password is wrong, or the account is disabled. Try again, or ask an administrator.";

    private static readonly Lazy<string> UnknownAccountHash = new(() => new PasswordHasher<StaffUser>().HashPassword(new StaffUser(), Guid.NewGuid().ToString()));

    [HttpGet("signin"), AllowAnonymous]
    public IActionResult SignIn(string? returnUrl, string? failed) =>
        View(Model(new SignInForm(), "Staff sign-in", failed == "oidc" ? StaffOidcController.FailedMessage(options.Value.Oidc.DisplayName) : null, returnUrl));

    [HttpPost("signin"), AllowAnonymous, ValidateAntiForgeryToken]
    public async Task<IActionResult> SignIn(SignInForm form, string? returnUrl)
    {
        if (!options.Value.LocalPasswords)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(Model(new SignInForm(), "Staff sign-in", $"Passwords are switched off here: sign in with {options.Value.Oidc.DisplayName}.", returnUrl));
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(Model(form, "Staff sign-in", "Enter your email address and password.", returnUrl));
        }
        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var devices = protection.CreateProtector("DataPlatform.Staff.Device");
        var wait = throttle.Wait(address, form.Email!, IsKnownDevice(devices, form.Email!));
        if (wait > TimeSpan.Zero)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            logger.LogWarning("Staff sign-in for {Email} from {Address} held back for {Seconds} s after repeated failures", form.Email, address, seconds);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return View(Model(new SignInForm { Email = form.Email }, "Staff sign-in", ThrottledMessage(seconds), returnUrl));
        }
        // A wrong password costs the same for a real account and an unknown one (one look-up, one hash, no write),
        // so the time taken does not tell which accounts exist. Nothing is counted on the account: the throttle slows
        // guessing down instead of locking the owner out.
        var user = await users.FindByEmailAsync(form.Email!);
        var passwordRight = false;
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new StaffUser(), UnknownAccountHash.Value, form.Password!);
        }
        else
        {
            passwordRight = await users.CheckPasswordAsync(user, form.Password!);
        }
        // A disabled account (its lockout end set far in the future by the staff command) answers like a wrong password.
        var allowed = passwordRight && !await users.IsLockedOutAsync(user!) && await signIn.CanSignInAsync(user!);
        if (!allowed)
        {
            throttle.Failed(address, form.Email!);
            // The log says who tried and how it ended, never the password.
            logger.LogWarning("Staff sign-in failed for {Email} from {Address}: {Reason}", form.Email, address, passwordRight ? "account disabled" : "wrong email or password");
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            // One message for every failure: which accounts exist, or are disabled, is nobody's business before signing in.
            return View(Model(new SignInForm { Email = form.Email }, "Staff sign-in", FailedMessage, returnUrl));
        }
        throttle.Succeeded(address, form.Email!);
        await signIn.SignInAsync(user!, isPersistent: false);
        Response.Cookies.Append(DeviceCookie, devices.Protect(user!.NormalizedEmail!), new CookieOptions
        {
            Path = "/staff", HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = Request.IsHttps, IsEssential = true,
            Expires = clock.GetUtcNow().AddDays(180),
        });
        logger.LogInformation("Staff sign-in succeeded for {Email}", user!.Email);
        if (user.MustChangePassword)
        {
            return RedirectToAction(nameof(Password));
        }
        return LocalRedirect(Url.IsLocalUrl(returnUrl) && returnUrl.StartsWith("/staff", StringComparison.Ordinal) ? returnUrl : "/staff/");
    }

    public static string ThrottledMessage(int seconds) =>
        $"Too many failed sign-ins. Wait {(seconds < 120 ? $"{seconds} seconds" : $"{(seconds + 59) / 60} minutes")} and try again.";

    private bool IsKnownDevice(IDataProtector devices, string email)
    {
        if (Request.Cookies[DeviceCookie] is not { } cookie)
        {
            return false;
        }
        try
        {
            return string.Equals(devices.Unprotect(cookie), users.NormalizeEmail(email), StringComparison.Ordinal);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false; // a forged, stale or foreign cookie is simply not a known device
        }
    }

    [HttpPost("signout"), Authorize, ValidateAntiForgeryToken]
    public async Task<IActionResult> SignOutStaff()
    {
        logger.LogInformation("Staff sign-out for {Email}", User.Identity?.Name);
        var fromProvider = User.FindFirst(System.Security.Claims.ClaimTypes.AuthenticationMethod)?.Value == StaffOidcController.Method;
        // A new security stamp makes every copy of this session's cookie worthless, not only the browser's.
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }
        await signIn.SignOutAsync();
        return await StaffOidcController.AfterSignOutAsync(this, fromProvider);
    }

    [HttpGet("password"), Authorize]
    public async Task<IActionResult> Password() =>
        await users.GetUserAsync(User) is { } user ? View(PasswordModel(user, null)) : Challenge();

    [HttpPost("password"), Authorize, ValidateAntiForgeryToken]
    public async Task<IActionResult> Password(PasswordForm form)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        // After a sign-in with a one-time password the staff member has just typed it: asking again only gets in the way.
        if (!user.MustChangePassword && string.IsNullOrEmpty(form.Current))
        {
            ModelState.AddModelError(nameof(form.Current), "Enter your current password.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(PasswordModel(user, string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage))));
        }
        var result = user.MustChangePassword
            ? await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), form.New!)
            : await users.ChangePasswordAsync(user, form.Current!, form.New!);
        if (!result.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(PasswordModel(user, string.Join(" ", result.Errors.Select(e => e.Description))));
        }
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("Staff password changed for {Email}", user.Email);
        return LocalRedirect("/staff/");
    }

    private StaffFormViewModel<PasswordForm> PasswordModel(StaffUser user, string? error)
    {
        var model = layout.Apply(new StaffFormViewModel<PasswordForm> { Form = new PasswordForm(), Error = error, AsksCurrentPassword = !user.MustChangePassword }, "Change your password");
        model.NoIndex = true;
        return model;
    }

    [HttpGet("denied"), AllowAnonymous]
    public IActionResult Denied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View(layout.ApplyStatus(new LayoutViewModel(), "Access denied"));
    }

    private StaffFormViewModel<T> Model<T>(T form, string title, string? error, string? returnUrl)
    {
        var model = layout.Apply(new StaffFormViewModel<T> { Form = form, Error = error, ReturnUrl = returnUrl }, title);
        model.NoIndex = true;
        return model;
    }
}

using System.Net;
using DataPlatform.Tests.Infrastructure;
using DataPlatform.Web.Staff;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DataPlatform.Tests.Staff;

/// <summary>Staff sign-in through an OpenID Connect provider run on loopback: code flow with PKCE, only existing enabled accounts, the provider's sign-out.</summary>
public sealed class OidcSignInTests
{
    private static Dictionary<string, string?> Settings(OidcProvider provider, bool localPasswords = true) => new()
    {
        ["Staff:Oidc:Authority"] = provider.Authority,
        ["Staff:Oidc:ClientId"] = "portal",
        ["Staff:Oidc:ClientSecret"] = "portal-secret",
        ["Staff:Oidc:DisplayName"] = "Example ID",
        ["Staff:Oidc:RequireHttpsMetadata"] = "false",
        ["Staff:LocalPasswords"] = localPasswords ? "true" : "false",
    };

    private static HttpClient Browser(PortalFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>What a browser does: the button, the provider (which signs in at once), the way back; the last answer.</summary>
    private static async Task<HttpResponseMessage> SignInThroughProviderAsync(HttpClient browser)
    {
        var page = await Html.GetAsync(browser, "/staff/signin");
        var form = page.QuerySelector("form.staff-signin-oidc")!;
        var start = await browser.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["returnUrl"] = "",
        }));
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        using var outside = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var back = await outside.GetAsync(start.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var callback = await browser.GetAsync(back.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        return await browser.GetAsync(callback.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_existing_account_signs_in_through_the_provider_with_pkce_keeps_its_role_and_signs_out_there_too()
    {
        await using var provider = await OidcProvider.StartAsync();
        await using var factory = await PortalFactory.CreateAsync(Fixtures.Portal, Settings(provider));
        provider.Email = await StaffAccounts.CreateAsync(factory, StaffRoles.Admin, mustChangePassword: true);
        var browser = Browser(factory);

        Assert.Equal("Sign in with Example ID", (await Html.GetAsync(browser, "/staff/signin")).QuerySelector("form.staff-signin-oidc button")!.TextContent);
        var done = await SignInThroughProviderAsync(browser);

        Assert.Equal((HttpStatusCode.Redirect, "/staff/"), (done.StatusCode, done.Headers.Location!.OriginalString));
        var authorize = provider.LastAuthorize;
        Assert.Equal(("portal", "code", "S256", "http://localhost/staff/signin-oidc"),
            (authorize["client_id"], authorize["response_type"], authorize["code_challenge_method"], authorize["redirect_uri"]));
        Assert.Equal(43, authorize["code_challenge"].Length);
        // An administrator here (the provider says nothing about roles), and no password to change after this sign-in.
        var home = await browser.GetAsync("/staff/");
        Assert.Equal((HttpStatusCode.OK, null), (home.StatusCode, home.Headers.Location?.OriginalString));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/staff/export.csv")).StatusCode);

        var signOutPage = await Html.GetAsync(browser, "/staff/");
        var signOut = await browser.PostAsync("/staff/signout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = signOutPage.QuerySelector("form[action='/staff/signout'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.StartsWith(provider.Authority + "/logout?", signOut.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/staff/")).StatusCode);
    }

    [Fact]
    public async Task An_address_without_an_enabled_account_is_refused_with_a_message()
    {
        await using var provider = await OidcProvider.StartAsync();
        await using var factory = await PortalFactory.CreateAsync(Fixtures.Portal, Settings(provider));
        provider.Email = "stranger@example.org";

        var unknown = await SignInThroughProviderAsync(Browser(factory));

        Assert.Equal(HttpStatusCode.Forbidden, unknown.StatusCode);
        Assert.Equal(StaffOidcController.RefusedMessage("Example ID"), (await Html.ParseAsync(unknown)).QuerySelector(".error-summary")!.TextContent.Trim());

        provider.Email = await StaffAccounts.CreateAsync(factory, StaffRoles.Staff);
        provider.Issue = OidcProvider.Token.Unverified;
        Assert.Equal(HttpStatusCode.Forbidden, (await SignInThroughProviderAsync(Browser(factory))).StatusCode);

        provider.Issue = OidcProvider.Token.Good;
        using (var output = new StringWriter())
        {
            Assert.Equal(0, await StaffCommand.RunAsync(factory.Services, ["disable", provider.Email], new StringReader(""), output, output));
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await SignInThroughProviderAsync(Browser(factory))).StatusCode);
    }

    [Theory]
    [InlineData(OidcProvider.Token.WrongIssuer)]
    [InlineData(OidcProvider.Token.Expired)]
    [InlineData(OidcProvider.Token.WithoutSignature)]
    public async Task A_token_that_does_not_check_out_signs_nobody_in(OidcProvider.Token token)
    {
        await using var provider = await OidcProvider.StartAsync();
        await using var factory = await PortalFactory.CreateAsync(Fixtures.Portal, Settings(provider));
        provider.Email = await StaffAccounts.CreateAsync(factory, StaffRoles.Staff);
        provider.Issue = token;
        var browser = Browser(factory);

        var page = await SignInThroughProviderAsync(browser);

        Assert.Equal((HttpStatusCode.OK, null), (page.StatusCode, page.Headers.Location?.OriginalString));
        Assert.Equal(StaffOidcController.FailedMessage("Example ID"), (await Html.ParseAsync(page)).QuerySelector(".error-summary")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/staff/")).StatusCode);
    }

    [Fact]
    public async Task With_local_passwords_off_only_the_provider_signs_in()
    {
        await using var provider = await OidcProvider.StartAsync();
        await using var factory = await PortalFactory.CreateAsync(Fixtures.Portal, Settings(provider, localPasswords: false));
        var email = await StaffAccounts.CreateAsync(factory, StaffRoles.Staff);
        var browser = Browser(factory);

        Assert.Null((await Html.GetAsync(browser, "/staff/signin")).QuerySelector("input[type=password]"));
        Assert.Equal(HttpStatusCode.BadRequest, (await StaffAccounts.PostSignInAsync(browser, email, StaffAccounts.Password)).StatusCode);
    }
}

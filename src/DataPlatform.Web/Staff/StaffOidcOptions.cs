namespace DataPlatform.Web.Staff;

/// <summary>The <c>Staff:Oidc</c> section: the organisation's OpenID Connect provider (authorization code with PKCE).</summary>
public sealed class StaffOidcOptions
{
    /// <summary>The provider's address, where <c>/.well-known/openid-configuration</c> is found.</summary>
    public string Authority { get; set; } = "";

    public string ClientId { get; set; } = "";

    /// <summary>The client's secret, when the provider gives one (PKCE is used either way).</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>The name on the button: "Sign in with <c>DisplayName</c>".</summary>
    public string DisplayName { get; set; } = "your organisation";

    /// <summary>Whether the provider's metadata must come over HTTPS (default true; only a test provider on loopback should turn it off).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool IsConfigured => Authority.Length > 0 && ClientId.Length > 0;
}

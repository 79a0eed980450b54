namespace DataPlatform.Web.Staff;

/// <summary>The <c>Staff</c> section: how staff sign in.</summary>
public sealed class StaffOptions
{
    public const string SectionName = "Staff";

    /// <summary>Whether staff may sign in with a password (default true); false leaves only the organisation's sign-in.</summary>
    public bool LocalPasswords { get; set; } = true;

    /// <summary>Sign-in through the organisation's identity provider (OpenID Connect); off unless <c>Authority</c> and <c>ClientId</c> are set.</summary>
    public StaffOidcOptions Oidc { get; set; } = new();
}

namespace DataPlatform.Web.Staff;

/// <summary>The two staff roles: Staff review submissions; Admins also export them (personal data in bulk).</summary>
public static class StaffRoles
{
    public const string Staff = "Staff";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Staff, Admin];
}

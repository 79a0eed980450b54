using Microsoft.AspNetCore.Identity;

namespace DataPlatform.Web.Staff;

/// <summary>A staff account (ASP.NET Core Identity). Created by the <c>staff</c> command, never by sign-up.</summary>
public sealed class StaffUser : IdentityUser
{
    /// <summary>Set when the password was handed out by the command: it must be replaced at first sign-in.</summary>
    public bool MustChangePassword { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

using System.ComponentModel.DataAnnotations;

namespace DataPlatform.Web.Staff;

public sealed class PasswordForm
{
    /// <summary>Required except right after a sign-in with a one-time password, which was just typed (see <see cref="StaffUser.MustChangePassword"/>).</summary>
    [StringLength(256)]
    public string? Current { get; set; }

    [Required(ErrorMessage = "Enter a new password."), StringLength(256, MinimumLength = 12, ErrorMessage = "The new password must have at least 12 characters.")]
    public string? New { get; set; }

    [Compare(nameof(New), ErrorMessage = "The two new passwords differ.")]
    public string? Confirm { get; set; }
}

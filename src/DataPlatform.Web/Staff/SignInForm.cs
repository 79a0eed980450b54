using System.ComponentModel.DataAnnotations;

namespace DataPlatform.Web.Staff;

public sealed class SignInForm
{
    [Required(ErrorMessage = "Enter your email address."), EmailAddress(ErrorMessage = "Enter an email address like name@example.org."), StringLength(256)]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Enter your password."), StringLength(256)]
    public string? Password { get; set; }
}

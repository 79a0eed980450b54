using DataPlatform.Web.Site;

namespace DataPlatform.Web.Staff;

public sealed class StaffFormViewModel<T> : LayoutViewModel
{
    public required T Form { get; init; }

    public string? Error { get; init; }

    public string? ReturnUrl { get; init; }

    /// <summary>Whether the password form asks for the current password (not on the first sign-in, right after the one-time password).</summary>
    public bool AsksCurrentPassword { get; init; } = true;
}

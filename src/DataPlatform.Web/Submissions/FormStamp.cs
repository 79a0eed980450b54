using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace DataPlatform.Web.Submissions;

/// <summary>
/// A signed "this form was served at" time stamp in a hidden field. Bots post at once or replay old
/// forms; people take a few seconds. The signature (Data Protection) means the time cannot be forged.
/// </summary>
public sealed class FormStamp(IDataProtectionProvider protection, TimeProvider clock, IOptions<SubmissionOptions> options)
{
    private readonly IDataProtector _protector = protection.CreateProtector("DataPlatform.Submissions.FormStamp.v1");

    public string Issue(string formKind) =>
        _protector.Protect($"{formKind}|{clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>Null when the stamp is fine; otherwise why the post looks like spam.</summary>
    public string? Check(string? stamp, string formKind)
    {
        if (string.IsNullOrEmpty(stamp))
        {
            return "missing form stamp";
        }
        string payload;
        try
        {
            payload = _protector.Unprotect(stamp);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return "invalid form stamp";
        }
        var parts = payload.Split('|');
        if (parts.Length != 2 || parts[0] != formKind || !long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var ticks))
        {
            return "invalid form stamp";
        }
        var age = clock.GetUtcNow() - new DateTimeOffset(ticks, TimeSpan.Zero);
        if (age < TimeSpan.FromSeconds(options.Value.MinimumFillSeconds))
        {
            return $"posted {age.TotalSeconds:0.0} s after the form was served";
        }
        if (age > TimeSpan.FromHours(options.Value.MaximumAgeHours))
        {
            return "form older than allowed";
        }
        return null;
    }
}

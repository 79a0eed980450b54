using MimeKit;

namespace DataPlatform.Content;

public static class EmailAddress
{
    /// <summary>Whether <paramref name="address"/> is an email address mail can be sent to (MimeKit's reading, as the mail is sent with MailKit).</summary>
    public static bool IsValid(string? address) =>
        !string.IsNullOrWhiteSpace(address) && MailboxAddress.TryParse(address, out var mailbox) && mailbox.Address.Contains('@', StringComparison.Ordinal);
}

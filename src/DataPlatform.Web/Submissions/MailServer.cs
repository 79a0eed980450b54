using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DataPlatform.Web.Submissions;

/// <summary>
/// The one way the portal talks to its mail server (staff notifications and replies to visitors), through MailKit:
/// one connection per batch, a 10 s timeout, STARTTLS when <c>Smtp:EnableSsl</c>, and SMTPUTF8 for an address such as
/// ü@example.org whenever the server offers it. Messages are plain text in UTF-8, quoted-printable: readable as they
/// travel and in a server's log, and nothing a visitor wrote is ever markup.
/// </summary>
public sealed class MailServer(IOptions<NotificationOptions> options)
{
    public async Task<SmtpClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.Smtp;
        var smtp = new SmtpClient { Timeout = 10_000 };
        try
        {
            await smtp.ConnectAsync(settings.Host, settings.Port, settings.EnableSsl ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await smtp.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
            }
            return smtp;
        }
        catch
        {
            smtp.Dispose();
            throw;
        }
    }

    public static MimeMessage Message(string from, IEnumerable<string> to, string subject, string body, string? replyTo = null)
    {
        var message = new MimeMessage { Subject = subject };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.AddRange(to.Select(MailboxAddress.Parse));
        if (replyTo is not null)
        {
            message.ReplyTo.Add(MailboxAddress.Parse(replyTo));
        }
        var text = new TextPart(MimeKit.Text.TextFormat.Plain) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        text.SetText(Encoding.UTF8, body);
        message.Body = text;
        return message;
    }
}

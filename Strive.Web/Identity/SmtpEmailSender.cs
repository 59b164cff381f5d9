using System.Net;
using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Strive.Domain.Users;

namespace Strive.Web.Identity;

/// <summary>Account emails (confirmation, password reset) over plain SMTP with System.Net.Mail.</summary>
internal sealed class SmtpEmailSender(IOptions<SmtpOptions> options, ILogger<SmtpEmailSender> logger)
    : IEmailSender<StriveUser>
{
    public Task SendConfirmationLinkAsync(StriveUser user, string email, string confirmationLink) =>
        SendAsync(email, "Confirm your Strive account",
            $"<p>Welcome to Strive.</p><p><a href=\"{confirmationLink}\">Confirm your email</a> to start planning your goals.</p>");

    public Task SendPasswordResetLinkAsync(StriveUser user, string email, string resetLink) =>
        SendAsync(email, "Reset your Strive password",
            $"<p><a href=\"{resetLink}\">Choose a new password</a>. If you did not ask for this, ignore this email.</p>");

    public Task SendPasswordResetCodeAsync(StriveUser user, string email, string resetCode) =>
        SendAsync(email, "Reset your Strive password",
            $"<p>Your password reset code is <b>{WebUtility.HtmlEncode(resetCode)}</b>.</p>");

    private async Task SendAsync(string to, string subject, string htmlBody)
    {
        var settings = options.Value;
        using var message = new MailMessage
        {
            From = new MailAddress(settings.From ?? settings.UserName ?? "no-reply@localhost"),
            Subject = subject,
            Body = htmlBody,
            IsBodyHtml = true,
        };
        message.To.Add(to);

        using var client = new SmtpClient(settings.Host, settings.Port) { EnableSsl = settings.EnableSsl };
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            client.Credentials = new NetworkCredential(settings.UserName, settings.Password);
        }

        await client.SendMailAsync(message);
        logger.LogInformation("Sent \"{Subject}\" by SMTP", subject);
    }
}

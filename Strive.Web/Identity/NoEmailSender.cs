using Microsoft.AspNetCore.Identity;
using Strive.Domain.Users;

namespace Strive.Web.Identity;

/// <summary>
/// Used when no SMTP server is configured. Accounts then need no confirmation and the pages that would
/// send mail are not offered, so nothing is lost; the log says what would have been sent.
/// </summary>
internal sealed class NoEmailSender(ILogger<NoEmailSender> logger) : IEmailSender<StriveUser>
{
    public Task SendConfirmationLinkAsync(StriveUser user, string email, string confirmationLink) => Skip("confirmation link");

    public Task SendPasswordResetLinkAsync(StriveUser user, string email, string resetLink) => Skip("password reset link");

    public Task SendPasswordResetCodeAsync(StriveUser user, string email, string resetCode) => Skip("password reset code");

    private Task Skip(string what)
    {
        logger.LogInformation("No email sender configured (Email:Smtp:Host); not sending a {What}", what);
        return Task.CompletedTask;
    }
}

namespace Strive.Web.Identity;

/// <summary>
/// The "Email:Smtp" configuration section. When Host is set, Strive sends real mail and new accounts
/// must confirm their email; without it accounts work at once.
/// </summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Email:Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender address, for example "Strive &lt;no-reply@example.com&gt;".</summary>
    public string? From { get; set; }

    public bool EnableSsl { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

using Microsoft.AspNetCore.Identity;

namespace Strive.Domain.Users;

/// <summary>A person with a browser account; the same identity owns API keys and goal roles.</summary>
public sealed class StriveUser : IdentityUser
{
    public const int DisplayNameMaxLength = 100;

    [PersonalData]
    public string DisplayName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>What other stakeholders see: the display name, or the email when none was given.</summary>
    public string ShownName => string.IsNullOrWhiteSpace(DisplayName) ? Email ?? UserName ?? Id : DisplayName;
}

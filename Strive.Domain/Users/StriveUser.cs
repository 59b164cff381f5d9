using Microsoft.AspNetCore.Identity;

namespace Strive.Domain.Users;

/// <summary>A person with a browser account; the same identity owns API keys and goal roles.</summary>
public sealed class StriveUser : IdentityUser
{
    public const int DisplayNameMaxLength = 100;

    private string _displayName = "";

    /// <summary>Set when the account is made; changed later only through <see cref="ChangeDisplayName"/>.</summary>
    [PersonalData]
    public string DisplayName { get => _displayName; init => _displayName = value; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The person renames themselves (account page); surrounding spaces are dropped.</summary>
    public void ChangeDisplayName(string? displayName) => _displayName = displayName?.Trim() ?? "";

    /// <summary>What other stakeholders see: see <see cref="ShownNameOf"/>.</summary>
    public string ShownName => ShownNameOf(DisplayName, Email);

    /// <summary>
    /// The one rule for how a person is shown to others, also for views that carry the two fields
    /// rather than the user: the display name, or the email when the name is empty or only spaces.
    /// </summary>
    public static string ShownNameOf(string? displayName, string? email) =>
        string.IsNullOrWhiteSpace(displayName) ? email ?? "" : displayName;
}

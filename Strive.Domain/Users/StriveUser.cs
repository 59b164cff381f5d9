using Microsoft.AspNetCore.Identity;
using Strive.Domain.Common;

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

    /// <summary>
    /// The person renames themselves (account page): the text rules of every other text (docs/decisions/007),
    /// so control characters are refused and blank counts as empty; surrounding spaces are dropped.
    /// </summary>
    public Result<string> ChangeDisplayName(string? displayName)
    {
        var name = CheckDisplayName(displayName);
        if (name.IsSuccess)
        {
            _displayName = name.Value!;
        }

        return name;
    }

    /// <summary>
    /// A display name as it would be stored. Its column holds <see cref="DisplayNameMaxLength"/> UTF-16 units
    /// (it predates the text rules' wider columns), so a name of many emoji can be refused before 100 characters.
    /// </summary>
    public static Result<string> CheckDisplayName(string? displayName)
    {
        var name = TextRules.Check(displayName, DisplayNameMaxLength, required: null,
            UserErrors.DisplayNameTooLong, UserErrors.DisplayNameControlCharacters);
        return name.IsSuccess && name.Value!.Length > DisplayNameMaxLength ? UserErrors.DisplayNameTooLong : name;
    }

    /// <summary>
    /// The account is deleted: the row stays only so that pledges and events elsewhere keep their author, shown as
    /// <paramref name="shownAs"/>. Nothing of it can sign in again: no email, no password, a new security stamp
    /// (every cookie refused on its next request), locked out for ever.
    /// </summary>
    public void BecomeFormerMember(string shownAs)
    {
        var tombstone = $"former-{Id}@deleted.invalid";
        UserName = Email = tombstone;
        NormalizedUserName = NormalizedEmail = tombstone.ToUpperInvariant();
        EmailConfirmed = false;
        PasswordHash = null;
        PhoneNumber = null;
        TwoFactorEnabled = false;
        SecurityStamp = Guid.NewGuid().ToString("N");
        ConcurrencyStamp = Guid.NewGuid().ToString();
        LockoutEnabled = true;
        LockoutEnd = DateTimeOffset.MaxValue;
        _displayName = shownAs;
    }

    /// <summary>What other stakeholders see: see <see cref="ShownNameOf"/>.</summary>
    public string ShownName => ShownNameOf(DisplayName, Email);

    /// <summary>
    /// The one rule for how a person is shown to others, also for views that carry the two fields
    /// rather than the user: the display name, or the email when the name is empty or only spaces.
    /// </summary>
    public static string ShownNameOf(string? displayName, string? email) =>
        string.IsNullOrWhiteSpace(displayName) ? email ?? "" : displayName;
}

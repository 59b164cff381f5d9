using Strive.Domain.Common;

namespace Strive.Domain.Users;

/// <summary>Refusals about a person's own account details.</summary>
public static class UserErrors
{
    public static readonly DomainError DisplayNameTooLong = DomainError.Define(ErrorKind.Invalid,
        "user.display_name_too_long", "displayName",
        $"Name must be at most {StriveUser.DisplayNameMaxLength} characters",
        $"Keep your name to {StriveUser.DisplayNameMaxLength} characters or fewer.");

    public static readonly DomainError DisplayNameControlCharacters = DomainError.Define(ErrorKind.Invalid,
        "user.display_name_control_characters", "displayName",
        "Name must not contain control characters",
        "Your name contains characters that can't be shown. Retype it, or paste it as plain text.");
}

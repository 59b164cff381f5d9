using Strive.Domain.Common;

namespace Strive.Domain.ApiKeys;

/// <summary>Every refusal about API keys: the documented API message (docs/api/API.md), the field, a code and a sentence for people.</summary>
public static class ApiKeyErrors
{
    public static readonly DomainError NameRequired = DomainError.Define(ErrorKind.Invalid,
        "api_key.name_required", "name",
        "Name is required",
        "Give the key a name, so you can recognise it later.");

    public static readonly DomainError NameTooLong = DomainError.Define(ErrorKind.Invalid,
        "api_key.name_too_long", "name",
        $"Name must be at most {ApiKey.NameMaxLength} characters",
        $"Keep the name to {ApiKey.NameMaxLength} characters or fewer.");

    public static readonly DomainError NameControlCharacters = DomainError.Define(ErrorKind.Invalid,
        "api_key.name_control_characters", "name",
        "Name must not contain control characters",
        "The name contains characters that can't be shown. Retype it, or paste it as plain text.");

    public static readonly DomainError ScopesRequired = DomainError.Define(ErrorKind.Invalid,
        "api_key.scopes_required", "scopes",
        "Scopes must be a non-empty array",
        "Choose at least one scope: a key without scopes can't do anything.");

    public static readonly DomainError ExpiryInPast = DomainError.Define(ErrorKind.Invalid,
        "api_key.expiry_in_past", "expiresAt",
        "expiresAt must be in the future",
        "The expiry date must be in the future; leave it empty for a key that doesn't expire.");

    public static readonly DomainError TooMany = DomainError.Define(ErrorKind.Invalid,
        "api_key.too_many", null,
        "Maximum of 10 active API keys allowed", // IApiKeyService.MaxActiveKeys
        $"Maximum of {IApiKeyService.MaxActiveKeys} active API keys allowed. Revoke one you no longer use to make room.");

    public static readonly DomainError Outlives = DomainError.Define(ErrorKind.Forbidden,
        "api_key.outlives_creator", "expiresAt",
        "Cannot create a key that outlives the key used",
        "The new key can't expire later than the key used to create it.");

    public static readonly DomainError NotFound = DomainError.Define(ErrorKind.NotFound,
        "api_key.not_found", null,
        "API key not found",
        "API key not found. It may have been revoked already.");

    public static readonly DomainError NotYours = DomainError.Define(ErrorKind.Forbidden,
        "api_key.not_yours", null,
        "You can only revoke your own API keys",
        "You can only revoke your own API keys.");

    public static readonly DomainError AlreadyRevoked = DomainError.Define(ErrorKind.Invalid,
        "api_key.already_revoked", null,
        "API key is already revoked",
        "This key is already revoked.");

    /// <summary>400 naming the scope (docs/api/API.md "Authentication": any other scope name is refused).</summary>
    public static DomainError UnknownScope(string scope) => DomainError.Define(ErrorKind.Invalid,
        "api_key.unknown_scope", "scopes",
        $"Unknown scope: {scope}",
        $"\"{scope}\" is not a scope Strive knows.");

    public static DomainError ScopesNotHeld(IEnumerable<string> missing)
    {
        var list = string.Join(", ", missing);
        return DomainError.Define(ErrorKind.Forbidden,
            "api_key.scopes_not_held", "scopes",
            $"Cannot grant scopes you don't have: {list}",
            $"The new key can't have scopes the key used to create it lacks: {list}.");
    }
}

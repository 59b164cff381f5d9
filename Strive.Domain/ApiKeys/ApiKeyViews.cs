namespace Strive.Domain.ApiKeys;

/// <summary>A key as its owner sees it: never the raw key, never the hash.</summary>
public sealed record ApiKeyView(
    string Id,
    string Name,
    string Prefix,
    IReadOnlyList<string> Scopes,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt = null);

/// <summary>The one moment the raw key exists: the answer to its creation.</summary>
public sealed record CreatedApiKey(ApiKeyView Key, string RawKey);

public sealed record NewApiKey(string? Name, IReadOnlyList<string>? Scopes, DateTimeOffset? ExpiresAt = null);

/// <summary>Who a valid key speaks for and what it may do.</summary>
public sealed record ApiKeyIdentity(string KeyId, string UserId, IReadOnlyList<string> Scopes,
    DateTimeOffset? ExpiresAt);

public enum ApiKeyCheck
{
    Valid,
    Unknown,
    Expired,
}

public sealed record ApiKeyAuthentication(ApiKeyCheck Check, ApiKeyIdentity? Identity);

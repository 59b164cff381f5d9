using Strive.Domain.Common;

namespace Strive.Domain.ApiKeys;

/// <summary>
/// A key for the public API. Only <see cref="KeyHash"/> (SHA-256 of the raw key) is stored; the raw
/// key exists once, in the response that created it.
/// </summary>
public sealed class ApiKey
{
    public const int NameMaxLength = 100;
    public const int PrefixLength = 16;
    public const int ScopesMaxLength = 200;

    private List<string> _scopes = [];

    private ApiKey() { } // EF Core

    public ApiKey(string userId, string name, string prefix, string keyHash, IReadOnlyList<string> scopes,
        DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        Id = Ids.New();
        UserId = userId;
        Name = name;
        Prefix = prefix;
        KeyHash = keyHash;
        _scopes = [.. scopes];
        ExpiresAt = expiresAt;
        CreatedAt = now;
    }

    public string Id { get; private set; } = "";

    public string UserId { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string Prefix { get; private set; } = "";

    public string KeyHash { get; private set; } = "";

    public IReadOnlyList<string> Scopes => _scopes;

    public DateTimeOffset? ExpiresAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? LastUsedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    public void Revoke(DateTimeOffset now) => RevokedAt = now;
}

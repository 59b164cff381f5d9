using Strive.Domain.Common;

namespace Strive.Domain.ApiKeys;

/// <summary>API keys for the browser page, the /api/v1/api-keys endpoints and the admin command line.</summary>
public interface IApiKeyService
{
    public const int MaxActiveKeys = 10;

    /// <summary>
    /// Creates a key. <paramref name="creatingKey"/> is the key that made the request when it came
    /// through the API: the new key may not carry more scopes nor outlive it.
    /// </summary>
    Task<Result<CreatedApiKey>> CreateAsync(string userId, NewApiKey request, ApiKeyIdentity? creatingKey = null,
        CancellationToken cancellationToken = default);

    /// <summary>The user's active (neither revoked nor expired) keys, newest first.</summary>
    Task<IReadOnlyList<ApiKeyView>> ListAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>The user's revoked keys, most recently revoked first: the history of what once had access.</summary>
    Task<IReadOnlyList<ApiKeyView>> ListRevokedAsync(string userId, CancellationToken cancellationToken = default);

    Task<Result<ApiKeyView>> RevokeAsync(string userId, string keyId, CancellationToken cancellationToken = default);

    /// <summary>Checks a raw key as sent in the Authorization header; revoked keys are unknown.</summary>
    Task<ApiKeyAuthentication> AuthenticateAsync(string rawKey, CancellationToken cancellationToken = default);
}

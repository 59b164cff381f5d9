using Strive.Domain.ApiKeys;
using Strive.Domain.Common;

namespace Strive.Web.Client.Tests.ApiKeys;

/// <summary>
/// Keeps keys in memory and answers like the real service on the points the page depends on
/// (the 10-key limit, name and scopes required), with the catalogue's own refusals. Counts calls so tests can see what was asked.
/// </summary>
internal sealed class FakeApiKeyService(TimeProvider time) : IApiKeyService
{
    private readonly List<(string UserId, ApiKeyView Key)> _keys = [];
    private readonly List<(string UserId, ApiKeyView Key)> _revokedKeys = [];
    private int _next;

    public int CreateCalls { get; private set; }

    public List<string> Revoked { get; } = [];

    /// <summary>Set to refuse the next create with this error, as the real service would.</summary>
    public DomainError? RefuseNextCreate { get; set; }

    public ApiKeyView Seed(string userId, string name, IReadOnlyList<string>? scopes = null,
        DateTimeOffset? expiresAt = null, DateTimeOffset? lastUsedAt = null)
    {
        var id = $"key{++_next}";
        var key = new ApiKeyView(id, name, $"sk_live_{id}aaaaaaaaa"[..ApiKey.PrefixLength],
            scopes ?? [ApiKeyScopes.GoalsRead], expiresAt, time.GetUtcNow(), lastUsedAt);
        _keys.Add((userId, key));
        return key;
    }

    public Task<Result<CreatedApiKey>> CreateAsync(string userId, NewApiKey request, ApiKeyIdentity? creatingKey = null,
        CancellationToken cancellationToken = default)
    {
        CreateCalls++;
        if (RefuseNextCreate is { } refusal)
        {
            RefuseNextCreate = null;
            return Task.FromResult<Result<CreatedApiKey>>(refusal);
        }

        if (string.IsNullOrWhiteSpace(request.Name))
        {
            return Task.FromResult<Result<CreatedApiKey>>(ApiKeyErrors.NameRequired);
        }

        if (request.Scopes is not { Count: > 0 })
        {
            return Task.FromResult<Result<CreatedApiKey>>(ApiKeyErrors.ScopesRequired);
        }

        if (_keys.Count(k => k.UserId == userId) >= IApiKeyService.MaxActiveKeys)
        {
            return Task.FromResult<Result<CreatedApiKey>>(
                ApiKeyErrors.TooMany);
        }

        var view = Seed(userId, request.Name, request.Scopes, request.ExpiresAt);
        var raw = view.Prefix + new string('0', 56);
        return Task.FromResult<Result<CreatedApiKey>>(new CreatedApiKey(view, raw));
    }

    public Task<IReadOnlyList<ApiKeyView>> ListAsync(string userId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ApiKeyView>>(
            [.. _keys.Where(k => k.UserId == userId).Select(k => k.Key).Reverse()]);

    public Task<IReadOnlyList<ApiKeyView>> ListRevokedAsync(string userId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ApiKeyView>>([.. _revokedKeys.Where(k => k.UserId == userId).Select(k => k.Key).Reverse()]);

    public Task<Result<ApiKeyView>> RevokeAsync(string userId, string keyId, CancellationToken cancellationToken = default)
    {
        var index = _keys.FindIndex(k => k.UserId == userId && k.Key.Id == keyId);
        if (index < 0)
        {
            return Task.FromResult<Result<ApiKeyView>>(ApiKeyErrors.NotFound);
        }

        var key = _keys[index].Key;
        _keys.RemoveAt(index);
        Revoked.Add(keyId);
        _revokedKeys.Add((userId, key with { RevokedAt = time.GetUtcNow() }));
        return Task.FromResult<Result<ApiKeyView>>(key);
    }

    public Task<ApiKeyAuthentication> AuthenticateAsync(string rawKey, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ApiKeyAuthentication(ApiKeyCheck.Unknown, null));
}

/// <summary>A clock that stands still, so "expires in 3 days" reads the same on every run.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

using Microsoft.EntityFrameworkCore;
using Strive.Domain.Common;
using Strive.Domain.Persistence;

namespace Strive.Domain.ApiKeys;

public sealed class ApiKeyService(
    IDbContextFactory<StriveDbContext> contexts,
    ApiKeyUsage usage,
    IApiKeyCache cache,
    TimeProvider clock) : IApiKeyService
{
    public async Task<Result<CreatedApiKey>> CreateAsync(string userId, NewApiKey request,
        ApiKeyIdentity? creatingKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = clock.Now();
        var checkedName = TextRules.Check(request.Name, ApiKey.NameMaxLength, ApiKeyErrors.NameRequired,
            ApiKeyErrors.NameTooLong, ApiKeyErrors.NameControlCharacters);
        if (!checkedName.IsSuccess)
        {
            return checkedName.Error;
        }

        var name = checkedName.Value;

        if (request.Scopes is not { Count: > 0 })
        {
            return ApiKeyErrors.ScopesRequired;
        }

        if (request.Scopes.FirstOrDefault(s => !ApiKeyScopes.IsKnown(s)) is { } unknown)
        {
            return ApiKeyErrors.UnknownScope(unknown);
        }

        var scopes = ApiKeyScopes.All.Where(request.Scopes.Contains).ToList();
        if (request.ExpiresAt is { } requested && requested <= now)
        {
            return ApiKeyErrors.ExpiryInPast;
        }

        var expiresAt = request.ExpiresAt is { } e ? Dates.TruncateToMilliseconds(e) : (DateTimeOffset?)null;
        if (creatingKey is not null)
        {
            var missing = scopes.Where(s => !creatingKey.Scopes.Contains(s)).ToList();
            if (missing.Count > 0)
            {
                return ApiKeyErrors.ScopesNotHeld(missing);
            }

            // A key made with a key never outlives it: no expiry means the creator's expiry.
            if (creatingKey.ExpiresAt is { } limit)
            {
                if (expiresAt > limit)
                {
                    return ApiKeyErrors.Outlives;
                }

                expiresAt ??= limit;
            }
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var active = await db.ApiKeys.CountAsync(
            k => k.UserId == userId && k.RevokedAt == null && (k.ExpiresAt == null || k.ExpiresAt > now),
            cancellationToken);
        if (active >= IApiKeyService.MaxActiveKeys)
        {
            return ApiKeyErrors.TooMany;
        }

        var raw = ApiKeySecrets.NewRawKey();
        var key = new ApiKey(userId, name, raw[..ApiKey.PrefixLength], ApiKeySecrets.Hash(raw), scopes, expiresAt, now);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiKey(ToView(key), raw);
    }

    public async Task<IReadOnlyList<ApiKeyView>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        var now = clock.Now();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var keys = await db.ApiKeys.AsNoTracking()
            .Where(k => k.UserId == userId && k.RevokedAt == null && (k.ExpiresAt == null || k.ExpiresAt > now))
            .OrderByDescending(k => k.CreatedAt)
            .ToListAsync(cancellationToken);
        return keys.Select(ToView).ToList();
    }

    public async Task<IReadOnlyList<ApiKeyView>> ListRevokedAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var keys = await db.ApiKeys.AsNoTracking()
            .Where(k => k.UserId == userId && k.RevokedAt != null)
            .OrderByDescending(k => k.RevokedAt)
            .ToListAsync(cancellationToken);
        return keys.Select(ToView).ToList();
    }

    public async Task<Result<ApiKeyView>> RevokeAsync(string userId, string keyId,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == keyId, cancellationToken);
        if (key is null)
        {
            return ApiKeyErrors.NotFound;
        }

        if (key.UserId != userId)
        {
            return ApiKeyErrors.NotYours;
        }

        if (key.RevokedAt is not null)
        {
            return ApiKeyErrors.AlreadyRevoked;
        }

        key.Revoke(clock.Now());
        await db.SaveChangesAsync(cancellationToken);
        // Before answering: the very next request with this key must not find it in any cache.
        await cache.InvalidateAsync(key.Id);
        return ToView(key);
    }

    public async Task<ApiKeyAuthentication> AuthenticateAsync(string rawKey,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(rawKey) || !ApiKeySecrets.IsWellFormed(rawKey))
        {
            return new ApiKeyAuthentication(ApiKeyCheck.Unknown, null);
        }

        var hash = ApiKeySecrets.Hash(rawKey);
        var now = clock.Now();
        if (!cache.TryGet(hash, now, out var key))
        {
            var generation = cache.Generation;
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var row = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.KeyHash == hash, cancellationToken);
            if (row is null || row.RevokedAt is not null)
            {
                return new ApiKeyAuthentication(ApiKeyCheck.Unknown, null);
            }

            key = new CachedApiKey(new ApiKeyIdentity(row.Id, row.UserId, row.Scopes, row.ExpiresAt), row.LastUsedAt);
            cache.Add(hash, key, generation, now);
        }

        // Checked on every request, cached or not, so a key stops working at its expiry to the millisecond.
        if (key.Identity.ExpiresAt is { } expiry && expiry <= now)
        {
            return new ApiKeyAuthentication(ApiKeyCheck.Expired, null);
        }

        // Noted in memory; written by ApiKeyUsageWorker, off this request's path.
        usage.Record(key.Identity.KeyId, key.LastUsedAt, now);

        return new ApiKeyAuthentication(ApiKeyCheck.Valid, key.Identity);
    }

    private ApiKeyView ToView(ApiKey k) =>
        new(k.Id, k.Name, k.Prefix, [.. k.Scopes], k.ExpiresAt, k.CreatedAt, usage.LastUsed(k.Id, k.LastUsedAt), k.RevokedAt);
}

using System.Diagnostics.CodeAnalysis;

namespace Strive.Domain.ApiKeys;

/// <summary>
/// Keys that authenticated recently, by the SHA-256 of the raw key, so a busy key is checked in memory
/// instead of with a query on every request. A revocation calls <see cref="InvalidateAsync"/> before it
/// answers, so the very next request with that key reads the database again and is refused; an
/// expiry needs no call (the expiry is checked against the clock on every request, cached or not).
/// </summary>
/// <remarks>
/// One process holds its own entries. An implementation for several instances wraps the in-process one:
/// its <see cref="InvalidateAsync"/> forgets locally, broadcasts the key id and returns once the other
/// instances have forgotten it too.
/// </remarks>
public interface IApiKeyCache
{
    /// <summary>
    /// Read before a key is loaded from the database and handed back to <see cref="Add"/>: an entry read
    /// before a revocation is never stored after it.
    /// </summary>
    long Generation { get; }

    bool TryGet(string keyHash, DateTimeOffset now, [NotNullWhen(true)] out CachedApiKey? key);

    /// <summary>Remembers a key read from the database, unless a key was invalidated since <paramref name="generation"/>.</summary>
    void Add(string keyHash, CachedApiKey key, long generation, DateTimeOffset now);

    /// <summary>
    /// Forgets the key, wherever it is cached, before it returns: called when it is revoked. It takes no
    /// cancellation: a revocation saved is passed on even if its caller has gone.
    /// </summary>
    Task InvalidateAsync(string keyId);
}

/// <summary>What authentication needs of a key that is not revoked: who it speaks for, its scopes and expiry.</summary>
public sealed record CachedApiKey(ApiKeyIdentity Identity, DateTimeOffset? LastUsedAt);

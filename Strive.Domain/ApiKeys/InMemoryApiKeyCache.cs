using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;

namespace Strive.Domain.ApiKeys;

public sealed class ApiKeyCacheOptions
{
    public const string SectionName = "ApiKeys:Cache";

    /// <summary>
    /// How long an entry is trusted before the database is asked again. Revocations in this process clear
    /// an entry at once; this bounds how long a change the process did not hear about can go unseen.
    /// </summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Entries kept at most; past it the cache starts over (it refills from the database).</summary>
    public int MaxEntries { get; set; } = 10_000;
}

/// <summary>The <see cref="IApiKeyCache"/> of one process.</summary>
public sealed class InMemoryApiKeyCache(IOptions<ApiKeyCacheOptions> options) : IApiKeyCache
{
    private readonly ConcurrentDictionary<string, Entry> _byHash = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _hashById = new(StringComparer.Ordinal);
    private readonly Lock _addLock = new();
    private long _generation;

    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGet(string keyHash, DateTimeOffset now, [NotNullWhen(true)] out CachedApiKey? key)
    {
        if (_byHash.TryGetValue(keyHash, out var entry) && now < entry.StaleAt)
        {
            key = entry.Key;
            return true;
        }

        key = null;
        return false;
    }

    public void Add(string keyHash, CachedApiKey key, long generation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(key);
        var settings = options.Value;
        // Under the lock, an Invalidate either ran before (the generation moved: nothing is stored) or runs
        // after (and removes what was stored).
        lock (_addLock)
        {
            if (Generation != generation)
            {
                return;
            }

            if (_byHash.Count >= settings.MaxEntries)
            {
                _byHash.Clear();
                _hashById.Clear();
            }

            _byHash[keyHash] = new Entry(key, now + settings.Lifetime);
            _hashById[key.Identity.KeyId] = keyHash;
        }
    }

    public Task InvalidateAsync(string keyId)
    {
        Invalidate(keyId);
        return Task.CompletedTask;
    }

    /// <summary>Forgets the key in this process.</summary>
    public void Invalidate(string keyId)
    {
        lock (_addLock)
        {
            Interlocked.Increment(ref _generation);
            if (_hashById.TryRemove(keyId, out var hash))
            {
                _byHash.TryRemove(hash, out _);
            }
        }
    }

    private sealed record Entry(CachedApiKey Key, DateTimeOffset StaleAt);
}

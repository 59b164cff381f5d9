using System.Collections.Concurrent;

namespace Strive.Domain.ApiKeys;

/// <summary>
/// Remembers when each key's lastUsedAt was last written, so a busy key costs one database write a
/// minute, not one a request.
/// </summary>
public sealed class ApiKeyUsage
{
    public static readonly TimeSpan WriteInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastWritten = new(StringComparer.Ordinal);

    /// <summary>True when the caller should persist a new lastUsedAt for this key now.</summary>
    public bool ShouldRecord(string keyId, DateTimeOffset? storedLastUsed, DateTimeOffset now)
    {
        var last = _lastWritten.GetOrAdd(keyId, _ => storedLastUsed ?? DateTimeOffset.MinValue);
        if (now - last < WriteInterval)
        {
            return false;
        }

        return _lastWritten.TryUpdate(keyId, now, last);
    }
}

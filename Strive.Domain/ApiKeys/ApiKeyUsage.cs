using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Strive.Domain.Persistence;

namespace Strive.Domain.ApiKeys;

/// <summary>
/// A key's lastUsedAt, kept off the request's path: a request only notes the time in memory (at most
/// once a minute per key), and <see cref="ApiKeyUsageWorker"/> writes the noted times in the background.
/// Until then the key list shows the noted time, so the owner never sees an older one.
/// </summary>
#pragma warning disable CA1001 // The SemaphoreSlim never allocates a wait handle (AvailableWaitHandle is never read), and
// the last flush runs at shutdown, when the container may already have disposed this singleton.
public sealed class ApiKeyUsage(IDbContextFactory<StriveDbContext> contexts)
#pragma warning restore CA1001
{
    public static readonly TimeSpan WriteInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastNoted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _pending = new(StringComparer.Ordinal);
    private readonly Channel<bool> _doorbell = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly SemaphoreSlim _flushing = new(1, 1);

    /// <summary>Notes a use of the key; the first in a minute is written.</summary>
    public void Record(string keyId, DateTimeOffset? storedLastUsed, DateTimeOffset now)
    {
        var last = _lastNoted.GetOrAdd(keyId, _ => storedLastUsed ?? DateTimeOffset.MinValue);
        if (now - last < WriteInterval || !_lastNoted.TryUpdate(keyId, now, last))
        {
            return;
        }

        _pending[keyId] = now;
        _doorbell.Writer.TryWrite(true);
    }

    /// <summary>The last use this process noted, when it is newer than <paramref name="stored"/>.</summary>
    public DateTimeOffset? LastUsed(string keyId, DateTimeOffset? stored) =>
        _lastNoted.TryGetValue(keyId, out var noted) && noted != DateTimeOffset.MinValue && (stored is null || noted > stored)
            ? noted
            : stored;

    /// <summary>Completes when there may be something to write.</summary>
    public ValueTask<bool> WaitForWorkAsync(CancellationToken cancellationToken) =>
        _doorbell.Reader.WaitToReadAsync(cancellationToken);

    /// <summary>
    /// Writes every noted time, one UPDATE per key; returns how many. A flush already running is
    /// waited for, so once this returns, every use noted before the call is in the database.
    /// </summary>
    public async Task<int> FlushAsync(CancellationToken cancellationToken = default)
    {
        await _flushing.WaitAsync(cancellationToken);
        try
        {
            _doorbell.Reader.TryRead(out _);
            if (_pending.IsEmpty)
            {
                return 0;
            }

            var written = 0;
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            foreach (var keyId in _pending.Keys)
            {
                if (!_pending.TryRemove(keyId, out var at))
                {
                    continue;
                }

                // Never backwards: a slower writer (another instance) may have stored a later time.
                written += await db.ApiKeys.Where(k => k.Id == keyId && (k.LastUsedAt == null || k.LastUsedAt < at))
                    .ExecuteUpdateAsync(u => u.SetProperty(k => k.LastUsedAt, at), cancellationToken);
            }

            return written;
        }
        finally
        {
            _flushing.Release();
        }
    }
}

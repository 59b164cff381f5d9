using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Strive.Domain.ApiKeys;

namespace Strive.Web.ScaleOut;

/// <summary>
/// <see cref="IApiKeyCache"/> across instances: each instance keeps its own in-process cache, and a
/// revocation on any of them is published on a Redis channel, from which every other instance forgets
/// the key and answers on a second channel that it has. The revoking request answers once every instance
/// that received the message has answered (at most <see cref="AcknowledgeWithin"/>): Redis passing the
/// message on is not enough, since the receiving instance handles it a moment later, and the very next
/// request with the key may reach it first. An instance that lost Redis forgets every key when it comes
/// back, since it may have missed revocations meanwhile (while Redis is away, the API answers 503 anyway).
/// Expiries need no message: every instance compares a key's expiry with the clock on each request.
/// </summary>
public sealed class RedisApiKeyCache(
    IOptions<ApiKeyCacheOptions> options,
    RedisConnection redis,
    InstanceInfo instance,
    ILogger<RedisApiKeyCache> logger) : IApiKeyCache, IHostedService
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("strive:api-keys:revoked");

    /// <summary>Where an instance says it has forgotten a revoked key: the revocation's id.</summary>
    public static readonly RedisChannel Acknowledged = RedisChannel.Literal("strive:api-keys:revoked:done");

    /// <summary>How long a revocation waits for the other instances; one that does not answer is not waited for longer.</summary>
    public static readonly TimeSpan AcknowledgeWithin = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, Acknowledgements> _waiting = new(StringComparer.Ordinal);

    // Generations of the local cache carry the epoch in their high bits: an entry read before the local
    // cache was started over is never stored in the new one.
    private const int EpochShift = 40;
    private Local _local = new(0, new InMemoryApiKeyCache(options));

    public long Generation
    {
        get
        {
            var local = Volatile.Read(ref _local);
            return (local.Epoch << EpochShift) + local.Cache.Generation;
        }
    }

    public bool TryGet(string keyHash, DateTimeOffset now, [NotNullWhen(true)] out CachedApiKey? key) =>
        Volatile.Read(ref _local).Cache.TryGet(keyHash, now, out key);

    public void Add(string keyHash, CachedApiKey key, long generation, DateTimeOffset now)
    {
        var local = Volatile.Read(ref _local);
        if (generation >> EpochShift == local.Epoch)
        {
            local.Cache.Add(keyHash, key, generation & ((1L << EpochShift) - 1), now);
        }
    }

    public async Task InvalidateAsync(string keyId)
    {
        Volatile.Read(ref _local).Cache.Invalidate(keyId);
        var revocation = Guid.NewGuid().ToString("N");
        var acknowledgements = new Acknowledgements();
        _waiting[revocation] = acknowledgements;
        try
        {
            // Received by every instance's subscription, this one's included.
            var receivers = await redis.Multiplexer.GetSubscriber()
                .PublishAsync(Channel, $"{instance.Id} {keyId} {revocation}");
            if (!await acknowledgements.WaitForAsync(receivers - 1, AcknowledgeWithin))
            {
                logger.LogWarning("Not every instance confirmed within {Within} that it forgot API key {KeyId}",
                    AcknowledgeWithin, keyId);
            }
        }
        catch (Exception ex) when (RedisConnection.IsUnavailable(ex))
        {
            // Saved in the database; the other instances forget every key when their Redis comes back, and
            // trust none longer than ApiKeys:Cache:Lifetime.
            logger.LogWarning(ex, "Could not tell the other instances that API key {KeyId} was revoked", keyId);
        }
        finally
        {
            _waiting.TryRemove(revocation, out _);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        redis.Multiplexer.ConnectionRestored += (_, _) => ForgetEverything();
        await RedisSubscriptions.SubscribeAsync(redis, Channel, OnMessage, logger);
        await RedisSubscriptions.SubscribeAsync(redis, Acknowledged, OnAcknowledged, logger);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void OnMessage(RedisValue value)
    {
        // "<instance> <key id> <revocation>"; an instance of the version before acknowledgements sends no
        // revocation id and waits for none.
        var parts = value.ToString().Split(' ', 3);
        if (parts.Length >= 2 && parts[0] != instance.Id)
        {
            Volatile.Read(ref _local).Cache.Invalidate(parts[1]);
            if (parts.Length == 3)
            {
                redis.Multiplexer.GetSubscriber().Publish(Acknowledged, parts[2], CommandFlags.FireAndForget);
            }
        }
    }

    private void OnAcknowledged(RedisValue revocation)
    {
        if (_waiting.TryGetValue(revocation.ToString(), out var acknowledgements))
        {
            acknowledgements.Add();
        }
    }

    private void ForgetEverything()
    {
        var old = Volatile.Read(ref _local);
        Volatile.Write(ref _local, new Local(old.Epoch + 1, new InMemoryApiKeyCache(options)));
    }

    private sealed record Local(long Epoch, InMemoryApiKeyCache Cache);

    /// <summary>The answers to one revocation; they can come before the count of receivers is known.</summary>
    private sealed class Acknowledgements
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _received;
        private int _expected = int.MaxValue;

        public void Add()
        {
            if (Interlocked.Increment(ref _received) >= Volatile.Read(ref _expected))
            {
                _all.TrySetResult();
            }
        }

        /// <summary>True once <paramref name="expected"/> answers have come, false if the time ran out first.</summary>
        public async Task<bool> WaitForAsync(long expected, TimeSpan within)
        {
            // A full fence, as Add's increment is: each side then sees the other's write.
            Interlocked.Exchange(ref _expected, (int)Math.Min(expected, int.MaxValue));
            if (Volatile.Read(ref _received) >= expected)
            {
                return true;
            }

            try
            {
                await _all.Task.WaitAsync(within);
                return true;
            }
            catch (TimeoutException)
            {
                return false;
            }
        }
    }
}

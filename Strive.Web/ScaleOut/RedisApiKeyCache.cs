using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Strive.Domain.ApiKeys;

namespace Strive.Web.ScaleOut;

/// <summary>
/// <see cref="IApiKeyCache"/> across instances: each instance keeps its own in-process cache, and a
/// revocation on any of them is published on a Redis channel, from which every other instance forgets
/// the key. The revoking request waits for Redis to take the message before it answers. An instance
/// that lost Redis forgets every key when it comes back, since it may have missed revocations meanwhile
/// (while Redis is away, the API answers 503 anyway). Expiries need no message: every instance compares
/// a key's expiry with the clock on each request.
/// </summary>
public sealed class RedisApiKeyCache(
    IOptions<ApiKeyCacheOptions> options,
    RedisConnection redis,
    InstanceInfo instance,
    ILogger<RedisApiKeyCache> logger) : IApiKeyCache, IHostedService
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("strive:api-keys:revoked");

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

    public void Invalidate(string keyId)
    {
        Volatile.Read(ref _local).Cache.Invalidate(keyId);
        try
        {
            // Synchronous on purpose: the revocation answers only once Redis has passed it on.
            redis.Multiplexer.GetSubscriber().Publish(Channel, $"{instance.Id} {keyId}");
        }
        catch (Exception ex) when (RedisConnection.IsUnavailable(ex))
        {
            // Saved in the database; the other instances forget every key when their Redis comes back, and
            // trust none longer than ApiKeys:Cache:Lifetime.
            logger.LogWarning(ex, "Could not tell the other instances that API key {KeyId} was revoked", keyId);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        redis.Multiplexer.ConnectionRestored += (_, _) => ForgetEverything();
        await RedisSubscriptions.SubscribeAsync(redis, Channel, OnMessage, logger);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void OnMessage(RedisValue value)
    {
        var parts = value.ToString().Split(' ', 2);
        if (parts.Length == 2 && parts[0] != instance.Id)
        {
            Volatile.Read(ref _local).Cache.Invalidate(parts[1]);
        }
    }

    private void ForgetEverything()
    {
        var old = Volatile.Read(ref _local);
        Volatile.Write(ref _local, new Local(old.Epoch + 1, new InMemoryApiKeyCache(options)));
    }

    private sealed record Local(long Epoch, InMemoryApiKeyCache Cache);
}

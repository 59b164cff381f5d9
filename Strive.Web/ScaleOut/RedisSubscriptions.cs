using System.Text.Json;
using StackExchange.Redis;

namespace Strive.Web.ScaleOut;

/// <summary>What every Redis channel listener here shares: subscribing at start, reading a JSON message.</summary>
internal static class RedisSubscriptions
{
    /// <summary>
    /// Subscribes once, at start. The client remembers the subscription and renews it after every
    /// reconnect, including when Redis was not there when the app started.
    /// </summary>
    public static async Task SubscribeAsync(RedisConnection redis, RedisChannel channel, Action<RedisValue> onMessage,
        ILogger logger)
    {
        try
        {
            await redis.Multiplexer.GetSubscriber().SubscribeAsync(channel, (_, value) => onMessage(value));
        }
        catch (Exception ex) when (RedisConnection.IsUnavailable(ex))
        {
            logger.LogWarning(ex, "Redis is not reachable; the subscription to {Channel} follows when it is", channel);
        }
    }

    public static T? Read<T>(RedisValue value, ILogger logger)
        where T : class
    {
        try
        {
            return value.IsNullOrEmpty ? null : JsonSerializer.Deserialize<T>(value.ToString());
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Ignored a malformed message from Redis");
            return null;
        }
    }
}

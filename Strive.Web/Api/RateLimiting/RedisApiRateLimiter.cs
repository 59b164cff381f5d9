using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Strive.Web.ScaleOut;

namespace Strive.Web.Api.RateLimiting;

/// <summary>
/// The same fixed one-minute window per key as <see cref="ApiRateLimiter"/>, counted in Redis by one
/// atomic script, so every instance spends from one budget. The window is timed by Redis's own clock,
/// so instances whose clocks differ still agree on when it resets. When Redis cannot be reached the
/// decision is <see cref="RateLimitDecision.Unavailable"/>: the API refuses rather than runs unlimited.
/// </summary>
public sealed class RedisApiRateLimiter(
    RedisConnection redis,
    IOptions<ApiRateLimitOptions> options,
    ILogger<RedisApiRateLimiter> logger) : IApiRateLimiter
{
    private const string KeyPrefix = "strive:rate-limit:";
    private static readonly long WindowMilliseconds = (long)TimeSpan.FromMinutes(1).TotalMilliseconds;
    private long _lastWarning;

    // KEYS[1] the key's window; ARGV[1] the limit, ARGV[2] the window in ms.
    // Returns {allowed (0/1), used, reset (Unix ms), now (Unix ms)}.
    private const string Script = """
        local time = redis.call('TIME')
        local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
        local limit = tonumber(ARGV[1])
        local state = redis.call('HMGET', KEYS[1], 'reset', 'used')
        local reset = tonumber(state[1])
        local used = tonumber(state[2]) or 0
        if reset == nil or now >= reset then
          reset = now + tonumber(ARGV[2])
          used = 0
        end
        local allowed = 0
        if used < limit then
          used = used + 1
          allowed = 1
        end
        redis.call('HSET', KEYS[1], 'reset', string.format('%.0f', reset), 'used', used)
        redis.call('PEXPIREAT', KEYS[1], string.format('%.0f', reset))
        return {allowed, used, string.format('%.0f', reset), string.format('%.0f', now)}
        """;

    public async ValueTask<RateLimitDecision> AcquireAsync(string keyId, CancellationToken cancellationToken)
    {
        var limit = Math.Max(1, options.Value.PermitsPerMinute);
        RedisResult result;
        try
        {
            result = await redis.Multiplexer.GetDatabase().ScriptEvaluateAsync(Script,
                [new RedisKey(KeyPrefix + keyId)], [limit, WindowMilliseconds]);
        }
        catch (Exception ex) when (RedisConnection.IsUnavailable(ex))
        {
            // Once every 10 s, not once a request: an outage must not flood the log.
            var ticks = Environment.TickCount64;
            var last = Interlocked.Read(ref _lastWarning);
            if ((last == 0 || ticks - last > 10_000) && Interlocked.CompareExchange(ref _lastWarning, ticks, last) == last)
            {
                logger.LogWarning(ex, "Redis is unreachable: API requests are refused (503) until it is back");
            }

            return RateLimitDecision.CounterUnavailable(limit);
        }

        var values = (RedisResult[])result!;
        var allowed = (long)values[0] == 1;
        var used = (int)(long)values[1];
        var resetAt = DateTimeOffset.FromUnixTimeMilliseconds((long)values[2]);
        var now = DateTimeOffset.FromUnixTimeMilliseconds((long)values[3]);
        var retryAfter = (int)Math.Ceiling((resetAt - now).TotalSeconds);
        return new RateLimitDecision(allowed, limit, limit - used, resetAt, Math.Max(1, retryAfter));
    }
}

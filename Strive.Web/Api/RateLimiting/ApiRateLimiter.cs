using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Strive.Web.Api.RateLimiting;

public sealed class ApiRateLimitOptions
{
    public const string SectionName = "Api:RateLimit";

    public int PermitsPerMinute { get; set; } = 60;
}

/// <summary>
/// The answer for one request: whether it may run and what the X-RateLimit headers say; or, when
/// <see cref="Unavailable"/>, that the shared counter cannot be reached, so nothing may run.
/// </summary>
public readonly record struct RateLimitDecision(bool Allowed, int Limit, int Remaining, DateTimeOffset ResetAt,
    int RetryAfterSeconds)
{
    public bool Unavailable { get; private init; }

    public static RateLimitDecision CounterUnavailable(int limit) =>
        new(false, limit, 0, default, 0) { Unavailable = true };
}

/// <summary>
/// Counts each API key's requests in one-minute windows (docs/api/API.md "Rate limiting"): in memory on
/// one instance (<see cref="ApiRateLimiter"/>), in Redis for several (<see cref="RedisApiRateLimiter"/>).
/// </summary>
public interface IApiRateLimiter
{
    ValueTask<RateLimitDecision> AcquireAsync(string keyId, CancellationToken cancellationToken);
}

/// <summary>
/// A fixed one-minute window per API key, in memory. The window starts with the key's first request
/// and resets a minute later; a key past its permits is refused until then.
/// </summary>
public sealed class ApiRateLimiter(IOptions<ApiRateLimitOptions> options, TimeProvider clock) : IApiRateLimiter
{
    public ValueTask<RateLimitDecision> AcquireAsync(string keyId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Acquire(keyId));

    private const int PruneThreshold = 10_000;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, KeyWindow> _windows = new(StringComparer.Ordinal);

    public RateLimitDecision Acquire(string keyId)
    {
        var limit = Math.Max(1, options.Value.PermitsPerMinute);
        var now = clock.GetUtcNow();
        PruneIfLarge(now);
        var window = _windows.GetOrAdd(keyId, _ => new KeyWindow());
        lock (window)
        {
            if (now >= window.ResetAt)
            {
                window.ResetAt = now + Window;
                window.Used = 0;
            }

            var allowed = window.Used < limit;
            if (allowed)
            {
                window.Used++;
            }

            var retryAfter = (int)Math.Ceiling((window.ResetAt - now).TotalSeconds);
            return new RateLimitDecision(allowed, limit, limit - window.Used, window.ResetAt, Math.Max(1, retryAfter));
        }
    }

    /// <summary>Forgets windows that ended long ago, so keys no longer in use do not pile up in memory.</summary>
    private void PruneIfLarge(DateTimeOffset now)
    {
        if (_windows.Count < PruneThreshold)
        {
            return;
        }

        foreach (var (keyId, window) in _windows)
        {
            if (window.ResetAt < now - Window)
            {
                _windows.TryRemove(keyId, out _);
            }
        }
    }

    private sealed class KeyWindow
    {
        public DateTimeOffset ResetAt { get; set; } = DateTimeOffset.MinValue;

        public int Used { get; set; }
    }
}

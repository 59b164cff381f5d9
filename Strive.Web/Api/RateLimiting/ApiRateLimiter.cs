using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Strive.Web.Api.RateLimiting;

public sealed class ApiRateLimitOptions
{
    public const string SectionName = "Api:RateLimit";

    public int PermitsPerMinute { get; set; } = 60;
}

/// <summary>The answer for one request: whether it may run and what the X-RateLimit headers say.</summary>
public readonly record struct RateLimitDecision(bool Allowed, int Limit, int Remaining, DateTimeOffset ResetAt,
    int RetryAfterSeconds);

/// <summary>
/// A fixed one-minute window per API key, in memory. The window starts with the key's first request
/// and resets a minute later; a key past its permits is refused until then.
/// </summary>
public sealed class ApiRateLimiter(IOptions<ApiRateLimitOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, KeyWindow> _windows = new(StringComparer.Ordinal);

    public RateLimitDecision Acquire(string keyId)
    {
        var limit = Math.Max(1, options.Value.PermitsPerMinute);
        var now = clock.GetUtcNow();
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

    private sealed class KeyWindow
    {
        public DateTimeOffset ResetAt { get; set; } = DateTimeOffset.MinValue;

        public int Used { get; set; }
    }
}

namespace Strive.Web.ScaleOut;

/// <summary>
/// The "Redis" configuration section. Empty: one instance, everything in process. Set: the state that
/// several instances must share (rate-limit counters, goal change notices, key-cache invalidations)
/// goes through this Redis server.
/// </summary>
public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    /// <summary>A StackExchange.Redis connection string, for example "redis.internal:6379,password=...".</summary>
    public string? Configuration { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Configuration);
}

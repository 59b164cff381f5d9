using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Strive.Web.ScaleOut;

/// <summary>
/// The one connection to Redis, opened as the app starts. A Redis that is down at start or goes down
/// later never stops the app: the client keeps reconnecting in the background, commands fail at once
/// while it is away (callers answer 503 rather than wait), and subscriptions come back with it.
/// </summary>
public sealed class RedisConnection(IOptions<RedisOptions> options, ILogger<RedisConnection> logger)
    : IHostedService, IAsyncDisposable
{
    private ConnectionMultiplexer? _multiplexer;

    public IConnectionMultiplexer Multiplexer =>
        _multiplexer ?? throw new InvalidOperationException("Redis is used before the app has started.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var configuration = ConfigurationOptions.Parse(options.Value.Configuration!);
        // Start (and keep running) without Redis: it is retried in the background, not fatal.
        configuration.AbortOnConnectFail = false;
        // No queue of commands while disconnected: a request learns at once that Redis is away.
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.ReconnectRetryPolicy = new ExponentialRetry(deltaBackOffMilliseconds: 250,
            maxDeltaBackOffMilliseconds: 5_000);
        _multiplexer = await ConnectionMultiplexer.ConnectAsync(configuration);
        _multiplexer.ConnectionFailed += (_, e) =>
            logger.LogWarning(e.Exception, "Redis connection lost ({FailureType}) at {EndPoint}", e.FailureType, e.EndPoint);
        _multiplexer.ConnectionRestored += (_, e) => logger.LogInformation("Redis connection restored at {EndPoint}", e.EndPoint);
        if (!_multiplexer.IsConnected)
        {
            logger.LogWarning("Redis is not reachable yet; retrying in the background");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>True when Redis answers a PING now.</summary>
    public async Task<bool> IsAvailableAsync()
    {
        try
        {
            await Multiplexer.GetDatabase().PingAsync();
            return true;
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            return false;
        }
    }

    /// <summary>The failures that mean "Redis cannot be reached now", as opposed to a bug.</summary>
    public static bool IsUnavailable(Exception exception) =>
        exception is RedisConnectionException or RedisTimeoutException or TimeoutException;

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer is not null)
        {
            await _multiplexer.DisposeAsync();
        }
    }
}

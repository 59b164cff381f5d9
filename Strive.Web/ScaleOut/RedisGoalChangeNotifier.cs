using System.Text.Json;
using StackExchange.Redis;
using Strive.Domain.Events;
using Strive.Domain.Goals;

namespace Strive.Web.ScaleOut;

/// <summary>
/// <see cref="IGoalChangeNotifier"/> across instances: a change reaches the boards open in this process at
/// once (as on one machine, Redis or not) and is published on a Redis channel, from which every other
/// instance hands it to its own boards. An instance skips its own messages when they come back.
/// It also vouches for the channel to <see cref="GoalGateCache"/> (docs/decisions/010-goal-gate-in-memory.md):
/// every second it sends itself a probe through the channel, and the kept read gates are trusted only while
/// its probes come back (the subscription works, and nothing published since it came back was missed). A lost
/// connection, or 3 s without a probe back, suspends them; the first probe sent after that and heard back
/// resumes them, empty.
/// </summary>
public sealed class RedisGoalChangeNotifier(
    InProcessGoalChangeNotifier local,
    RedisConnection redis,
    InstanceInfo instance,
    GoalGateCache gates,
    ILogger<RedisGoalChangeNotifier> logger) : IGoalChangeNotifier, IHostedService, IDisposable
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("strive:goal-changes");

    private static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(1);
    private const long SilenceLimitMilliseconds = 3_000;

    private readonly Lock _trust = new();
    private Timer? _timer;
    private long _nextProbe;
    private long _firstProbeToTrust;
    private long _lastHeardAt;

    public IDisposable Subscribe(string goalId, Func<GoalChange, Task> onChange) => local.Subscribe(goalId, onChange);

    public void Publish(GoalChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        local.Publish(change);
        _ = PublishToOthersAsync(new GoalChangeMessage(instance.Id, change.GoalId, change.ActorId, change.Origin));
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Nothing is served from memory until this instance has heard itself through the channel.
        Suspend(null);
        redis.Multiplexer.ConnectionFailed += (_, e) => Suspend($"the connection to Redis failed ({e.FailureType})");
        await RedisSubscriptions.SubscribeAsync(redis, Channel, OnMessage, logger);
        _timer = new Timer(_ => Probe(), null, TimeSpan.Zero, ProbeInterval);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Change(Timeout.Infinite, Timeout.Infinite);
        return Task.CompletedTask;
    }

    public void Dispose() => _timer?.Dispose();

    private void Probe()
    {
        long probe;
        lock (_trust)
        {
            if (gates.IsTrusted && Environment.TickCount64 - Volatile.Read(ref _lastHeardAt) > SilenceLimitMilliseconds)
            {
                SuspendLocked("no probe came back through Redis for 3 s");
            }

            probe = _nextProbe++;
        }

        // GoalId "": an instance of an older version hands it to the boards of no goal.
        _ = PublishToOthersAsync(new GoalChangeMessage(instance.Id, "", null, null, probe), quiet: true);
    }

    private void Suspend(string? why)
    {
        lock (_trust)
        {
            SuspendLocked(why);
        }
    }

    private void SuspendLocked(string? why)
    {
        // Only a probe sent from now on proves the channel works again.
        _firstProbeToTrust = _nextProbe;
        if (gates.IsTrusted && why is not null)
        {
            logger.LogWarning("Goal changes may go unheard ({Reason}): the API reads every access check from the database", why);
        }

        gates.Suspend();
    }

    private void Heard(long probe)
    {
        lock (_trust)
        {
            Volatile.Write(ref _lastHeardAt, Environment.TickCount64);
            if (!gates.IsTrusted && probe >= _firstProbeToTrust)
            {
                gates.Resume();
                logger.LogInformation("Goal changes are heard through Redis again: access checks may be kept in memory");
            }
        }
    }

    private async Task PublishToOthersAsync(GoalChangeMessage message, bool quiet = false)
    {
        try
        {
            await redis.Multiplexer.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(message));
        }
        catch (Exception ex) when (RedisConnection.IsUnavailable(ex))
        {
            if (!quiet)
            {
                // The change is saved and this instance's boards have it; the others see it on their next load, and
                // read every access check from the database until their probes come back.
                logger.LogWarning(ex, "Could not tell the other instances that goal {GoalId} changed", message.GoalId);
            }
        }
    }

    private void OnMessage(RedisValue value)
    {
        var message = RedisSubscriptions.Read<GoalChangeMessage>(value, logger);
        if (message?.Probe is { } probe)
        {
            if (message.From == instance.Id)
            {
                Heard(probe);
            }

            return;
        }

        if (message is null || message.From == instance.Id)
        {
            return;
        }

        local.Publish(new GoalChange(message.GoalId, message.ActorId, message.Origin));
    }

    /// <param name="Probe">Set on a probe (this instance's n-th), which is no change.</param>
    private sealed record GoalChangeMessage(string From, string GoalId, string? ActorId, string? Origin, long? Probe = null);
}

using System.Text.Json;
using StackExchange.Redis;
using Strive.Domain.Events;

namespace Strive.Web.ScaleOut;

/// <summary>
/// <see cref="IGoalChangeNotifier"/> across instances: a change reaches the boards open in this process at
/// once (as on one machine, Redis or not) and is published on a Redis channel, from which every other
/// instance hands it to its own boards. An instance skips its own messages when they come back.
/// </summary>
public sealed class RedisGoalChangeNotifier(
    InProcessGoalChangeNotifier local,
    RedisConnection redis,
    InstanceInfo instance,
    ILogger<RedisGoalChangeNotifier> logger) : IGoalChangeNotifier, IHostedService
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("strive:goal-changes");

    public IDisposable Subscribe(string goalId, Func<GoalChange, Task> onChange) => local.Subscribe(goalId, onChange);

    public void Publish(GoalChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        local.Publish(change);
        _ = PublishToOthersAsync(change);
    }

    public Task StartAsync(CancellationToken cancellationToken) =>
        RedisSubscriptions.SubscribeAsync(redis, Channel, OnMessage, logger);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task PublishToOthersAsync(GoalChange change)
    {
        var message = new GoalChangeMessage(instance.Id, change.GoalId, change.ActorId, change.Origin);
        try
        {
            await redis.Multiplexer.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(message));
        }
        catch (Exception ex) when (RedisConnection.IsUnavailable(ex))
        {
            // The change is saved and this instance's boards have it; the others see it on their next load.
            logger.LogWarning(ex, "Could not tell the other instances that goal {GoalId} changed", change.GoalId);
        }
    }

    private void OnMessage(RedisValue value)
    {
        var message = RedisSubscriptions.Read<GoalChangeMessage>(value, logger);
        if (message is null || message.From == instance.Id)
        {
            return;
        }

        local.Publish(new GoalChange(message.GoalId, message.ActorId, message.Origin));
    }

    private sealed record GoalChangeMessage(string From, string GoalId, string? ActorId, string? Origin);
}

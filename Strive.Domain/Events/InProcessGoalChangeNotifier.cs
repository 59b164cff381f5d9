using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Strive.Domain.Goals;

namespace Strive.Domain.Events;

/// <summary>
/// Fan-out of goal changes to the boards open in this process. Scale-out would put a shared bus
/// (Redis pub/sub, SQL Server broker, SignalR backplane) behind <see cref="IGoalChangeNotifier"/>.
/// Every change passes here, this instance's and (with Redis) the others': the kept read gates of the goal
/// (<see cref="GoalGateCache"/>) are forgotten first, synchronously, before the writer answers or a board hears.
/// </summary>
public sealed class InProcessGoalChangeNotifier(ILogger<InProcessGoalChangeNotifier> logger, GoalGateCache gates)
    : IGoalChangeNotifier
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Func<GoalChange, Task>>> _subscribers =
        new(StringComparer.Ordinal);

    public IDisposable Subscribe(string goalId, Func<GoalChange, Task> onChange)
    {
        var id = Guid.NewGuid();
        _subscribers.GetOrAdd(goalId, _ => new())[id] = onChange;
        return new Subscription(() =>
        {
            if (_subscribers.TryGetValue(goalId, out var handlers))
            {
                handlers.TryRemove(id, out _);
            }
        });
    }

    public void Publish(GoalChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        gates.Forget(change.GoalId);
        if (!_subscribers.TryGetValue(change.GoalId, out var handlers))
        {
            return;
        }

        foreach (var handler in handlers.Values)
        {
            // Fire and forget: a slow or broken board must not delay or fail the change that was saved.
            _ = InvokeAsync(handler, change);
        }
    }

    private async Task InvokeAsync(Func<GoalChange, Task> handler, GoalChange change)
    {
        try
        {
            await handler(change);
        }
#pragma warning disable CA1031 // A subscriber's failure is logged, never thrown into the writer.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "A goal change subscriber failed for goal {GoalId}", change.GoalId);
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}

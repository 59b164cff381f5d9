using Microsoft.Extensions.DependencyInjection;
using Strive.Domain.Events;
using Strive.Domain.Goals;
using Strive.Tests.ScaleOut;

namespace Strive.Web.Tests.ScaleOut;

/// <summary>Waiting on an instance's own state: whether it trusts its change notices, and hearing one.</summary>
internal static class GoalGateTrust
{
    /// <summary>
    /// Until the instance trusts (or stops trusting) its change notices: its own probe came back through Redis,
    /// or it noticed that Redis is gone (docs/decisions/010-goal-gate-in-memory.md). At most 15 s.
    /// </summary>
    public static async Task TrustedAsync(this AppInstance instance, bool trusted = true)
    {
        var gates = instance.Services.GetRequiredService<GoalGateCache>();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (gates.IsTrusted != trusted)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{instance.Name} still {(trusted ? "distrusts" : "trusts")} its change notices");
            await Task.Delay(20);
        }
    }

    /// <summary>Completes when the instance hears of a change to the goal (as a board open on it would).</summary>
    public static async Task<GoalChange> HearAsync(this AppInstance instance, string goalId, Func<Task> change)
    {
        var heard = new TaskCompletionSource<GoalChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var board = instance.Services.GetRequiredService<IGoalChangeNotifier>()
            .Subscribe(goalId, c => Task.FromResult(heard.TrySetResult(c)));
        await change();
        return await heard.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }
}

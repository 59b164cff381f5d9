using System.Collections.Concurrent;
using Strive.Domain.Events;
using Strive.Domain.Milestones;
using Strive.Domain.Persistence;
using Strive.Domain.Tests.Infrastructure;

namespace Strive.Domain.Tests.Events;

/// <summary>A board skips the echo of its own change by origin, not by user: the same user's other tab still counts.</summary>
public sealed class ChangeOriginTests : IDisposable
{
    private readonly DomainHarness _domain = new();

    [Fact]
    public async Task Changes_CarryTheOriginOfTheScopeThatMadeThem_EvenForTheSameUser()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var otherTab = new ChangeOrigin();
        var otherTabMilestones = new MilestoneService(_domain.Contexts,
            new GoalWrites(_domain.Contexts, _domain.Notifier, otherTab, WriteGate.Open()), _domain.Gates, _domain.Clock);
        var heard = new ConcurrentQueue<GoalChange>();
        using var subscription = _domain.Notifier.Subscribe(goal, change =>
        {
            heard.Enqueue(change);
            return Task.CompletedTask;
        });

        await _domain.AddMilestoneAsync(owner, goal, "From this tab");
        Assert.True((await otherTabMilestones.CreateAsync(owner, goal, new NewMilestone("From the other tab"))).IsSuccess);

        Assert.NotEqual(_domain.Origin.Id, otherTab.Id);
        Assert.Equal([_domain.Origin.Id, otherTab.Id], heard.Select(c => c.Origin));
        Assert.All(heard, c => Assert.Equal(owner, c.ActorId));
    }

    [Fact]
    public async Task PassedDeadline_IsAnnouncedWithoutOrigin()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        await _domain.Milestones.CreateAsync(owner, goal,
            new NewMilestone("Due", Deadline: _domain.Clock.GetUtcNow().AddDays(1)));
        var heard = new TaskCompletionSource<GoalChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = _domain.Notifier.Subscribe(goal, change =>
        {
            heard.TrySetResult(change);
            return Task.CompletedTask;
        });

        _domain.Clock.Advance(TimeSpan.FromDays(2));
        await _domain.Deadlines.RecordPassedDeadlinesAsync();

        Assert.Equal(new GoalChange(goal, null, null), await heard.Task.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    public void Dispose() => _domain.Dispose();
}

using Strive.Domain.Events;
using Strive.Domain.Goals;
using Strive.Domain.Milestones;
using Strive.Domain.Tests.Infrastructure;

namespace Strive.Domain.Tests.Goals;

/// <summary>A goal remembers when it finished, and its admins can reopen it.</summary>
public sealed class FinishedGoalTests : IDisposable
{
    private readonly DomainHarness _domain = new();

    [Fact]
    public async Task Finishing_StampsWhen_AndReopening_ClearsIt_WithAnEvent()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var finishedAt = _domain.Clock.GetUtcNow();

        var finished = await _domain.Goals.UpdateAsync(owner, goal, new GoalChanges { Status = GoalStatus.Succeeded });
        _domain.Clock.Advance(TimeSpan.FromDays(2));
        var reopened = await _domain.Goals.ReopenAsync(owner, goal);

        Assert.Equal(finishedAt, finished.Value!.FinishedAt);
        Assert.True(finished.Value.IsFinished);
        Assert.Equal(GoalStatus.Pending, reopened.Value!.Status);
        Assert.Null(reopened.Value.FinishedAt);
        var events = (await _domain.Goals.ListEventsAsync(owner, goal)).Value!;
        Assert.Equal(GoalEventType.GoalReopened, events[0].Type);
    }

    [Fact]
    public async Task Reopen_IsForAdmins_AndOnlyOfAFinishedGoal()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var achiever = await _domain.CreateUserAsync("achiever");
        await _domain.Stakeholders.AddAsync(owner, goal, await _domain.EmailOfAsync(achiever), StakeholderRoles.Achiever);

        var pending = await _domain.Goals.ReopenAsync(owner, goal);
        await _domain.Goals.UpdateAsync(owner, goal, new GoalChanges { Status = GoalStatus.Failed });
        var byAchiever = await _domain.Goals.ReopenAsync(achiever, goal);

        Assert.Equal(GoalErrors.NotFinished, pending.Error);
        Assert.Equal(GoalErrors.ReopenForbidden, byAchiever.Error);
        Assert.Equal(GoalStatus.Failed, (await _domain.Goals.GetAsync(owner, goal)).Value!.Status);
    }

    [Fact]
    public async Task FinishedGoal_RefusesEveryChangeToItsPlan_UntilReopened()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var first = (await _domain.Milestones.CreateAsync(owner, goal, new NewMilestone("Buy shoes"))).Value!;
        var second = (await _domain.Milestones.CreateAsync(owner, goal, new NewMilestone("Run 5 km"))).Value!;
        await _domain.Goals.UpdateAsync(owner, goal, new GoalChanges { Status = GoalStatus.Succeeded });

        var refused = new[]
        {
            (await _domain.Milestones.CreateAsync(owner, goal, new NewMilestone("Run 10 km"))).Error,
            (await _domain.Milestones.UpdateAsync(owner, goal, first.Id, new MilestoneChanges { Status = MilestoneStatus.Succeeded })).Error,
            (await _domain.Milestones.UpdateAsync(owner, goal, first.Id, new MilestoneChanges { Content = "Buy two pairs" })).Error,
            (await _domain.Milestones.MoveAsync(owner, goal, second.Id, 0)).Error,
            (await _domain.Milestones.ReorderAsync(owner, goal, [second.Id, first.Id])).Error,
            (await _domain.Milestones.DeleteAsync(owner, goal, first.Id)).Error,
        };

        Assert.All(refused, error => Assert.Equal(GoalErrors.Finished, error));
        Assert.Equal(["Buy shoes", "Run 5 km"], (await _domain.Milestones.ListAsync(owner, goal)).Value!.Select(m => m.Content));
        await _domain.Goals.ReopenAsync(owner, goal);
        Assert.True((await _domain.Milestones.CreateAsync(owner, goal, new NewMilestone("Run 10 km"))).IsSuccess);
    }

    public void Dispose() => _domain.Dispose();
}

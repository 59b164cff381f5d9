using Strive.Domain.Events;
using Strive.Domain.Goals;
using Strive.Domain.Milestones;
using Strive.Domain.Tests.Infrastructure;

namespace Strive.Domain.Tests.Milestones;

/// <summary>docs/api/API.md "Restoring a deleted milestone", through the domain service.</summary>
public sealed class MilestoneRestoreTests : IDisposable
{
    private readonly DomainHarness _domain = new();

    [Fact]
    public async Task Restore_PutsItBackAtItsOldPosition_AndShiftsOthersDown()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        await _domain.AddMilestoneAsync(owner, goal, "A");
        var b = await _domain.AddMilestoneAsync(owner, goal, "B");
        await _domain.AddMilestoneAsync(owner, goal, "C");
        await _domain.Milestones.DeleteAsync(owner, goal, b.Id);

        var restored = await _domain.Milestones.RestoreAsync(owner, goal, b.Id);

        Assert.True(restored.IsSuccess, restored.Error?.Message);
        Assert.Equal(1, restored.Value.Order);
        Assert.Equal(["A", "B", "C"], await _domain.ContentsInOrderAsync(owner, goal));
        Assert.Equal([0, 1, 2], (await _domain.Milestones.ListAsync(owner, goal)).Value!.Select(m => m.Order));
    }

    [Fact]
    public async Task Restore_WhenTheListIsShorterNow_PutsItLast()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var a = await _domain.AddMilestoneAsync(owner, goal, "A");
        await _domain.AddMilestoneAsync(owner, goal, "B");
        var c = await _domain.AddMilestoneAsync(owner, goal, "C");
        await _domain.Milestones.DeleteAsync(owner, goal, c.Id);
        await _domain.Milestones.DeleteAsync(owner, goal, a.Id);

        var restored = await _domain.Milestones.RestoreAsync(owner, goal, c.Id);

        Assert.Equal(1, restored.Value!.Order);
        Assert.Equal(["B", "C"], await _domain.ContentsInOrderAsync(owner, goal));
    }

    [Fact]
    public async Task Restore_KeepsStatusAndSubtasks_AndTheCountersFollow()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var a = (await _domain.Milestones.CreateAsync(owner, goal,
            new NewMilestone("A", Subtasks: [new Subtask("Buy shoes", true), new Subtask("Run 5K", false)]))).Value!;
        await _domain.AddMilestoneAsync(owner, goal, "B");
        await _domain.Milestones.UpdateAsync(owner, goal, a.Id, new MilestoneChanges { Status = MilestoneStatus.Succeeded });
        await _domain.Milestones.DeleteAsync(owner, goal, a.Id);
        var afterDelete = (await _domain.Goals.GetAsync(owner, goal)).Value!;

        var restored = (await _domain.Milestones.RestoreAsync(owner, goal, a.Id)).Value!;

        var afterRestore = (await _domain.Goals.GetAsync(owner, goal)).Value!;
        Assert.Equal((1, 0), (afterDelete.TasksTotal, afterDelete.TasksCompleted));
        Assert.Equal((2, 1), (afterRestore.TasksTotal, afterRestore.TasksCompleted));
        Assert.Equal(MilestoneStatus.Succeeded, restored.Status);
        Assert.NotNull(restored.FinishedAt);
        Assert.Equal([new Subtask("Buy shoes", true), new Subtask("Run 5K", false)], restored.Subtasks);
        var read = (await _domain.Milestones.GetAsync(owner, goal, a.Id)).Value!;
        Assert.Equal((restored.Status, restored.Order, restored.Subtasks.Count), (read.Status, read.Order, read.Subtasks.Count));
    }

    [Fact]
    public async Task Delete_HidesThePledges_AndRestoreBringsThemBack()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var supporter = await _domain.CreateUserAsync("supporter");
        await _domain.Stakeholders.AddAsync(owner, goal, await _domain.EmailOfAsync(supporter), StakeholderRoles.Supporter);
        var a = await _domain.AddMilestoneAsync(owner, goal, "A");
        var pledge = (await _domain.Supports.PledgeAsync(supporter, goal, a.Id, "A pair of running shoes")).Value!;
        _domain.Clock.Advance(TimeSpan.FromMinutes(1));
        var goalWide = (await _domain.Supports.PledgeAsync(supporter, goal, null, "A cheering crowd")).Value!;

        await _domain.Milestones.DeleteAsync(owner, goal, a.Id);
        var whileDeleted = (await _domain.Supports.ListAsync(owner, goal)).Value!;
        var restored = (await _domain.Milestones.RestoreAsync(owner, goal, a.Id)).Value!;

        Assert.Equal([goalWide.Id], whileDeleted.Select(s => s.Id));
        Assert.Equal([pledge.Id, goalWide.Id], (await _domain.Supports.ListAsync(owner, goal)).Value!.Select(s => s.Id));
        Assert.Equal(1, restored.SupportCount);
        Assert.Equal(1, (await _domain.Milestones.ListAsync(owner, goal)).Value!.Single().SupportCount);
    }

    [Fact]
    public async Task Restore_ThirtyDaysAfterTheDelete_Works_AndOneMillisecondLaterIsNotFound()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var a = await _domain.AddMilestoneAsync(owner, goal, "A");
        var b = await _domain.AddMilestoneAsync(owner, goal, "B");
        await _domain.Milestones.DeleteAsync(owner, goal, a.Id);
        await _domain.Milestones.DeleteAsync(owner, goal, b.Id);

        _domain.Clock.Advance(TimeSpan.FromDays(30));
        var justInTime = await _domain.Milestones.RestoreAsync(owner, goal, a.Id);
        _domain.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var tooLate = await _domain.Milestones.RestoreAsync(owner, goal, b.Id);

        Assert.True(justInTime.IsSuccess, justInTime.Error?.Message);
        Assert.Equal(MilestoneErrors.RestoreExpired, tooLate.Error);
        Assert.Equal("Milestone not found", tooLate.Error?.Message);
        Assert.Equal(["A"], await _domain.ContentsInOrderAsync(owner, goal));
    }

    [Fact]
    public async Task Restore_OfALiveMilestone_IsNotFound_AndChangesNothing()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var a = await _domain.AddMilestoneAsync(owner, goal, "A");
        var before = (await _domain.Goals.GetAsync(owner, goal)).Value!;

        var result = await _domain.Milestones.RestoreAsync(owner, goal, a.Id);

        Assert.Equal(MilestoneErrors.NotDeleted, result.Error);
        Assert.Equal("Milestone not found", result.Error?.Message);
        Assert.Equal(before.UpdatedAt, (await _domain.Goals.GetAsync(owner, goal)).Value!.UpdatedAt);
    }

    [Fact]
    public async Task Restore_OfAnUnknownOrForeignId_IsNotFound()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var (otherOwner, otherGoal) = await _domain.CreateGoalAsync("Another goal");
        var foreign = await _domain.AddMilestoneAsync(otherOwner, otherGoal, "Theirs");
        await _domain.Milestones.DeleteAsync(otherOwner, otherGoal, foreign.Id);

        Assert.Equal(MilestoneErrors.NotFound, (await _domain.Milestones.RestoreAsync(owner, goal, "nope")).Error);
        Assert.Equal(MilestoneErrors.NotFound, (await _domain.Milestones.RestoreAsync(owner, goal, foreign.Id)).Error);
        Assert.Equal(GoalErrors.NotFound, (await _domain.Milestones.RestoreAsync(owner, "no-goal", foreign.Id)).Error);
    }

    [Theory]
    [InlineData(StakeholderRoles.Achiever)]
    [InlineData(StakeholderRoles.Supporter)]
    [InlineData(StakeholderRoles.Spectator)]
    public async Task Restore_ByAnyoneButAnAdmin_IsForbidden(StakeholderRoles role)
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var other = await _domain.CreateUserAsync("other");
        await _domain.Stakeholders.AddAsync(owner, goal, await _domain.EmailOfAsync(other), role);
        var a = await _domain.AddMilestoneAsync(owner, goal, "A");
        await _domain.Milestones.DeleteAsync(owner, goal, a.Id);

        var result = await _domain.Milestones.RestoreAsync(other, goal, a.Id);

        Assert.Equal("Only admins can restore milestones", result.Error?.Message);
        Assert.Empty(await _domain.ContentsInOrderAsync(owner, goal));
    }

    [Fact]
    public async Task Restore_ByAStranger_IsForbidden()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var stranger = await _domain.CreateUserAsync("stranger");
        var a = await _domain.AddMilestoneAsync(owner, goal, "A");
        await _domain.Milestones.DeleteAsync(owner, goal, a.Id);

        var result = await _domain.Milestones.RestoreAsync(stranger, goal, a.Id);

        Assert.Equal(MilestoneErrors.RestoreForbidden, result.Error);
    }

    [Fact]
    public async Task Restore_IsRecordedAsAnEvent()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var a = await _domain.AddMilestoneAsync(owner, goal, "A");
        await _domain.Milestones.DeleteAsync(owner, goal, a.Id);
        _domain.Clock.Advance(TimeSpan.FromMinutes(1));

        await _domain.Milestones.RestoreAsync(owner, goal, a.Id);

        var last = (await _domain.Goals.ListEventsAsync(owner, goal)).Value!.MaxBy(e => e.CreatedAt)!;
        Assert.Equal((GoalEventType.MilestoneRestored, a.Id, owner, "A"), (last.Type, last.MilestoneId, last.ActorId, last.Detail));
    }

    public void Dispose() => _domain.Dispose();
}

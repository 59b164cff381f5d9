using Strive.Domain.Goals;
using Strive.Domain.Tests.Infrastructure;

namespace Strive.Domain.Tests.Goals;

/// <summary>docs/api/API.md: any stakeholder can leave a goal; the last admin cannot; their pledges stay.</summary>
public sealed class GoalLeaveTests : IDisposable
{
    private readonly DomainHarness _domain = new();

    public void Dispose() => _domain.Dispose();

    [Fact]
    public async Task Leave_AsSupporter_TakesThemOffTheGoal_AndTheirPledgeStays()
    {
        var (ownerId, goalId) = await _domain.CreateGoalAsync();
        var supporterId = await _domain.CreateUserAsync("supporter");
        await _domain.Stakeholders.AddAsync(ownerId, goalId, await _domain.EmailOfAsync(supporterId), StakeholderRoles.Supporter);
        var pledge = await _domain.Supports.PledgeAsync(supporterId, goalId, null, "Dinner when it's done");

        var left = await _domain.Stakeholders.LeaveAsync(supporterId, goalId);

        Assert.True(left.IsSuccess, left.Error?.Message);
        Assert.Equal(GoalErrors.NotStakeholder, (await _domain.Goals.GetAsync(supporterId, goalId)).Error);
        var supports = await _domain.Supports.ListAsync(ownerId, goalId);
        Assert.Equal([pledge.Value!.Id], supports.Value!.Select(s => s.Id));
        Assert.Equal(0, (await _domain.Goals.GetAsync(ownerId, goalId)).Value!.NumberOfSupporters);
    }

    [Fact]
    public async Task Leave_AsTheLastAdmin_IsRefused_AndAnotherAdminMayLeave()
    {
        var (ownerId, goalId) = await _domain.CreateGoalAsync();

        var refused = await _domain.Stakeholders.LeaveAsync(ownerId, goalId);
        var other = await _domain.CreateUserAsync("co-admin");
        await _domain.Stakeholders.AddAsync(ownerId, goalId, await _domain.EmailOfAsync(other), StakeholderRoles.Admin);
        var allowed = await _domain.Stakeholders.LeaveAsync(ownerId, goalId);

        Assert.Equal("A goal must keep at least one admin", refused.Error!.Message);
        Assert.True(allowed.IsSuccess);
    }

    [Fact]
    public async Task DeleteAndRestore_TellAnOpenBoard_WhichThenFindsTheGoalGoneAndBack()
    {
        var (ownerId, goalId) = await _domain.CreateGoalAsync();
        var notices = 0;
        using var subscription = _domain.Notifier.Subscribe(goalId, _ =>
        {
            Interlocked.Increment(ref notices);
            return Task.CompletedTask;
        });

        await _domain.Goals.DeleteAsync(ownerId, goalId);
        var whileDeleted = await _domain.Goals.GetBoardAsync(ownerId, goalId, 10);
        var listed = await _domain.Goals.ListDeletedAsync(ownerId);
        await _domain.Goals.RestoreAsync(ownerId, goalId);

        Assert.Equal(2, notices);
        Assert.Equal(GoalErrors.NotFound, whileDeleted.Error);
        Assert.Equal([goalId], listed.Select(g => g.Id));
        Assert.True((await _domain.Goals.GetBoardAsync(ownerId, goalId, 10)).IsSuccess);
        Assert.Empty(await _domain.Goals.ListDeletedAsync(ownerId));
    }
}

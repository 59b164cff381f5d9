using Strive.Domain.Goals;
using Strive.Domain.Milestones;
using Strive.Domain.Tests.Infrastructure;

namespace Strive.Domain.Tests.Goals;

public sealed class PermissionTests : IDisposable
{
    private readonly DomainHarness _domain = new();

    [Fact]
    public async Task Creator_IsAdminAchieverAndSpectator()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();

        var view = (await _domain.Goals.GetAsync(owner, goal)).Value!;

        Assert.Equal(StakeholderRoles.Admin | StakeholderRoles.Achiever | StakeholderRoles.Spectator, view.MyRoles);
        Assert.Equal(1, view.NumberOfAchievers);
    }

    [Fact]
    public async Task Outsiders_GetForbidden_AndMissingGoalsNotFound()
    {
        var (_, goal) = await _domain.CreateGoalAsync();
        var outsider = await _domain.CreateUserAsync("outsider");

        Assert.Equal("You are not a stakeholder of this goal", (await _domain.Milestones.ListAsync(outsider, goal)).Error?.Message);
        Assert.Equal("Only admins and achievers can create milestones",
            (await _domain.Milestones.CreateAsync(outsider, goal, new NewMilestone("A"))).Error?.Message);
        Assert.Equal("Goal not found", (await _domain.Milestones.ListAsync(outsider, "missing")).Error?.Message);
        Assert.Equal("Goal not found", (await _domain.Goals.GetAsync(outsider, "missing")).Error?.Message);
    }

    [Fact]
    public async Task Spectators_CannotPlan_AndAchieversCannotDelete()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var spectator = await AddAsync(owner, goal, "spectator", StakeholderRoles.Spectator);
        var achiever = await AddAsync(owner, goal, "achiever", StakeholderRoles.Achiever);
        var milestone = await _domain.AddMilestoneAsync(achiever, goal, "A");

        var spectatorUpdate = await _domain.Milestones.UpdateAsync(spectator, goal, milestone.Id,
            new MilestoneChanges { Status = MilestoneStatus.Succeeded });
        var achieverDelete = await _domain.Milestones.DeleteAsync(achiever, goal, milestone.Id);

        Assert.Equal("Only admins and achievers can update milestones", spectatorUpdate.Error?.Message);
        Assert.Equal("Only admins can delete milestones", achieverDelete.Error?.Message);
        Assert.True((await _domain.Milestones.ListAsync(spectator, goal)).IsSuccess);
    }

    [Fact]
    public async Task MilestoneOfAnotherGoal_IsNotFound()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var other = (await _domain.Goals.CreateAsync(owner, new NewGoal("Other"))).Value!.Id;
        var milestone = await _domain.AddMilestoneAsync(owner, other, "Elsewhere");

        Assert.Equal("Milestone not found", (await _domain.Milestones.GetAsync(owner, goal, milestone.Id)).Error?.Message);
    }

    [Fact]
    public async Task TheLastAdmin_CannotBeRemovedOrDemoted()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();

        var demote = await _domain.Stakeholders.ChangeRolesAsync(owner, goal, owner, StakeholderRoles.Achiever);
        var remove = await _domain.Stakeholders.RemoveAsync(owner, goal, owner);

        Assert.Equal("A goal must keep at least one admin", demote.Error?.Message);
        Assert.Equal("A goal must keep at least one admin", remove.Error?.Message);
    }

    [Fact]
    public async Task AddingAStakeholder_UpdatesThePeopleCounters()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        await AddAsync(owner, goal, "friend", StakeholderRoles.Supporter | StakeholderRoles.Achiever);

        var view = (await _domain.Goals.GetAsync(owner, goal)).Value!;

        Assert.Equal((2, 1), (view.NumberOfAchievers, view.NumberOfSupporters));
    }

    private async Task<string> AddAsync(string owner, string goal, string name, StakeholderRoles roles)
    {
        var user = await _domain.CreateUserAsync(name);
        var added = await _domain.Stakeholders.AddAsync(owner, goal, await _domain.EmailOfAsync(user), roles);
        Assert.True(added.IsSuccess, added.Error?.Message);
        return user;
    }

    public void Dispose() => _domain.Dispose();
}

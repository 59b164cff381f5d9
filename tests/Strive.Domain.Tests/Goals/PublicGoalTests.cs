using Strive.Domain.Events;
using Strive.Domain.Goals;
using Strive.Domain.Milestones;
using Strive.Domain.Tests.Infrastructure;

namespace Strive.Domain.Tests.Goals;

/// <summary>docs/api/API.md "Public goals": anyone reads a public goal and its milestones, and may follow it; nothing more.</summary>
public sealed class PublicGoalTests : IDisposable
{
    private readonly DomainHarness _domain = new();

    [Fact]
    public async Task PublicGoal_IsReadByAnOutsider_WithNoRoles()
    {
        var (owner, goal) = await PublicGoalAsync();
        var milestone = await _domain.AddMilestoneAsync(owner, goal, "Train");
        var outsider = await _domain.CreateUserAsync("outsider");

        var view = await _domain.Goals.GetAsync(outsider, goal);
        var list = await _domain.Milestones.ListAsync(outsider, goal);
        var single = await _domain.Milestones.GetAsync(outsider, goal, milestone.Id);
        var board = await _domain.Goals.GetPublicBoardAsync("", goal);

        Assert.Equal(StakeholderRoles.None, view.Value!.MyRoles);
        Assert.Equal(["Train"], list.Value!.Select(m => m.Content));
        Assert.Equal("Train", single.Value!.Content);
        Assert.Equal(["Train"], board.Value!.Milestones.Select(m => m.Content));
    }

    [Fact]
    public async Task PublicGoal_KeepsEverythingElseForStakeholders()
    {
        var (_, goal) = await PublicGoalAsync();
        var outsider = await _domain.CreateUserAsync("outsider");

        Assert.Equal(GoalErrors.NotStakeholder, (await _domain.Goals.GetBoardAsync(outsider, goal, 10)).Error);
        Assert.Equal(GoalErrors.NotStakeholder, (await _domain.Goals.ListEventsAsync(outsider, goal)).Error);
        Assert.Equal(GoalErrors.NotStakeholder, (await _domain.Stakeholders.ListAsync(outsider, goal)).Error);
        Assert.Equal(GoalErrors.NotStakeholder, (await _domain.Supports.ListAsync(outsider, goal)).Error);
        Assert.Equal(MilestoneErrors.CreateForbidden,
            (await _domain.Milestones.CreateAsync(outsider, goal, new NewMilestone("Sneak in"))).Error);
        Assert.Equal(GoalErrors.UpdateForbidden,
            (await _domain.Goals.UpdateAsync(outsider, goal, new GoalChanges { Title = "Mine" })).Error);
        Assert.Empty(await _domain.Goals.ListAsync(outsider));
    }

    [Fact]
    public async Task PrivateGoal_StaysClosed_AndAudienceTellsWhoIsAsking()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var outsider = await _domain.CreateUserAsync("outsider");

        Assert.Equal(GoalErrors.NotStakeholder, (await _domain.Goals.GetAsync(outsider, goal)).Error);
        Assert.Equal(GoalErrors.NotStakeholder, (await _domain.Goals.GetPublicBoardAsync(outsider, goal)).Error);
        Assert.Equal(GoalAudience.Outsider, await _domain.Goals.AudienceAsync(outsider, goal));
        Assert.Equal(GoalAudience.Outsider, await _domain.Goals.AudienceAsync("", "missing"));
        Assert.Equal(GoalAudience.Stakeholder, await _domain.Goals.AudienceAsync(owner, goal));

        await _domain.Goals.UpdateAsync(owner, goal, new GoalChanges { IsPublic = true });

        Assert.Equal(GoalAudience.PublicReader, await _domain.Goals.AudienceAsync(outsider, goal));
        Assert.Equal(GoalAudience.PublicReader, await _domain.Goals.AudienceAsync("", goal));
    }

    [Fact]
    public async Task Follow_MakesTheReaderASpectator_Once()
    {
        var (owner, goal) = await PublicGoalAsync();
        var reader = await _domain.CreateUserAsync("reader");

        var first = await _domain.Stakeholders.FollowAsync(reader, goal);
        var again = await _domain.Stakeholders.FollowAsync(reader, goal);

        Assert.Equal(StakeholderRoles.Spectator, first.Value!.Roles);
        Assert.Equal(StakeholderRoles.Spectator, again.Value!.Roles);
        Assert.Equal(GoalAudience.Stakeholder, await _domain.Goals.AudienceAsync(reader, goal));
        var events = (await _domain.Goals.ListEventsAsync(owner, goal)).Value!;
        Assert.Single(events, e => e.Type == GoalEventType.GoalFollowed && e.ActorId == reader);
    }

    [Fact]
    public async Task Follow_OfAPrivateGoal_IsRefused()
    {
        var (_, goal) = await _domain.CreateGoalAsync();
        var outsider = await _domain.CreateUserAsync("outsider");

        var follow = await _domain.Stakeholders.FollowAsync(outsider, goal);

        Assert.Equal(GoalErrors.NotStakeholder, follow.Error);
        Assert.Equal(GoalErrors.NotFound, (await _domain.Stakeholders.FollowAsync(outsider, "missing")).Error);
    }

    private async Task<(string OwnerId, string GoalId)> PublicGoalAsync()
    {
        var owner = await _domain.CreateUserAsync("owner");
        var goal = await _domain.Goals.CreateAsync(owner, new NewGoal("Climb", IsPublic: true));
        return (owner, goal.Value!.Id);
    }

    public void Dispose() => _domain.Dispose();
}

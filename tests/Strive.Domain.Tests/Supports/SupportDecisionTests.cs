using Strive.Domain.Events;
using Strive.Domain.Goals;
using Strive.Domain.Milestones;
using Strive.Domain.Supports;
using Strive.Domain.Tests.Infrastructure;

namespace Strive.Domain.Tests.Supports;

/// <summary>docs/api/API.md "Supports": who decides, when, and what completing and reopening do.</summary>
public sealed class SupportDecisionTests : IDisposable
{
    private readonly DomainHarness _domain = new();

    [Fact]
    public async Task Accept_AfterTheMilestoneCompletes_IsFinal_CarriesTheNote_AndIsInTheActivity()
    {
        var (owner, goal, supporter, milestone) = await GoalWithSupporterAsync();
        var pledge = (await _domain.Supports.PledgeAsync(supporter, goal, milestone, "A pair of running shoes")).Value!;
        await CompleteAsync(owner, goal, milestone);

        var decided = await _domain.Supports.DecideAsync(supporter, goal, pledge.Id, accept: true, "  They fit!  ");
        var again = await _domain.Supports.DecideAsync(supporter, goal, pledge.Id, accept: false, null);

        Assert.Equal(SupportStatus.Accepted, decided.Value!.Status);
        Assert.Equal("They fit!", decided.Value.Note);
        Assert.Null(decided.Value.NeedsDecision);
        Assert.Equal(SupportErrors.NoDecisionNeeded, again.Error);
        var seenByOwner = (await _domain.Supports.ListAsync(owner, goal)).Value!.Single();
        Assert.Equal((SupportStatus.Accepted, "They fit!"), (seenByOwner.Status, seenByOwner.Note));
        var events = (await _domain.Goals.ListEventsAsync(owner, goal)).Value!;
        Assert.Contains(events, e => e.Type == GoalEventType.SupportPledged && e.Detail == "A pair of running shoes");
        Assert.Contains(events, e => e.Type == GoalEventType.SupportAccepted && e.ActorId == supporter);
    }

    [Fact]
    public async Task Decide_BeforeTheMilestoneCompletes_IsRefused()
    {
        var (_, goal, supporter, milestone) = await GoalWithSupporterAsync();
        var pledge = (await _domain.Supports.PledgeAsync(supporter, goal, milestone, "Shoes")).Value!;

        var result = await _domain.Supports.DecideAsync(supporter, goal, pledge.Id, accept: true, null);

        Assert.Equal("This support does not need a decision", result.Error?.Message);
    }

    [Fact]
    public async Task Decide_BySomeoneElseThanThePledger_IsForbidden_EvenTheAdmin()
    {
        var (owner, goal, supporter, milestone) = await GoalWithSupporterAsync();
        var pledge = (await _domain.Supports.PledgeAsync(supporter, goal, milestone, "Shoes")).Value!;
        await CompleteAsync(owner, goal, milestone);

        var result = await _domain.Supports.DecideAsync(owner, goal, pledge.Id, accept: true, null);

        Assert.Equal("Only the supporter who pledged can decide", result.Error?.Message);
        Assert.Equal(SupportStatus.Open, (await _domain.Supports.ListAsync(owner, goal)).Value!.Single().Status);
    }

    [Fact]
    public async Task Reopening_BeforeADecision_WithdrawsTheRequest()
    {
        var (owner, goal, supporter, milestone) = await GoalWithSupporterAsync();
        var pledge = (await _domain.Supports.PledgeAsync(supporter, goal, milestone, "Shoes")).Value!;
        await CompleteAsync(owner, goal, milestone);
        await _domain.Milestones.UpdateAsync(owner, goal, milestone, new MilestoneChanges { Status = MilestoneStatus.Pending });

        var result = await _domain.Supports.DecideAsync(supporter, goal, pledge.Id, accept: true, null);

        Assert.Equal(SupportErrors.NoDecisionNeeded, result.Error);
        Assert.Null((await _domain.Supports.ListAsync(owner, goal)).Value!.Single().NeedsDecision);
    }

    [Fact]
    public async Task Reopening_AfterADecision_KeepsIt()
    {
        var (owner, goal, supporter, milestone) = await GoalWithSupporterAsync();
        var pledge = (await _domain.Supports.PledgeAsync(supporter, goal, milestone, "Shoes")).Value!;
        await CompleteAsync(owner, goal, milestone);
        await _domain.Supports.DecideAsync(supporter, goal, pledge.Id, accept: false, "Not this time");

        await _domain.Milestones.UpdateAsync(owner, goal, milestone, new MilestoneChanges { Status = MilestoneStatus.Pending });

        var after = (await _domain.Supports.ListAsync(owner, goal)).Value!.Single();
        Assert.Equal((SupportStatus.Rejected, "Not this time", (DateTimeOffset?)null), (after.Status, after.Note, after.NeedsDecision));
    }

    [Fact]
    public async Task Decide_OnThePledgeOfADeletedMilestone_IsNotFound()
    {
        var (owner, goal, supporter, milestone) = await GoalWithSupporterAsync();
        var pledge = (await _domain.Supports.PledgeAsync(supporter, goal, milestone, "Shoes")).Value!;
        await CompleteAsync(owner, goal, milestone);
        await _domain.Milestones.DeleteAsync(owner, goal, milestone);

        var result = await _domain.Supports.DecideAsync(supporter, goal, pledge.Id, accept: true, null);

        Assert.Equal("Support not found", result.Error?.Message);
    }

    [Fact]
    public async Task GoalWidePledge_NeedsADecisionWhenTheGoalFinishes_AndNotAfterItIsReopened()
    {
        var (owner, goal, supporter, _) = await GoalWithSupporterAsync();
        var pledge = (await _domain.Supports.PledgeAsync(supporter, goal, null, "A cheering crowd")).Value!;

        await _domain.Goals.UpdateAsync(owner, goal, new GoalChanges { Status = GoalStatus.Succeeded });
        var whenFinished = (await _domain.Supports.ListAsync(owner, goal)).Value!.Single();
        await _domain.Goals.UpdateAsync(owner, goal, new GoalChanges { Status = GoalStatus.Pending });
        var whenReopened = (await _domain.Supports.ListAsync(owner, goal)).Value!.Single();

        Assert.Equal(pledge.Id, whenFinished.Id);
        Assert.NotNull(whenFinished.NeedsDecision);
        Assert.Null(whenReopened.NeedsDecision);
    }

    [Fact]
    public async Task Note_OverTheLimit_IsRefused()
    {
        var (owner, goal, supporter, milestone) = await GoalWithSupporterAsync();
        var pledge = (await _domain.Supports.PledgeAsync(supporter, goal, milestone, "Shoes")).Value!;
        await CompleteAsync(owner, goal, milestone);

        var result = await _domain.Supports.DecideAsync(supporter, goal, pledge.Id, accept: true,
            new string('n', Support.NoteMaxLength + 1));

        Assert.Equal("note must be at most 1000 characters", result.Error?.Message);
    }

    private async Task<(string Owner, string Goal, string Supporter, string Milestone)> GoalWithSupporterAsync()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var supporter = await _domain.CreateUserAsync("supporter");
        await _domain.Stakeholders.AddAsync(owner, goal, await _domain.EmailOfAsync(supporter), StakeholderRoles.Supporter);
        var milestone = await _domain.AddMilestoneAsync(owner, goal, "Run 5 km");
        return (owner, goal, supporter, milestone.Id);
    }

    private async Task CompleteAsync(string owner, string goal, string milestone)
    {
        var done = await _domain.Milestones.UpdateAsync(owner, goal, milestone,
            new MilestoneChanges { Status = MilestoneStatus.Succeeded });
        Assert.True(done.IsSuccess, done.Error?.Message);
    }

    public void Dispose() => _domain.Dispose();
}

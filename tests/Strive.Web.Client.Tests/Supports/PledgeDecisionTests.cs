using Bunit;
using Strive.Domain.Goals;
using Strive.Domain.Milestones;
using Strive.Domain.Supports;
using Strive.Web.Client.Tests.Board;

namespace Strive.Web.Client.Tests.Supports;

/// <summary>Issue 12 "Supports, whole" on the board: the supporter decides; achievers and admins see every pledge.</summary>
public sealed class PledgeDecisionTests : GoalPageTestContext
{
    [Fact]
    public void Supporter_WhosePledgeAwaitsADecision_AcceptsWithANote()
    {
        World.WithGoal().WithMember(Me, StakeholderRoles.Supporter).WithMilestones("Run 10 km");
        CompleteFirstMilestone();
        World.WithPledge(World.Milestones[0].Id, Me, "Alice", "A massage", needsDecision: true);
        var page = RenderGoal();

        var row = page.WaitForElement("[data-testid=pledge-decision-needed]");
        Assert.Contains("Your decision is needed", row.TextContent);
        page.Find("[data-testid=pledge-accept]").Click();
        DialogLayer.WaitForElement("textarea[data-testid=pledge-note-input], input[data-testid=pledge-note-input]")
            .Input("Booked for Sunday");
        DialogLayer.Find("[data-testid=pledge-decision-submit]").Click();

        page.WaitForAssertion(() => Assert.Equal("accepted",
            page.Find("[data-testid=pledge]").GetAttribute("data-status")));
        Assert.Equal([("s1", true, "Booked for Sunday")], World.DecideCalls);
        Assert.Contains("Booked for Sunday", page.Find("[data-testid=pledge-note]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=pledge-decision-needed]"));
    }

    [Fact]
    public void Supporter_CancellingTheDecision_ChangesNothing()
    {
        World.WithGoal().WithMember(Me, StakeholderRoles.Supporter).WithMilestones("Run 10 km");
        CompleteFirstMilestone();
        World.WithPledge(World.Milestones[0].Id, Me, "Alice", "A massage", needsDecision: true);
        var page = RenderGoal();

        page.WaitForElement("[data-testid=pledge-reject]").Click();
        DialogLayer.WaitForAssertion(() => Assert.Contains("Reject your pledge?", DialogLayer.Markup));
        DialogLayer.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();

        DialogLayer.WaitForAssertion(() => Assert.DoesNotContain("Reject your pledge?", DialogLayer.Markup));
        Assert.Empty(World.DecideCalls);
        Assert.Single(page.FindAll("[data-testid=pledge-decision-needed]"));
    }

    [Fact]
    public void Supporter_SeesOnlyTheirOwnPledges_AndNoDecisionWhileTheMilestoneIsPending()
    {
        World.WithGoal().WithMember(Me, StakeholderRoles.Supporter).WithMilestones("Run 10 km");
        World.WithPledge(World.Milestones[0].Id, Me, "Alice", "A massage")
            .WithPledge(World.Milestones[0].Id, "bob", "Bob", "Running socks");

        var page = RenderGoal();

        var pledge = page.WaitForElement("[data-testid=pledge]");
        Assert.Single(page.FindAll("[data-testid=pledge]"));
        Assert.Equal("You", pledge.QuerySelector("[data-testid=pledge-supporter]")!.TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=pledge-decision-needed]"));
    }

    [Fact]
    public void Achiever_SeesEveryPledge_WhoMadeIt_ItsDecisionAndNote_WithoutDecisionButtons()
    {
        World.WithGoal().WithMember(Me, Planner).WithMilestones("Run 10 km");
        CompleteFirstMilestone();
        var milestone = World.Milestones[0].Id;
        World.WithPledge(milestone, "bob", "Bob", "Running socks", SupportStatus.Accepted, note: "They fit")
            .WithPledge(milestone, "carol", "Carol", "A cake", needsDecision: true)
            .WithPledge(milestone, "dan", "Dan", "A song", SupportStatus.Rejected);

        var page = RenderGoal();

        page.WaitForElement("[data-testid=pledge]");
        var shown = page.FindAll("[data-testid=pledge]").Select(p => (
            p.QuerySelector("[data-testid=pledge-supporter]")!.TextContent.Trim(),
            p.QuerySelector("[data-testid=pledge-description]")!.TextContent.Trim(),
            p.QuerySelector("[data-testid=pledge-state]")!.TextContent.Trim())).ToList();
        Assert.Equal([("Bob", "Running socks", "accepted"), ("Carol", "A cake", "awaiting decision"), ("Dan", "A song", "rejected")],
            shown);
        Assert.Contains("They fit", page.Find("[data-testid=pledge-note]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=pledge-accept]"));
    }

    [Fact]
    public void Supporter_DecidesOnAGoalWidePledge_WhenTheGoalHasFinished()
    {
        World.WithGoal().WithMember(Me, StakeholderRoles.Supporter).WithMilestones("Run 10 km");
        World.Supports.Add(new SupportView("s1", FakeGoalWorld.GoalId, null, "A cheering crowd", SupportStatus.Open,
            DateTimeOffset.UnixEpoch, null, Me, "Alice", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch));
        var page = RenderGoal();

        page.WaitForElement("[data-testid=goal-pledges] [data-testid=pledge-reject]").Click();
        DialogLayer.WaitForElement("[data-testid=pledge-decision-submit]").Click();

        page.WaitForAssertion(() => Assert.Equal("rejected",
            page.Find("[data-testid=goal-pledges] [data-testid=pledge]").GetAttribute("data-status")));
        Assert.Equal([("s1", false, "")], World.DecideCalls);
    }

    private void CompleteFirstMilestone() =>
        World.Milestones[0] = World.Milestones[0] with { Status = MilestoneStatus.Succeeded };
}

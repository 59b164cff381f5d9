using Bunit;
using Strive.Domain.Goals;
using Strive.Web.Client.Pages.Goals;
using Strive.Web.Client.Tests.Board;

namespace Strive.Web.Client.Tests.Goals;

/// <summary>A goal's link for someone not on the goal: a public goal reads as a board without controls.</summary>
public sealed class PublicGoalBoardTests : GoalPageTestContext
{
    [Fact]
    public void PublicGoal_ForANonStakeholder_IsReadOnly_WithFollow()
    {
        World.WithGoal("Walk the Camino").WithMember("bob", Planner).WithMilestones("Pack light", "Reach Santiago");
        MakePublic();

        var page = Render<GoalLinkPage>(p => p.Add(c => c.GoalId, FakeGoalWorld.GoalId));

        page.WaitForElement("[data-testid=public-goal]");
        Assert.Equal(["Pack light", "Reach Santiago"],
            page.FindAll("[data-testid=milestone-content]").Select(e => e.TextContent.Trim()));
        Assert.Single(page.FindAll("[data-testid=follow-goal]"));
        Assert.Empty(page.FindAll("[data-testid=edit-goal]"));
        Assert.Empty(page.FindAll("[data-testid=milestone-menu]"));
        Assert.Empty(page.FindAll("[data-testid=milestone-board]"));
    }

    [Fact]
    public void PrivateGoal_ForANonStakeholder_StillSaysNoAccess()
    {
        World.WithGoal().WithMember("bob", Planner);

        var page = Render<GoalLinkPage>(p => p.Add(c => c.GoalId, FakeGoalWorld.GoalId));

        page.WaitForElement("[data-testid=goal-forbidden]");
        Assert.Empty(page.FindAll("[data-testid=public-goal]"));
    }

    [Fact]
    public void PublicGoal_ForAStakeholder_IsTheInteractiveBoard()
    {
        World.WithGoal().WithMember(Me, Planner).WithMilestones("A");
        MakePublic();

        var page = Render<GoalLinkPage>(p => p.Add(c => c.GoalId, FakeGoalWorld.GoalId));

        page.WaitForElement("[data-testid=milestone-board]");
        Assert.Empty(page.FindAll("[data-testid=public-goal]"));
    }

    private void MakePublic() =>
        World.UpdateAsync("bob", FakeGoalWorld.GoalId, new GoalChanges { IsPublic = true }).GetAwaiter().GetResult();
}

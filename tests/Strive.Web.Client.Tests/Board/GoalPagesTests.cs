using Bunit;
using Strive.Domain.Events;
using Strive.Domain.Goals;
using Strive.Web.Client.Pages.Goals;

namespace Strive.Web.Client.Tests.Board;

public sealed class GoalPagesTests : GoalPageTestContext
{
    [Fact]
    public void GoalsPage_WithNoGoals_InvitesTheFirstOne()
    {
        var page = Render<GoalsPage>();

        page.WaitForElement("[data-testid=goals-empty]");
        Assert.Empty(page.FindAll("[data-testid=goal-card]"));
        Assert.Single(page.FindAll("[data-testid=new-goal]"));
    }

    [Fact]
    public void GoalsPage_ShowsACardWithProgressAndRoles()
    {
        World.WithGoal("Learn Spanish").WithMember(Me, Planner).WithMilestones("A1", "A2");

        var page = Render<GoalsPage>();

        var card = page.WaitForElement("[data-testid=goal-card]");
        Assert.Contains("Learn Spanish", card.TextContent);
        Assert.Contains("none finished of 2", card.TextContent);
        Assert.Contains("Admin", card.TextContent);
        Assert.Equal($"goals/{FakeGoalWorld.GoalId}", card.GetAttribute("href"));
    }

    [Fact]
    public void GoalPage_ForANonStakeholder_SaysThereIsNoAccess()
    {
        World.WithGoal().WithMember("bob", Planner);

        var page = RenderGoal();

        page.WaitForElement("[data-testid=goal-forbidden]");
        Assert.Empty(page.FindAll("[data-testid=milestone-board]"));
        // Still listening: an invitation is a change to the goal, and then the page shows it (issue 13).
        Assert.Equal(1, World.Subscriptions);
    }

    [Fact]
    public void GoalPage_AccessChangesApplyLive_Invited_RoleChanged_Removed()
    {
        World.WithGoal().WithMember("bob", Planner).WithMilestones("Plan");
        var page = RenderGoal();
        page.WaitForElement("[data-testid=goal-forbidden]");

        World.WithMember(Me, StakeholderRoles.Spectator).Publish(new GoalChange(FakeGoalWorld.GoalId, "bob", "bobs-tab"));
        page.WaitForAssertion(() => Assert.Equal(["Plan"], ShownContents(page)));
        Assert.Empty(page.FindAll("[data-testid=new-milestone-content]"));

        World.WithMember(Me, StakeholderRoles.Achiever).Publish(new GoalChange(FakeGoalWorld.GoalId, "bob", "bobs-tab"));
        page.WaitForElement("input[data-testid=new-milestone-content]");

        World.WithoutMember(Me).Publish(new GoalChange(FakeGoalWorld.GoalId, "bob", "bobs-tab"));
        page.WaitForElement("[data-testid=goal-forbidden]");
        Assert.Empty(page.FindAll("[data-testid=milestone-board]"));
    }

    [Fact]
    public void GoalPage_ForAMissingGoal_SaysNotFound()
    {
        var page = RenderGoal("nope");

        page.WaitForElement("[data-testid=goal-not-found]");
    }

    [Fact]
    public void GoalPage_Admin_SeesEditAndPeople_AndRemovingTheLastAdminShowsTheRefusal()
    {
        World.WithGoal().WithMember(Me, Planner);
        var page = RenderGoal();
        page.WaitForElement("[data-testid=edit-goal]");

        // The menu is the browser's popover: its items are in the page, and the browser opens and closes it.
        page.Find("[data-testid=stakeholder-remove]").Click();
        DialogLayer.WaitForAssertion(() => Assert.Contains("Remove from goal?", DialogLayer.Markup));
        DialogLayer.FindAll("button").Single(b => b.TextContent.Trim() == "Remove").Click();

        Snackbars.WaitForAssertion(() => Assert.Contains("A goal must keep at least one admin", Snackbars.Markup));
    }

    [Fact]
    public void GoalPage_Admin_InvitingAnUnknownEmail_ShowsTheRefusalBesideTheForm()
    {
        World.WithGoal().WithMember(Me, Planner);
        var page = RenderGoal();
        page.WaitForElement("[data-testid=edit-goal]");
        OpenInviteForms(page);

        page.Find("input[data-testid=invite-email]").Input("nobody@example.com");
        page.Find("[data-testid=invite-submit]").Click();

        page.WaitForAssertion(() =>
            Assert.Contains("No user with that email", page.Find("[data-testid=invite-error]").TextContent));
    }

    [Fact]
    public async Task LeavingTheGoalPage_EndsTheLiveSubscription()
    {
        World.WithGoal().WithMember(Me, Planner);
        var page = RenderGoal();
        page.WaitForElement("[data-testid=milestone-board]");
        page.WaitForElement("[data-testid=story-empty]");
        // The page and its story (which loads and listens for itself) each hold one.
        Assert.Equal(2, World.Subscriptions);

        await DisposeComponentsAsync();

        Assert.Equal(0, World.Subscriptions);
    }
}

using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Strive.Domain.Milestones;

namespace Strive.Web.Client.Tests.Board;

/// <summary>Issue 13: undo of moves and status changes from the snackbar, and the board's filter.</summary>
public sealed class BoardUndoAndFilterTests : GoalPageTestContext
{
    [Fact]
    public void Undo_AfterAMove_MovesItBackThroughMoveAsync()
    {
        World.WithGoal().WithMember(Me, Planner).WithMilestones("Buy shoes", "Run 5K", "Run 10K");
        var page = RenderGoal();
        page.WaitForAssertion(() => Assert.Equal(3, ShownContents(page).Count));

        Row(page, "Buy shoes").KeyDown(new KeyboardEventArgs { Key = "ArrowDown", AltKey = true });
        Row(page, "Buy shoes").KeyDown(new KeyboardEventArgs { Key = "ArrowDown", AltKey = true });
        page.WaitForAssertion(() => Assert.Equal(["Run 5K", "Run 10K", "Buy shoes"], ShownContents(page)));
        Snackbars.WaitForAssertion(() => Assert.Contains("Moved \"Buy shoes\" to position 3", Snackbars.Markup));

        ClickUndo();

        page.WaitForAssertion(() => Assert.Equal(["Buy shoes", "Run 5K", "Run 10K"], ShownContents(page)));
        // Two presses are one run: one undo puts the row back where the run started.
        Assert.Equal([("m1", 1), ("m1", 2), ("m1", 0)], World.MoveCalls);
    }

    [Fact]
    public void Undo_AfterAStatusChange_RestoresTheStatus()
    {
        World.WithGoal().WithMember(Me, Planner).WithMilestones("Buy shoes", "Run 5K");
        var page = RenderGoal();
        page.WaitForAssertion(() => Assert.Equal(2, ShownContents(page).Count));
        ChooseStatus(page, "Run 5K", "status-failed");
        Snackbars.WaitForAssertion(() => Assert.Contains("Marked \"Run 5K\" failed", Snackbars.Markup));

        ClickUndo();

        page.WaitForAssertion(() => Assert.Equal("Pending", Row(page, "Run 5K").GetAttribute("data-status")));
        Assert.Equal([MilestoneStatus.Failed, MilestoneStatus.Pending], World.UpdateCalls.Select(c => c.Changes.Status.Value));
    }

    [Fact]
    public void Undo_AfterSomeoneElseChangedTheMilestone_SaysSo_AndChangesNothing()
    {
        World.WithGoal().WithMember(Me, Planner).WithMilestones("Buy shoes", "Run 5K");
        var page = RenderGoal();
        page.WaitForAssertion(() => Assert.Equal(2, ShownContents(page).Count));
        ChooseStatus(page, "Run 5K", "status-succeeded");
        Snackbars.WaitForAssertion(() => Assert.Contains("Marked \"Run 5K\" succeeded", Snackbars.Markup));
        var index = World.Milestones.FindIndex(m => m.Content == "Run 5K");
        World.Milestones[index] = World.Milestones[index] with
        {
            Status = MilestoneStatus.Failed, UpdatedAt = World.Milestones[index].UpdatedAt.AddSeconds(5),
        };

        ClickUndo();

        Snackbars.WaitForAssertion(() => Assert.Contains("Not undone: the milestone was changed after yours", Snackbars.Markup));
        Assert.Single(World.UpdateCalls);
        page.WaitForAssertion(() => Assert.Equal("Failed", Row(page, "Run 5K").GetAttribute("data-status")));
    }

    [Fact]
    public void Filter_Finished_ShowsOnlyFinishedRows_AtTheirRealPositions_AndDoesNotReorder()
    {
        World.WithGoal().WithMember(Me, Planner).WithMilestones("Buy shoes", "Run 5K", "Run 10K");
        World.Milestones[1] = World.Milestones[1] with { Status = MilestoneStatus.Succeeded };
        Services.GetRequiredService<NavigationManager>().NavigateTo($"goals/{FakeGoalWorld.GoalId}?show=finished");
        var page = RenderGoal();

        page.WaitForAssertion(() => Assert.Equal(["Run 5K"], ShownContents(page)));
        Assert.Equal("2", Row(page, "Run 5K").QuerySelector(".milestone-position")!.TextContent.Trim());
        Assert.Contains("clear the filter to reorder", page.Find("[data-testid=board-filter-hint]").TextContent);

        Row(page, "Run 5K").KeyDown(new KeyboardEventArgs { Key = "ArrowUp", AltKey = true });

        Assert.Empty(World.MoveCalls);
    }

    [Fact]
    public void Filter_TextThatMatchesNothing_SaysSo()
    {
        World.WithGoal().WithMember(Me, Planner).WithMilestones("Buy shoes", "Run 5K");
        Services.GetRequiredService<NavigationManager>().NavigateTo($"goals/{FakeGoalWorld.GoalId}?q=swim");
        var page = RenderGoal();

        page.WaitForElement("[data-testid=board-filter-empty]");
        Assert.Empty(ShownContents(page));
    }

    private void ChooseStatus(IRenderedComponent<Strive.Web.Client.Pages.Goals.GoalPage> page, string content, string itemTestId)
    {
        Row(page, content).QuerySelector("[data-testid=milestone-status]")!.Click();
        Popovers.WaitForElement($"[data-testid={itemTestId}]").Click();
    }

    private void ClickUndo() =>
        Snackbars.FindAll("button").Last(b => b.TextContent.Trim() == "Undo").Click();
}

using Bunit;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using Strive.Domain.Common;
using Strive.Domain.Goals;
using Strive.Domain.Milestones;
using Strive.Domain.Persistence;
using Strive.Web.Client.Components.Board;
using Strive.Web.Client.Components.Sortable;

namespace Strive.Web.Client.Tests.Board;

public sealed class MilestoneBoardTests : GoalPageTestContext
{
    [Fact]
    public void Board_ShowsMilestonesInTheirOrder_WithProgress()
    {
        World.WithGoal().WithMember(Me, Planner).WithMilestones("Buy shoes", "Run 5K", "Run 10K");
        World.Milestones[0] = World.Milestones[0] with { Status = MilestoneStatus.Succeeded };

        var page = RenderGoal();

        page.WaitForAssertion(() => Assert.Equal(["Buy shoes", "Run 5K", "Run 10K"], ShownContents(page)));
        Assert.Contains("1 succeeded of 3", page.Find("[data-testid=goal-progress]").TextContent);
        Assert.Equal(["m1", "m2", "m3"],
            page.FindAll("[data-testid=milestone]").Select(r => r.GetAttribute("data-milestone-id")));
    }

    [Fact]
    public void Spectator_SeesTheBoardWithoutHandlesMenusOrInput()
    {
        World.WithGoal().WithMember(Me, StakeholderRoles.Spectator).WithMilestones("Buy shoes", "Run 5K");

        var page = RenderGoal();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=milestone]").Count));
        Assert.Empty(page.FindAll("[data-testid=milestone-drag-handle]"));
        Assert.Empty(page.FindAll("[data-testid=milestone-menu]"));
        Assert.Empty(page.FindAll("[data-testid=new-milestone-content]"));
        Assert.Equal(2, page.FindAll("[data-testid=milestone-status]").Count);
        Assert.Empty(page.FindAll("[data-testid=milestone-status] button, button[data-testid=milestone-status]"));
    }

    [Fact]
    public void Achiever_SeesAHandleAndAMenuOnEveryRow()
    {
        World.WithGoal().WithMember(Me, StakeholderRoles.Achiever).WithMilestones("Buy shoes", "Run 5K");

        var page = RenderGoal();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=milestone-drag-handle]").Count));
        Assert.Equal(2, page.FindAll("[data-testid=milestone-menu]").Count);
        Assert.Single(page.FindAll("[data-testid=new-milestone-content]"));
        Assert.Empty(page.FindAll("[data-testid=edit-goal]"));
    }

    [Fact]
    public void MoveUp_FromTheMenu_MovesThatMilestoneOnePlaceUp()
    {
        World.WithGoal().WithMember(Me, Planner).WithMilestones("Buy shoes", "Run 5K", "Run 10K");
        var page = RenderGoal();
        page.WaitForAssertion(() => Assert.Equal(3, ShownContents(page).Count));

        ChooseFromMenu(page, "Run 10K", "move-up");

        page.WaitForAssertion(() => Assert.Equal(["Buy shoes", "Run 10K", "Run 5K"], ShownContents(page)));
        Assert.Equal(("m3", 1), Assert.Single(World.MoveCalls));
        Assert.Empty(World.ReorderCalls);
        Assert.Equal("Moved 'Run 10K' to position 2 of 3", page.Find("[data-testid=board-announcement]").TextContent);
    }

    [Fact]
    public void MoveToTop_FromTheMenu_PutsTheRowFirst()
    {
        World.WithGoal().WithMember(Me, Planner).WithMilestones("Buy shoes", "Run 5K", "Run 10K");
        var page = RenderGoal();
        page.WaitForAssertion(() => Assert.Equal(3, ShownContents(page).Count));

        ChooseFromMenu(page, "Run 10K", "move-top");

        page.WaitForAssertion(() => Assert.Equal(["Run 10K", "Buy shoes", "Run 5K"], ShownContents(page)));
        Assert.Equal(("m3", 0), Assert.Single(World.MoveCalls));
    }

    [Fact]
    public async Task Drop_AtTheTop_MovesTheDroppedMilestoneThere()
    {
        World.WithGoal().WithMember(Me, Planner).WithMilestones("Buy shoes", "Run 5K", "Run 10K");
        var page = RenderGoal();
        page.WaitForAssertion(() => Assert.Equal(3, ShownContents(page).Count));
        var list = page.FindComponent<SortableList>();

        // What the browser's SortableJS reports when the third row is dropped at the top.
        await page.InvokeAsync(() => list.Instance.OnDropped("m3", 2, 0));

        page.WaitForAssertion(() => Assert.Equal(["Run 10K", "Buy shoes", "Run 5K"], ShownContents(page)));
        Assert.Equal(("m3", 0), Assert.Single(World.MoveCalls));
    }

    [Fact]
    public void AltArrowDown_OnAFocusedRow_MovesItDown()
    {
        World.WithGoal().WithMember(Me, Planner).WithMilestones("Buy shoes", "Run 5K", "Run 10K");
        var page = RenderGoal();
        page.WaitForAssertion(() => Assert.Equal(3, ShownContents(page).Count));

        Row(page, "Buy shoes").KeyDown(new KeyboardEventArgs { Key = "ArrowDown", AltKey = true });

        page.WaitForAssertion(() => Assert.Equal(["Run 5K", "Buy shoes", "Run 10K"], ShownContents(page)));
        Assert.Equal(("m1", 1), Assert.Single(World.MoveCalls));
    }

    [Fact]
    public void FailedReorder_PutsTheOldOrderBackAndSaysWhy()
    {
        World.WithGoal().WithMember(Me, Planner).WithMilestones("Buy shoes", "Run 5K", "Run 10K");
        World.RefuseMove = GoalErrors.ChangedConcurrently;
        var page = RenderGoal();
        page.WaitForAssertion(() => Assert.Equal(3, ShownContents(page).Count));

        ChooseFromMenu(page, "Run 10K", "move-top");

        page.WaitForAssertion(() => Assert.Equal(["Buy shoes", "Run 5K", "Run 10K"], ShownContents(page)));
        Assert.Single(World.MoveCalls);
        Snackbars.WaitForAssertion(() =>
            Assert.Contains("The goal was changed at the same moment by someone else", Snackbars.Markup));
    }

    [Fact]
    public void Undo_OnTheDeletedSnackbar_RestoresTheMilestoneInItsPlace()
    {
        World.WithGoal().WithMember(Me, Planner).WithMilestones("Buy shoes", "Run 5K", "Run 10K");
        var page = RenderGoal();
        page.WaitForAssertion(() => Assert.Equal(3, ShownContents(page).Count));
        ChooseFromMenu(page, "Run 5K", "milestone-delete");
        DialogLayer.WaitForAssertion(() => Assert.Contains("Delete milestone?", DialogLayer.Markup));
        DialogLayer.FindAll("button").Single(b => b.TextContent.Trim() == "Delete").Click();
        page.WaitForAssertion(() => Assert.Equal(["Buy shoes", "Run 10K"], ShownContents(page)));

        Snackbars.WaitForAssertion(() => Assert.Contains("Deleted \"Run 5K\"", Snackbars.Markup));
        Snackbars.FindAll("button").Single(b => b.TextContent.Trim() == "Undo").Click();

        page.WaitForAssertion(() => Assert.Equal(["Buy shoes", "Run 5K", "Run 10K"], ShownContents(page)));
        Assert.Equal(["m2"], World.RestoreCalls);
        Snackbars.WaitForAssertion(() => Assert.Contains("Restored \"Run 5K\"", Snackbars.Markup));
    }

    [Fact]
    public void TypingAndEnter_AppendsAMilestoneAtTheEnd()
    {
        World.WithGoal().WithMember(Me, Planner).WithMilestones("Buy shoes");
        var page = RenderGoal();
        var input = page.WaitForElement("input[data-testid=new-milestone-content]");

        input.Input("Run 5K");
        input.KeyDown(new KeyboardEventArgs { Key = "Enter" });

        page.WaitForAssertion(() => Assert.Equal(["Buy shoes", "Run 5K"], ShownContents(page)));
        Assert.Contains("none finished of 2", page.Find("[data-testid=goal-progress]").TextContent);
    }

    [Fact]
    public void StatusChoice_Succeeded_SavesAndUpdatesProgress()
    {
        World.WithGoal().WithMember(Me, StakeholderRoles.Achiever).WithMilestones("Buy shoes", "Run 5K");
        var page = RenderGoal();
        page.WaitForAssertion(() => Assert.Equal(2, ShownContents(page).Count));

        Row(page, "Run 5K").QuerySelector("[data-testid=milestone-status]")!.Click();
        Popovers.WaitForElement("[data-testid=status-succeeded]").Click();

        page.WaitForAssertion(() => Assert.Contains("1 succeeded of 2", page.Find("[data-testid=goal-progress]").TextContent));
        var (id, changes) = Assert.Single(World.UpdateCalls);
        Assert.Equal("m2", id);
        Assert.Equal(MilestoneStatus.Succeeded, changes.Status.Value);
    }

    [Fact]
    public void FinishingTheLastPendingMilestone_OffersToCloseTheGoal()
    {
        World.WithGoal().WithMember(Me, Planner).WithMilestones("Buy shoes", "Run 5K");
        World.Milestones[0] = World.Milestones[0] with { Status = MilestoneStatus.Succeeded };
        var page = RenderGoal();
        page.WaitForAssertion(() => Assert.Equal(2, ShownContents(page).Count));

        Row(page, "Run 5K").QuerySelector("[data-testid=milestone-status]")!.Click();
        Popovers.WaitForElement("[data-testid=status-succeeded]").Click();
        DialogLayer.WaitForAssertion(() => Assert.Contains("Every milestone is finished", DialogLayer.Markup));
        DialogLayer.FindAll("button").Single(b => b.TextContent.Trim() == "Mark goal succeeded").Click();

        page.WaitForAssertion(() =>
            Assert.Contains("Succeeded", page.Find("[data-testid=goal-header] [data-testid=goal-status]").TextContent));
    }

    [Fact]
    public void Editor_AddingASubtask_SavesItAndSaysSaved()
    {
        World.WithGoal().WithMember(Me, Planner).WithMilestones("Run 10K");
        var page = RenderGoal();
        page.WaitForAssertion(() => Assert.Single(ShownContents(page)));

        ChooseFromMenu(page, "Run 10K", "milestone-edit");
        var input = DialogLayer.WaitForElement("input[data-testid=new-subtask]");
        input.Input("Tempo run 8K");
        input.KeyDown(new KeyboardEventArgs { Key = "Enter" });

        DialogLayer.WaitForAssertion(() => Assert.Contains("Saved", DialogLayer.Find("[data-testid=save-state]").TextContent));
        var (_, changes) = Assert.Single(World.UpdateCalls);
        Assert.Equal([new Subtask("Tempo run 8K", false)], changes.Subtasks.Value);
        DialogLayer.Find("[data-testid=editor-done]").Click();
        page.WaitForAssertion(() => Assert.Contains("0/1", Row(page, "Run 10K").TextContent));
    }

    [Fact]
    public void ChangeFromElsewhere_ShowsUpWithoutReload()
    {
        World.WithGoal().WithMember(Me, StakeholderRoles.Spectator).WithMilestones("Buy shoes");
        var page = RenderGoal();
        page.WaitForAssertion(() => Assert.Single(ShownContents(page)));

        World.WithMilestones("Run 5K");
        World.Publish(new Strive.Domain.Events.GoalChange(FakeGoalWorld.GoalId, "bob", "bobs-tab"));

        page.WaitForAssertion(() => Assert.Equal(["Buy shoes", "Run 5K"], ShownContents(page)));
    }

    [Fact]
    public void SearchText_FiltersAfterAPauseInTyping_AndItsClearButtonShowsEveryRowAgain()
    {
        World.WithGoal().WithMember(Me, Planner).WithMilestones("Buy shoes", "Run 5K", "Run 10K");
        var page = RenderGoal();
        page.WaitForAssertion(() => Assert.Equal(3, ShownContents(page).Count));

        page.Find("input[data-testid=filter-text]").Input("run");

        page.WaitForAssertion(() => Assert.Equal(["Run 5K", "Run 10K"], ShownContents(page)));
        Assert.Equal("run", page.Find("input[data-testid=filter-text]").GetAttribute("value"));

        page.Find("[data-testid=filter-text-clear]").Click();

        page.WaitForAssertion(() => Assert.Equal(3, ShownContents(page).Count));
        Assert.Equal("", page.Find("input[data-testid=filter-text]").GetAttribute("value"));
        Assert.Empty(page.FindAll("[data-testid=filter-text-clear]"));
    }

    [Fact]
    public void CompletingOneMilestone_RendersOnlyItsRow_EvenAtTheBoardsFirstUpdate()
    {
        World.WithGoal().WithMember(Me, Planner).WithMilestones("Buy shoes", "Run 5K", "Run 10K");
        var page = RenderGoal();
        page.WaitForAssertion(() => Assert.Equal(3, ShownContents(page).Count));
        var rows = page.FindComponents<MilestoneRow>();
        var before = rows.Select(r => r.RenderCount).ToList();

        Row(page, "Run 5K").QuerySelector("[data-testid=milestone-complete]")!.Click();

        page.WaitForAssertion(() => Assert.Equal("Succeeded", Row(page, "Run 5K").GetAttribute("data-status")));
        page.WaitForAssertion(() => Assert.Single(World.UpdateCalls));
        var rendered = rows.Select((r, i) => (r.Instance.Milestone.Content, Again: r.RenderCount - before[i])).ToList();
        Assert.All(rendered.Where(r => r.Content != "Run 5K"), r => Assert.Equal(0, r.Again));
        Assert.True(rendered.Single(r => r.Content == "Run 5K").Again >= 1);
    }
}

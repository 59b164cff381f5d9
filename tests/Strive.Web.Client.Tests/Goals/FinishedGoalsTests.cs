using Bunit;
using Strive.Domain.Goals;
using Strive.Web.Client.Pages.Goals;
using Strive.Web.Client.Tests.Board;

namespace Strive.Web.Client.Tests.Goals;

/// <summary>The goals page keeps finished goals apart from active ones; a finished goal's board says so and can be reopened.</summary>
public sealed class FinishedGoalsTests : GoalPageTestContext
{
    private static readonly DateTimeOffset Day = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void GoalsPage_ShowsActiveAndFinishedApart_WithCounts()
    {
        World.WithGoal("Learn Spanish").WithMember(Me, Planner);
        World.OtherGoals.Add(Goal("g2", "Run a marathon", GoalStatus.Succeeded));
        World.OtherGoals.Add(Goal("g3", "Write a novel", GoalStatus.Failed));
        World.OtherGoals.Add(Goal("g4", "Learn to juggle", GoalStatus.Succeeded));

        var page = Render<GoalsPage>();

        var active = page.WaitForElement("[data-testid=goals-active]");
        var finished = page.Find("[data-testid=goals-finished]");
        Assert.Equal(["Learn Spanish"], Titles(active));
        Assert.Equal(3, Titles(finished).Count);
        Assert.Contains("Run a marathon", Titles(finished));
        Assert.Equal("1 goal", active.QuerySelector("[data-testid=goal-section-count]")!.TextContent.Trim());
        Assert.Equal("3 goals · 2 succeeded · 1 failed",
            finished.QuerySelector("[data-testid=goal-section-count]")!.TextContent.Trim());
    }

    [Fact]
    public void GoalsPage_WithOnlyActiveGoals_SaysNoneFinishedYet()
    {
        World.WithGoal("Learn Spanish").WithMember(Me, Planner);

        var page = Render<GoalsPage>();

        var finished = page.WaitForElement("[data-testid=goals-finished]");
        Assert.Contains("No finished goals yet", finished.TextContent);
        Assert.Empty(finished.QuerySelectorAll("[data-testid=goal-card]"));
    }

    [Fact]
    public void FinishedGoal_SaysHowAndWhen_AndAnAdminReopensIt()
    {
        World.WithGoal().WithMember(Me, Planner).Finished(GoalStatus.Succeeded);
        var page = RenderGoal();

        var banner = page.WaitForElement("[data-testid=goal-finished]");
        Assert.Contains("This goal succeeded on 27 Nov 2026", banner.TextContent);
        page.Find("[data-testid=reopen-goal]").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=goal-finished]")));
        Assert.Equal([FakeGoalWorld.GoalId], World.ReopenCalls);
        Snackbars.WaitForAssertion(() => Assert.Contains("Goal reopened", Snackbars.Markup));
    }

    [Fact]
    public void FinishedGoal_ForANonAdmin_SaysSoWithoutAReopenButton()
    {
        World.WithGoal().WithMember(Me, StakeholderRoles.Achiever).Finished(GoalStatus.Failed);

        var page = RenderGoal();

        var banner = page.WaitForElement("[data-testid=goal-finished]");
        Assert.Contains("This goal failed", banner.TextContent);
        Assert.Empty(page.FindAll("[data-testid=reopen-goal]"));
    }

    [Fact]
    public void PendingGoal_HasNoFinishedBanner()
    {
        World.WithGoal().WithMember(Me, Planner);

        var page = RenderGoal();

        page.WaitForElement("[data-testid=goal-header]");
        Assert.Empty(page.FindAll("[data-testid=goal-finished]"));
    }

    private static IReadOnlyList<string> Titles(AngleSharp.Dom.IElement section) =>
        [.. section.QuerySelectorAll("[data-testid=goal-card] .goal-card-title").Select(e => e.TextContent.Trim())];

    private static GoalView Goal(string id, string title, GoalStatus status) =>
        new(id, title, "", false, status, null, 1, 0, 2, 2, status == GoalStatus.Pending ? null : Day, Day, Day,
            StakeholderRoles.Admin);
}

using Microsoft.Playwright;
using Strive.E2E.Board;
using Strive.E2E.Infrastructure;

namespace Strive.E2E.Goals;

/// <summary>Closing a goal from its last milestone, seeing it among the finished goals, and reopening it.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class FinishedGoalTests(StriveServerFixture server)
{
    [Fact]
    public async Task FinishingTheLastMilestone_ClosesTheGoal_TheGoalsPageFilesItUnderFinished_AndReopenBringsItBack()
    {
        var email = StriveServerFixture.NewEmail("finisher");
        var page = await server.RegisterAndSignInAsync(email);
        await server.GoalAsync(email, "Learn to swim", ["Float"]);
        var path = await server.GoalAsync(email, "Run a marathon", ["Buy shoes"]);
        var board = new BoardPage(page);
        await board.OpenAsync(path);

        // Not BoardPage.SetStatusAsync: the offer to close the goal opens while the status menu is still open.
        await board.Row("Buy shoes").GetByTestId("milestone-status").ClickAsync();
        await page.GetByTestId("status-succeeded").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark goal succeeded" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("goal-finished")).ToContainTextAsync("This goal succeeded on");

        await page.GotoAsync("goals");
        var active = page.GetByTestId("goals-active");
        var finished = page.GetByTestId("goals-finished");
        await Assertions.Expect(finished.GetByTestId("goal-card")).ToHaveCountAsync(1);
        await Assertions.Expect(finished.GetByTestId("goal-card")).ToContainTextAsync("Run a marathon");
        await Assertions.Expect(finished.GetByTestId("goal-section-count")).ToHaveTextAsync("1 goal · 1 succeeded · 0 failed");
        await Assertions.Expect(active.GetByTestId("goal-card")).ToHaveCountAsync(1);
        await Assertions.Expect(active.GetByTestId("goal-card")).ToContainTextAsync("Learn to swim");

        await board.OpenAsync(path);
        await page.GetByTestId("reopen-goal").ClickAsync();
        await Assertions.Expect(page.GetByTestId("goal-finished")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("goal-status")).ToHaveTextAsync("Pending");

        await page.GotoAsync("goals");
        await Assertions.Expect(page.GetByTestId("goals-active").GetByTestId("goal-card")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("goals-finished").GetByTestId("goal-section-empty")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}

using Microsoft.Playwright;
using Strive.E2E.Board;
using Strive.E2E.Infrastructure;

namespace Strive.E2E.Goals;

/// <summary>
/// Issue 24, row 7: marking a goal finished while milestones are pending warns first; the finished goal's
/// board is read-only (no add box, no status buttons) until the goal is reopened.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class FinishedGoalReadOnlyTests(StriveServerFixture server)
{
    [Fact]
    public async Task SucceededWithPendingMilestones_Warns_ThenTheBoardIsReadOnlyUntilReopened()
    {
        var email = StriveServerFixture.NewEmail("read-only");
        var board = new BoardPage(await server.RegisterAndSignInAsync(email));
        var path = await server.GoalAsync(email, "Learn Spanish", ["Book a course", "Speak for 5 minutes", "Read a novel"]);
        await board.OpenAsync(path);
        var page = board.Page;

        await page.GetByTestId("edit-goal").ClickAsync();
        await Assertions.Expect(page.GetByTestId("edit-goal-finish-warning")).ToHaveCountAsync(0);
        await page.GetByTestId("edit-goal-status").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Succeeded" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("edit-goal-finish-warning")).ToContainTextAsync("3 milestones are still pending");
        await page.GetByTestId("edit-goal-save").ClickAsync();

        await Assertions.Expect(page.GetByTestId("goal-finished")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("new-milestone-content")).ToHaveCountAsync(0);
        await Assertions.Expect(board.Row("Book a course").GetByTestId("milestone-complete")).ToHaveCountAsync(0);
        await Assertions.Expect(board.Row("Book a course").GetByTestId("milestone-menu")).ToHaveCountAsync(0);
        await Assertions.Expect(board.Row("Book a course").Locator("button[data-testid=milestone-status]")).ToHaveCountAsync(0);

        await page.GetByTestId("reopen-goal").ClickAsync();
        await Assertions.Expect(page.GetByTestId("new-milestone-content")).ToBeEnabledAsync();
        await board.AddMilestoneAsync("Watch a film");
        await board.ExpectOrderAsync("Book a course", "Speak for 5 minutes", "Read a novel", "Watch a film");
        await page.Context.CloseAsync();
    }
}

using Microsoft.Playwright;
using Strive.E2E.Infrastructure;

namespace Strive.E2E.Board;

/// <summary>
/// Issue 24, row 15: Ctrl+Z undoes the board's latest change, as the snackbar's Undo does, and that
/// snackbar leaves the account menu uncovered.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class BoardCtrlZTests(StriveServerFixture server)
{
    [Fact]
    public async Task CtrlZ_AfterCompletingAMilestone_PutsItBackToPending_AndTheToastLeavesTheAccountMenuFree()
    {
        var email = StriveServerFixture.NewEmail("ctrl-z");
        var board = new BoardPage(await server.RegisterAndSignInAsync(email));
        var path = await server.GoalAsync(email, "Undo by keyboard", ["Plan", "Train"]);
        await board.OpenAsync(path);
        var page = board.Page;

        await board.Row("Train").GetByTestId("milestone-complete").ClickAsync();
        await Assertions.Expect(board.Row("Train")).ToHaveAttributeAsync("data-status", "Succeeded");
        var toast = page.Locator(".mud-snackbar").Filter(new() { HasText = "Train" });
        await Assertions.Expect(toast).ToBeVisibleAsync();
        var menu = (await page.GetByTestId("account-menu").BoundingBoxAsync())!;
        var box = (await toast.BoundingBoxAsync())!;
        Assert.True(box.Y > menu.Y + menu.Height || box.X > menu.X + menu.Width || box.X + box.Width < menu.X,
            $"The toast ({box.X},{box.Y} {box.Width}x{box.Height}) covers the account menu ({menu.X},{menu.Y}).");

        await page.Keyboard.PressAsync("Control+z");

        await Assertions.Expect(board.Row("Train")).ToHaveAttributeAsync("data-status", "Pending");
        await Assertions.Expect(toast).ToHaveCountAsync(0);
        await board.WaitUntilSavedAsync();
        await board.OpenAsync(path);
        await Assertions.Expect(board.Row("Train")).ToHaveAttributeAsync("data-status", "Pending");
        await page.Context.CloseAsync();
    }
}

using Microsoft.Playwright;
using Strive.E2E.Infrastructure;

namespace Strive.E2E.Board;

/// <summary>
/// Issues 10 and 13: Undo in the snackbar puts back a delete, a move or a status change, through the same
/// domain calls, and the server holds the result.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class BoardUndoTests(StriveServerFixture server)
{
    [Fact]
    public async Task DeletingAMilestone_ThenUndo_PutsItBackInItsPlace()
    {
        var email = StriveServerFixture.NewEmail("undo");
        var board = new BoardPage(await server.RegisterAndSignInAsync(email));
        var path = await server.GoalAsync(email, "Undo a delete", ["Plan", "Train", "Race"]);
        await board.OpenAsync(path);

        await board.Row("Train").GetByTestId("milestone-menu").ClickAsync();
        await board.Page.GetByTestId("milestone-delete").ClickAsync();
        await board.Page.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await board.ExpectOrderAsync("Plan", "Race");
        await Assertions.Expect(board.Progress).ToContainTextAsync("none finished of 2");

        await board.Page.GetByRole(AriaRole.Button, new() { Name = "Undo", Exact = true }).ClickAsync();

        await board.ExpectOrderAsync("Plan", "Train", "Race");
        await Assertions.Expect(board.Progress).ToContainTextAsync("none finished of 3");
        await board.WaitUntilSavedAsync();
        Assert.Equal(["Plan", "Train", "Race"], await server.SavedOrderAsync(email, path));
        await board.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task MovingAMilestone_ThenUndo_MovesItBack()
    {
        var email = StriveServerFixture.NewEmail("undo-move");
        var board = new BoardPage(await server.RegisterAndSignInAsync(email));
        var path = await server.GoalAsync(email, "Undo a move", ["Plan", "Train", "Race"]);
        await board.OpenAsync(path);

        await board.Row("Plan").GetByTestId("milestone-menu").ClickAsync();
        await board.Page.GetByTestId("move-bottom").ClickAsync();
        await board.ExpectOrderAsync("Train", "Race", "Plan");
        await board.WaitUntilSavedAsync();

        await UndoAsync(board, "Moved \"Plan\" to position 3");

        await board.ExpectOrderAsync("Plan", "Train", "Race");
        await board.WaitUntilSavedAsync();
        Assert.Equal(["Plan", "Train", "Race"], await server.SavedOrderAsync(email, path));
        await board.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task ChangingAStatus_ThenUndo_PutsTheOldStatusBack()
    {
        var email = StriveServerFixture.NewEmail("undo-status");
        var board = new BoardPage(await server.RegisterAndSignInAsync(email));
        var path = await server.GoalAsync(email, "Undo a status", ["Plan", "Train", "Race"]);
        await board.OpenAsync(path);

        await board.SetStatusAsync("Train", "status-failed");
        await Assertions.Expect(board.Progress).ToContainTextAsync("0 succeeded · 1 failed of 3");

        await UndoAsync(board, "Marked \"Train\" failed");

        await Assertions.Expect(board.Row("Train")).ToHaveAttributeAsync("data-status", "Pending");
        await Assertions.Expect(board.Progress).ToContainTextAsync("none finished of 3");
        await board.Page.ReloadAsync();
        await board.WaitUntilInteractiveAsync();
        await Assertions.Expect(board.Row("Train")).ToHaveAttributeAsync("data-status", "Pending");
        await board.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task Undo_AfterSomeoneElseChangedTheMilestone_SaysSo_AndKeepsTheirChange()
    {
        var email = StriveServerFixture.NewEmail("undo-clash");
        var board = new BoardPage(await server.RegisterAndSignInAsync(email));
        var path = await server.GoalAsync(email, "Undo a clash", ["Plan", "Train"]);
        await board.OpenAsync(path);
        var other = new BoardPage(await server.SignedInPageAsync(email));
        await other.OpenAsync(path);

        await board.SetStatusAsync("Train", "status-succeeded");
        await Assertions.Expect(other.Row("Train")).ToHaveAttributeAsync("data-status", "Succeeded");
        await other.SetStatusAsync("Train", "status-failed");
        await Assertions.Expect(board.Row("Train")).ToHaveAttributeAsync("data-status", "Failed");

        await board.Page.GetByRole(AriaRole.Button, new() { Name = "Undo", Exact = true }).ClickAsync();

        await Assertions.Expect(board.Page.Locator(".mud-snackbar").Filter(new() { HasText = "Not undone: the milestone was changed after yours" }))
            .ToBeVisibleAsync();
        await Assertions.Expect(board.Row("Train")).ToHaveAttributeAsync("data-status", "Failed");
        await Assertions.Expect(other.Row("Train")).ToHaveAttributeAsync("data-status", "Failed");
        await board.Page.Context.CloseAsync();
        await other.Page.Context.CloseAsync();
    }

    private static async Task UndoAsync(BoardPage board, string snackbarText)
    {
        var snackbar = board.Page.Locator(".mud-snackbar").Filter(new() { HasText = snackbarText });
        await snackbar.GetByRole(AriaRole.Button, new() { Name = "Undo", Exact = true }).ClickAsync();
    }
}

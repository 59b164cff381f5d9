using Microsoft.Playwright;
using Strive.E2E.Infrastructure;

namespace Strive.E2E.Board;

/// <summary>Issue 10: a deleted milestone comes back in its place from the snackbar's Undo.</summary>
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
}

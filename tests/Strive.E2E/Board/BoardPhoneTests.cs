using Microsoft.Playwright;
using Strive.E2E.Infrastructure;

namespace Strive.E2E.Board;

/// <summary>Issue 13: the board on a 390 px phone: targets a finger can hit, a visible Add, one-tap complete.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class BoardPhoneTests(StriveServerFixture server)
{
    private const int Finger = 44;

    [Fact]
    public async Task AtPhoneWidth_TargetsAre44Px_TheAddButtonAdds_AndTheCheckButtonCompletesInOneTap()
    {
        var email = StriveServerFixture.NewEmail("phone");
        var board = new BoardPage(await server.RegisterAndSignInAsync(email));
        var path = await server.GoalAsync(email, "On the bus", ["Plan", "Train"]);
        await board.Page.SetViewportSizeAsync(390, 844);
        await board.OpenAsync(path);
        var page = board.Page;

        foreach (var (testId, square) in new[]
        {
            ("milestone-drag-handle", true), ("milestone-menu", true), ("milestone-complete", true), ("milestone-status", false),
        })
        {
            var box = await board.Row("Train").GetByTestId(testId).BoundingBoxAsync();
            Assert.True(box is { Height: >= Finger } && (!square || box.Width >= Finger),
                $"{testId} is {box?.Width}x{box?.Height} px at 390 px; a finger needs {Finger} px.");
        }

        var add = page.GetByTestId("add-milestone");
        await Assertions.Expect(add).ToBeVisibleAsync();
        Assert.True((await add.BoundingBoxAsync())!.Height >= Finger, "The Add button is smaller than a finger.");
        await page.GetByTestId("new-milestone-content").FillAsync("Race");
        await add.ClickAsync();
        await board.ExpectOrderAsync("Plan", "Train", "Race");
        await Assertions.Expect(page.GetByTestId("new-milestone-content")).ToHaveValueAsync("");

        await board.Row("Train").GetByTestId("milestone-complete").ClickAsync();
        await Assertions.Expect(board.Row("Train")).ToHaveAttributeAsync("data-status", "Succeeded");
        await Assertions.Expect(board.Row("Train").GetByTestId("milestone-complete")).ToHaveCountAsync(0);
        await Assertions.Expect(board.Progress).ToContainTextAsync("1");
        await board.WaitUntilSavedAsync();
        await board.OpenAsync(path);
        await Assertions.Expect(board.Row("Train")).ToHaveAttributeAsync("data-status", "Succeeded");

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The board scrolls sideways by {overflow} px at 390 px.");
        await page.Context.CloseAsync();
    }
}

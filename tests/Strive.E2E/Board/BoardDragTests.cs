using Microsoft.Playwright;
using Strive.E2E.Infrastructure;

namespace Strive.E2E.Board;

/// <summary>
/// Issue 8's table: a dragged milestone lands on the row the pointer was released on, in both
/// directions, one row or several, with the mouse on a desktop and with a finger on a phone; and the
/// order shown, the order saved and the order after a reload agree.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class BoardDragTests(StriveServerFixture server)
{
    private static readonly string[] Plan = ["A", "B", "C", "D", "E", "F"];

    public static TheoryData<Hand, string, string, DropAt, string[]> Drops()
    {
        var cases = new TheoryData<Hand, string, string, DropAt, string[]>();
        foreach (var hand in new[] { Hand.Mouse, Hand.Touch })
        {
            cases.Add(hand, "A", "B", DropAt.Centre, ["B", "A", "C", "D", "E", "F"]);  // down 1 row
            cases.Add(hand, "A", "D", DropAt.Centre, ["B", "C", "D", "A", "E", "F"]);  // down 3 rows
            cases.Add(hand, "D", "C", DropAt.Centre, ["A", "B", "D", "C", "E", "F"]);  // up 1 row
            cases.Add(hand, "E", "C", DropAt.Centre, ["A", "B", "E", "C", "D", "F"]);  // up 2 rows
            cases.Add(hand, "E", "B", DropAt.Centre, ["A", "E", "B", "C", "D", "F"]);  // up 3 rows
            cases.Add(hand, "A", "F", DropAt.Centre, ["B", "C", "D", "E", "F", "A"]);  // top row onto the last
            cases.Add(hand, "D", "A", DropAt.AboveFirst, ["D", "A", "B", "C", "E", "F"]);  // just above the first
            cases.Add(hand, "B", "F", DropAt.BelowLast, ["A", "C", "D", "E", "F", "B"]);  // just below the last
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Drops))]
    public async Task Drop_LandsWhereThePointerWasReleased_AndTheOrderIsSaved(Hand hand, string dragged,
        string onto, DropAt at, string[] expected)
    {
        var (board, email, path) = await OpenBoardAsync(hand, Plan);

        await board.DragAsync(dragged, onto, at, hand);

        await board.ExpectOrderAsync(expected);
        await ExpectSavedAsync(board, email, path, expected);
        await board.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task TopRowOntoTheLast_LandsLast_TenTimesInTen()
    {
        var (board, email, path) = await OpenBoardAsync(Hand.Mouse, Plan);
        var order = Plan.ToList();

        for (var i = 0; i < 10; i++)
        {
            await board.DragAsync(order[0], order[^1]);
            order.Add(order[0]);
            order.RemoveAt(0);
            await board.ExpectOrderAsync([.. order]);
        }

        await ExpectSavedAsync(board, email, path, [.. order]);
        await board.Page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(Hand.Mouse)]
    [InlineData(Hand.Touch)]
    public async Task HoldingAtTheBottomEdge_ScrollsALongBoard_AndTheRowLandsFarBelow(Hand hand)
    {
        var plan = Enumerable.Range(1, 60).Select(i => $"Step {i}").ToArray();
        var (board, email, path) = await OpenBoardAsync(hand, plan);

        await board.DragToBottomEdgeAsync("Step 1", pixels: 800, hand);

        // The drop shows before Blazor has re-rendered the list in its new order: wait for that render.
        await Assertions.Expect(board.Rows.First.GetByTestId("milestone-content")).Not.ToHaveTextAsync("Step 1");
        await board.WaitUntilSavedAsync();
        var shown = await board.ContentsAsync();
        Assert.True(shown.ToList().IndexOf("Step 1") >= 8, $"Step 1 landed at {shown.ToList().IndexOf("Step 1")}");
        await ExpectSavedAsync(board, email, path, [.. shown]);
        await board.Page.Context.CloseAsync();
    }

    private async Task<(BoardPage Board, string Email, string Path)> OpenBoardAsync(Hand hand, string[] plan)
    {
        var email = StriveServerFixture.NewEmail(hand == Hand.Mouse ? "drag" : "touch");
        var signedIn = await server.RegisterAndSignInAsync(email);
        var path = await server.GoalAsync(email, "Reorder me", plan);
        var page = signedIn;
        if (hand == Hand.Touch)
        {
            // A phone: 390 px wide, touch events, the signed-in cookies carried over.
            page = await (await server.Browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = server.BaseUrl.ToString(),
                StorageState = await signedIn.Context.StorageStateAsync(),
                ViewportSize = new ViewportSize { Width = 390, Height = 844 },
                HasTouch = true,
                IsMobile = true,
            })).NewPageAsync();
            await signedIn.Context.CloseAsync();
        }

        var board = new BoardPage(page);
        await board.OpenAsync(path);
        await board.ExpectOrderAsync(plan);
        return (board, email, path);
    }

    /// <summary>What the server saved is what the board shows, and a reload shows it too.</summary>
    private async Task ExpectSavedAsync(BoardPage board, string email, string path, string[] expected)
    {
        await board.WaitUntilSavedAsync();
        Assert.Equal(expected, await server.SavedOrderAsync(email, path));
        await board.OpenAsync(path);
        await board.ExpectOrderAsync(expected);
    }
}

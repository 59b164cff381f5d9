using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Strive.E2E.Infrastructure;

namespace Strive.E2E.Board;

/// <summary>Issue 13: the board's filter and the goals search live in the address, so a reload (or a shared link) keeps them.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class BoardFilterTests(StriveServerFixture server)
{
    [Fact]
    public async Task BoardFilter_IsInTheAddress_AndSurvivesAReload()
    {
        var email = StriveServerFixture.NewEmail("filter");
        var board = new BoardPage(await server.RegisterAndSignInAsync(email));
        var path = await server.GoalAsync(email, "Filter the board", ["Buy shoes", "Run 5K", "Run 10K", "Race day"]);
        await board.OpenAsync(path);
        await board.SetStatusAsync("Run 5K", "status-succeeded");

        await board.Page.GetByTestId("filter-pending").ClickAsync();
        await Assertions.Expect(board.Page).ToHaveURLAsync(new Regex(@"[?&]show=pending"));
        await board.ExpectOrderAsync("Buy shoes", "Run 10K", "Race day");
        await Assertions.Expect(board.Page.GetByTestId("board-filter-hint")).ToContainTextAsync("clear the filter to reorder");

        await board.Page.GetByTestId("filter-text").FillAsync("run");
        await Assertions.Expect(board.Page).ToHaveURLAsync(new Regex(@"[?&]q=run"));
        await board.ExpectOrderAsync("Run 10K");
        // Rows keep their places on the whole board.
        await Assertions.Expect(board.Row("Run 10K").Locator(".milestone-position")).ToHaveTextAsync("3");

        await board.Page.ReloadAsync();
        await board.WaitUntilInteractiveAsync();
        await board.ExpectOrderAsync("Run 10K");
        await Assertions.Expect(board.Page.GetByTestId("filter-text")).ToHaveValueAsync("run");

        await board.Page.GetByTestId("filter-finished").ClickAsync();
        await Assertions.Expect(board.Page).ToHaveURLAsync(new Regex(@"[?&]show=finished"));
        await board.ExpectOrderAsync("Run 5K");

        await board.Page.GetByTestId("filter-all").ClickAsync();
        await board.Page.GetByTestId("filter-text").FillAsync("");
        await board.ExpectOrderAsync("Buy shoes", "Run 5K", "Run 10K", "Race day");
        await Assertions.Expect(board.Page).Not.ToHaveURLAsync(new Regex(@"[?&](show|q)="));
        await board.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task GoalsSearch_IsInTheAddress_AndSurvivesAReload()
    {
        var email = StriveServerFixture.NewEmail("search");
        var page = await server.RegisterAndSignInAsync(email);
        await server.GoalAsync(email, "Learn Spanish", []);
        await server.GoalAsync(email, "Run a marathon", []);
        await page.GotoAsync("goals");
        await Assertions.Expect(page.GetByTestId("goal-card")).ToHaveCountAsync(2);

        await page.GetByTestId("goals-search").FillAsync("span");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"[?&]q=span"));
        await Assertions.Expect(page.GetByTestId("goal-card")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("goal-card")).ToContainTextAsync("Learn Spanish");
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("goal-card")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("goals-search")).ToHaveValueAsync("span");
        await page.Context.CloseAsync();
    }
}

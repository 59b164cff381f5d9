using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Strive.E2E.Infrastructure;

namespace Strive.E2E.Board;

/// <summary>
/// Issue 13: a deadline typed as ISO or the way the reader's locale writes dates is taken, and every date is
/// shown one way ("1 Mar 2027"); text that isn't a date is refused and never reported as saved.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class BoardDateTests(StriveServerFixture server)
{
    [Theory]
    [InlineData("en-GB", "01/03/2027")]
    [InlineData("en-US", "3/1/2027")]
    [InlineData("en-US", "2027-03-01")]
    [InlineData("de-DE", "1 Mar 2027")]
    public async Task TypedDeadline_InTheReadersLocale_IsSaved_AndShownOneWay(string locale, string typed)
    {
        var email = StriveServerFixture.NewEmail("dates");
        await (await server.RegisterAndSignInAsync(email)).Context.CloseAsync();
        var path = await server.GoalAsync(email, "Typed dates", ["Plan", "Race"]);
        var board = new BoardPage(await server.SignedInPageAsync(email, locale: locale));
        await board.OpenAsync(path);

        await OpenEditorAsync(board, "Race");
        await TypeDeadlineAsync(board, typed);

        await Assertions.Expect(board.Page.GetByTestId("save-state")).ToContainTextAsync("Saved");
        await Assertions.Expect(board.Page.GetByTestId("editor-deadline")).ToHaveValueAsync("1 Mar 2027");
        await board.Page.GetByTestId("editor-done").ClickAsync();
        await Assertions.Expect(board.Row("Race").GetByTestId("milestone-deadline"))
            .ToHaveTextAsync(new Regex(@"^1 Mar 2027 · due in \d+ days$"));
        await board.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task TextThatIsNotADate_IsRefused_AndTheFooterNeverSaysSaved()
    {
        var email = StriveServerFixture.NewEmail("bad-date");
        var board = new BoardPage(await server.RegisterAndSignInAsync(email));
        var path = await server.GoalAsync(email, "Bad dates", ["Plan"]);
        await board.OpenAsync(path);

        await OpenEditorAsync(board, "Plan");
        await TypeDeadlineAsync(board, "31/02/2027");

        await Assertions.Expect(board.Page.GetByTestId("save-state")).ToContainTextAsync("Not saved: fix the deadline");
        await Assertions.Expect(board.Page.GetByText("Not a date we can read")).ToBeVisibleAsync();
        await board.Page.GetByTestId("editor-done").ClickAsync();
        await Assertions.Expect(board.Row("Plan").GetByTestId("milestone-deadline")).ToHaveCountAsync(0);
        await board.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task NewGoal_WithADeadlineTypedTheBritishWay_ShowsThatDay()
    {
        var email = StriveServerFixture.NewEmail("goal-date");
        await (await server.RegisterAndSignInAsync(email)).Context.CloseAsync();
        var page = await server.SignedInPageAsync(email, locale: "en-GB");
        var board = new BoardPage(page);
        await Assertions.Expect(page.GetByTestId("new-goal")).ToBeEnabledAsync();

        await page.GetByTestId("new-goal").ClickAsync();
        await page.GetByTestId("goal-title").FillAsync("Swim the channel");
        await page.GetByTestId("goal-deadline").FillAsync("01/03/2027");
        await page.GetByTestId("goal-deadline").PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("goal-deadline")).ToHaveValueAsync("1 Mar 2027");
        await page.GetByTestId("create-goal").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/goals/[^/]+$"));
        await board.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("goal-deadline")).ToContainTextAsync("Due 1 Mar 2027");
        await page.Context.CloseAsync();
    }

    private static async Task OpenEditorAsync(BoardPage board, string content)
    {
        await board.Row(content).GetByTestId("milestone-menu").ClickAsync();
        await board.Page.GetByTestId("milestone-edit").ClickAsync();
        await Assertions.Expect(board.Page.GetByTestId("editor-deadline")).ToBeVisibleAsync();
    }

    private static async Task TypeDeadlineAsync(BoardPage board, string typed)
    {
        var field = board.Page.GetByTestId("editor-deadline");
        await field.FillAsync(typed);
        await field.PressAsync("Tab");
    }
}

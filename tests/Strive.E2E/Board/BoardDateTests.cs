using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Strive.E2E.Infrastructure;

namespace Strive.E2E.Board;

/// <summary>
/// Issue 13: a deadline typed as ISO or the way the reader's locale writes dates is taken, and every date is
/// shown one way ("1 Mar 2027"); text that isn't a date is refused and never reported as saved.
/// Issue 24: every date is a number of days after the app's today (the test host's clock), so the
/// expected "due in N days" holds whatever the machine's date.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class BoardDateTests(StriveServerFixture server)
{
    [Theory]
    [InlineData("en-GB", "dd/MM/yyyy")]
    [InlineData("en-US", "M/d/yyyy")]
    [InlineData("en-US", "yyyy-MM-dd")]
    [InlineData("de-DE", "d MMM yyyy")]
    public async Task TypedDeadline_InTheReadersLocale_IsSaved_AndShownOneWay(string locale, string format)
    {
        var day = server.Clock.Today.AddDays(DaysAhead);
        var typed = day.ToString(format, CultureInfo.InvariantCulture);
        var email = StriveServerFixture.NewEmail("dates");
        await (await server.RegisterAndSignInAsync(email)).Context.CloseAsync();
        var path = await server.GoalAsync(email, "Typed dates", ["Plan", "Race"]);
        var board = new BoardPage(await server.SignedInPageAsync(email, timezoneId: "UTC", locale: locale));
        await board.OpenAsync(path);

        await OpenEditorAsync(board, "Race");
        await TypeDeadlineAsync(board, typed);

        await Assertions.Expect(board.Page.GetByTestId("save-state")).ToContainTextAsync("Saved");
        await Assertions.Expect(board.Page.GetByTestId("editor-deadline")).ToHaveValueAsync(Shown(day));
        await board.Page.GetByTestId("editor-done").ClickAsync();
        await Assertions.Expect(board.Row("Race").GetByTestId("milestone-deadline"))
            .ToHaveTextAsync($"{Shown(day)} · due in {DaysAhead} days");
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
        await TypeDeadlineAsync(board, $"31/02/{server.Clock.Today.Year + 1}");

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
        var day = server.Clock.Today.AddDays(DaysAhead);
        await Assertions.Expect(page.GetByTestId("new-goal")).ToBeEnabledAsync();

        await page.GetByTestId("new-goal").ClickAsync();
        await page.GetByTestId("goal-title").FillAsync("Swim the channel");
        await page.GetByTestId("goal-deadline").FillAsync(day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await page.GetByTestId("goal-deadline").PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("goal-deadline")).ToHaveValueAsync(Shown(day));
        await page.GetByTestId("create-goal").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/goals/[^/]+$"));
        await board.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("goal-deadline")).ToContainTextAsync($"Due {Shown(day)}");
        await page.Context.CloseAsync();
    }

    /// <summary>Far enough ahead to read "due in N days" in every zone, near enough to cross a month or two.</summary>
    private const int DaysAhead = 90;

    private static string Shown(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

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

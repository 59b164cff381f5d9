using Microsoft.Playwright;
using Strive.E2E.Infrastructure;

namespace Strive.E2E.Board;

/// <summary>Issue 8's "nothing lost": quick keys all count, and a control that looks clickable works.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class BoardResponsivenessTests(StriveServerFixture server)
{
    [Fact]
    public async Task FourAltArrowDowns_WithNoPause_MoveTheRowFourPlaces()
    {
        var email = StriveServerFixture.NewEmail("quick");
        var board = new BoardPage(await server.RegisterAndSignInAsync(email));
        var path = await server.GoalAsync(email, "Quick keys", ["A", "B", "C", "D", "E", "F"]);
        await board.OpenAsync(path);

        await board.Row("A").FocusAsync();
        for (var i = 0; i < 4; i++)
        {
            await board.Page.Keyboard.PressAsync("Alt+ArrowDown");
        }

        string[] expected = ["B", "C", "D", "E", "A", "F"];
        await board.ExpectOrderAsync(expected);
        await board.WaitUntilSavedAsync();
        Assert.Equal(expected, await server.SavedOrderAsync(email, path));
        await Assertions.Expect(board.Row("A")).ToBeFocusedAsync();
        await board.OpenAsync(path);
        await board.ExpectOrderAsync(expected);
        await board.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task RightAfterAReload_ClickingAStatusButton_OpensTheMenu_FiveTimesInFive()
    {
        var email = StriveServerFixture.NewEmail("reload");
        var page = await server.RegisterAndSignInAsync(email);
        var path = await server.GoalAsync(email, "Reload and click", ["Plan", "Train", "Race"]);
        var board = new BoardPage(page);
        await board.OpenAsync(path);

        for (var run = 0; run < 5; run++)
        {
            await page.ReloadAsync();
            // No waiting for the circuit: the button is disabled until a click can be honoured, and
            // Playwright clicks as soon as it is enabled, as an impatient person would.
            await board.Row("Train").GetByTestId("milestone-status").ClickAsync();
            await Assertions.Expect(page.GetByTestId("status-succeeded")).ToBeVisibleAsync();
            await page.Keyboard.PressAsync("Escape");
            await Assertions.Expect(page.GetByTestId("status-succeeded")).ToBeHiddenAsync();
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task StatusChosenFromTheSharedMenu_AppliesToTheRowThatOpenedIt()
    {
        var email = StriveServerFixture.NewEmail("status");
        var board = new BoardPage(await server.RegisterAndSignInAsync(email));
        var path = await server.GoalAsync(email, "Statuses", ["Plan", "Train", "Race"]);
        await board.OpenAsync(path);

        await board.SetStatusAsync("Race", "status-failed");
        await board.SetStatusAsync("Plan", "status-succeeded");

        await Assertions.Expect(board.Row("Race")).ToHaveAttributeAsync("data-status", "Failed");
        await Assertions.Expect(board.Row("Plan")).ToHaveAttributeAsync("data-status", "Succeeded");
        await Assertions.Expect(board.Row("Train")).ToHaveAttributeAsync("data-status", "Pending");
        await Assertions.Expect(board.Progress).ToContainTextAsync("1 succeeded · 1 failed of 3");
        await board.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task ActionsMenu_OpenedWithEnter_OpensUnderItsButton_AndOpensNothingElse()
    {
        var email = StriveServerFixture.NewEmail("keymenu");
        var board = new BoardPage(await server.RegisterAndSignInAsync(email));
        var path = await server.GoalAsync(email, "Keyboard menus", ["Plan", "Train", "Race"]);
        await board.OpenAsync(path);
        var button = board.Row("Train").GetByTestId("milestone-menu");

        await button.FocusAsync();
        await board.Page.Keyboard.PressAsync("Enter");

        var item = board.Page.GetByTestId("move-top");
        await Assertions.Expect(item).ToBeVisibleAsync();
        await Assertions.Expect(board.Page.GetByTestId("milestone-edit")).ToBeFocusedAsync();
        // MudBlazor places an open popover in a frame after showing it: wait for it to settle under the button.
        await board.Page.WaitForFunctionAsync(
            """
            () => {
                const button = [...document.querySelectorAll('[data-testid=milestone-content]')]
                    .find(c => c.textContent.trim() === 'Train').closest('[data-testid=milestone]')
                    .querySelector('[data-testid=milestone-menu]').getBoundingClientRect();
                const item = document.querySelector('[data-testid=move-top]').getBoundingClientRect();
                return item.top >= button.top && item.top <= button.bottom + 80
                    && Math.abs(item.left - button.left) <= 300;
            }
            """, null, new() { Timeout = 5_000 });
        await Assertions.Expect(board.Page.Locator(".mud-dialog")).ToHaveCountAsync(0);

        await board.Page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(item).ToBeHiddenAsync();
        await Assertions.Expect(button).ToBeFocusedAsync();
        await board.Page.Context.CloseAsync();
    }
}

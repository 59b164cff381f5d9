using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Strive.Domain.Goals;
using Strive.E2E.Infrastructure;

namespace Strive.E2E.Board;

/// <summary>
/// Issue 13: the board used with the keyboard alone (docs/decisions/008), confirmations that start on
/// Cancel, and others' changes told to a screen reader.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class BoardKeyboardTests(StriveServerFixture server)
{
    [Fact]
    public async Task KeyboardOnly_TheBoardIsOneTabStop_ArrowsMoveBetweenRowsAndButtons_EnterOpensTheEditor_EscapeComesBack()
    {
        var email = StriveServerFixture.NewEmail("tabs");
        var board = new BoardPage(await server.RegisterAndSignInAsync(email));
        var path = await server.GoalAsync(email, "Keyboard only", ["Plan", "Train", "Race"]);
        await board.OpenAsync(path);
        var page = board.Page;

        // The board is one stop: back from the field after it lands on the first row, one more leaves the
        // board (for whatever comes before it), and Tab from there lands on the first row, then the field.
        await page.GetByTestId("new-milestone-content").FocusAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        await Assertions.Expect(board.Row("Plan")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        Assert.True(await page.EvaluateAsync<bool>(
            "() => document.activeElement !== document.body && !document.activeElement.closest('[data-testid=milestone-list]')"),
            "One Shift+Tab from the first row should leave the board.");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(board.Row("Plan")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("new-milestone-content")).ToBeFocusedAsync();
        await Assertions.Expect(board.Rows.And(page.Locator("[tabindex='0']"))).ToHaveCountAsync(1);
        await Assertions.Expect(board.Rows.Locator("button:not([tabindex='-1'])")).ToHaveCountAsync(0);
        await page.Keyboard.PressAsync("Shift+Tab");
        await Assertions.Expect(board.Row("Plan")).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(board.Row("Train")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(board.Row("Race")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(board.Row("Race")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Home");
        await Assertions.Expect(board.Row("Plan")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("End");
        await Assertions.Expect(board.Row("Race")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowUp");
        await Assertions.Expect(board.Row("Train")).ToBeFocusedAsync();

        // Right reaches the row's buttons one by one; Left goes back, and from the first one to the row.
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(board.Row("Train").GetByTestId("milestone-complete")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(board.Row("Train").GetByTestId("milestone-status")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(board.Row("Train").GetByTestId("milestone-menu")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.Keyboard.PressAsync("ArrowLeft");
        await Assertions.Expect(board.Row("Train")).ToBeFocusedAsync();

        // The board remembers its row: leaving and coming back lands on Train, not on the first row.
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("new-milestone-content")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        await Assertions.Expect(board.Row("Train")).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("editor-content")).ToBeVisibleAsync();
        // As a person does: Escape once the dialog has the focus.
        await page.WaitForFunctionAsync("() => !!document.activeElement?.closest('.mud-dialog')");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.GetByTestId("editor-content")).ToHaveCountAsync(0);
        await Assertions.Expect(board.Row("Train")).ToBeFocusedAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task DestructiveConfirmations_StartOnCancel_SoEnterKeepsEverything()
    {
        var email = StriveServerFixture.NewEmail("cancel");
        var board = new BoardPage(await server.RegisterAndSignInAsync(email));
        var path = await server.GoalAsync(email, "Keep it", ["Plan", "Train"]);
        await board.OpenAsync(path);
        var page = board.Page;

        await board.Row("Train").GetByTestId("milestone-menu").ClickAsync();
        await page.GetByTestId("milestone-delete").ClickAsync();
        await Assertions.Expect(page.GetByTestId("confirm-cancel")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("confirm-dialog")).ToHaveCountAsync(0);
        await board.ExpectOrderAsync("Plan", "Train");
        Assert.Equal(["Plan", "Train"], await server.SavedOrderAsync(email, path));

        await ApiKeysPages.OpenAsync(page);
        await ApiKeysPages.CreateAsync(page, "Backup script", ["goals:read"]);
        await ApiKeysPages.HideNewKeyAsync(page);
        await ApiKeysPages.Row(page, "Backup script").GetByTestId("revoke-api-key").ClickAsync();
        await Assertions.Expect(page.GetByTestId("cancel-revoke")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("confirm-revoke")).ToHaveCountAsync(0);
        await Assertions.Expect(ApiKeysPages.Row(page, "Backup script")).ToHaveCountAsync(1);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SomeoneElsesChange_IsAnnouncedPolitely_AndOnesOwnIsNot()
    {
        var ownerEmail = StriveServerFixture.NewEmail("watcher");
        var helperEmail = StriveServerFixture.NewEmail("helper");
        var owner = new BoardPage(await server.RegisterAndSignInAsync(ownerEmail));
        var helper = new BoardPage(await server.RegisterAndSignInAsync(helperEmail));
        var path = await server.GoalAsync(ownerEmail, "Two planners", ["Plan", "Train", "Race"]);
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var added = await scope.ServiceProvider.GetRequiredService<IStakeholderService>()
                .AddAsync(await server.UserIdAsync(ownerEmail), path["goals/".Length..], helperEmail, StakeholderRoles.Achiever);
            Assert.True(added.IsSuccess);
        }

        await owner.OpenAsync(path);
        await helper.OpenAsync(path);
        var announcement = owner.Page.GetByTestId("others-changes");
        await Assertions.Expect(announcement).ToHaveAttributeAsync("role", "status");

        await helper.Row("Train").GetByTestId("milestone-complete").ClickAsync();
        await Assertions.Expect(announcement).ToContainTextAsync("marked “Train” succeeded");

        await helper.Row("Race").FocusAsync();
        await helper.Page.Keyboard.PressAsync("Alt+ArrowUp");
        await Assertions.Expect(announcement).ToContainTextAsync("moved “Race” to position 2");

        // The owner's own change is the board's own news (its own status region), not someone else's.
        await owner.Row("Plan").GetByTestId("milestone-complete").ClickAsync();
        await Assertions.Expect(owner.Row("Plan")).ToHaveAttributeAsync("data-status", "Succeeded");
        await owner.WaitUntilSavedAsync();
        await Assertions.Expect(announcement).ToContainTextAsync("moved “Race” to position 2");
        await Assertions.Expect(owner.Page.GetByTestId("board-announcement")).ToHaveTextAsync("'Plan' is now Succeeded");

        await owner.Page.Context.CloseAsync();
        await helper.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task AccountMenu_IsOneButtonNamedAfterThePerson_AndOpensWithEnter()
    {
        var email = StriveServerFixture.NewEmail("menu-keys");
        var page = await server.RegisterAndSignInAsync(email);
        await Assertions.Expect(page.GetByTestId("new-goal")).ToBeEnabledAsync();
        var activator = page.GetByRole(AriaRole.Button, new() { Name = email });

        await activator.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByTestId("sign-out")).ToBeVisibleAsync();
        await Assertions.Expect(activator.Locator("button, a, [tabindex]")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}

using Microsoft.Playwright;
using Strive.E2E.Infrastructure;

namespace Strive.E2E.Board;

[Collection(BrowserTestGroup.Name)]
public sealed class BoardFlowTests(StriveServerFixture server)
{
    [Fact]
    public async Task Newcomer_PlansAGoal_DragsTheThirdToTop_OrderSurvivesReload_AndProgressCounts()
    {
        var board = new BoardPage(await server.RegisterAndSignInAsync(StriveServerFixture.NewEmail("newcomer")));
        await board.CreateGoalAsync("Run a marathon");
        await Assertions.Expect(board.Page.GetByTestId("board-empty")).ToBeVisibleAsync();

        await board.AddMilestoneAsync("Buy shoes");
        await board.AddMilestoneAsync("Run 5K");
        await board.AddMilestoneAsync("Run 10K");
        await board.ExpectOrderAsync("Buy shoes", "Run 5K", "Run 10K");
        await Assertions.Expect(board.Progress).ToContainTextAsync("none finished of 3");

        await board.DragAsync("Run 10K", ontoContent: "Buy shoes");
        await board.ExpectOrderAsync("Run 10K", "Buy shoes", "Run 5K");

        await board.Page.ReloadAsync();
        await board.WaitUntilInteractiveAsync();
        await board.ExpectOrderAsync("Run 10K", "Buy shoes", "Run 5K");

        await board.SetStatusAsync("Buy shoes", "status-succeeded");
        await Assertions.Expect(board.Progress).ToContainTextAsync("1 succeeded of 3");
        await Assertions.Expect(board.Row("Buy shoes").GetByTestId("milestone-status")).ToContainTextAsync("Succeeded");
        await board.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task KeyboardOnly_MovesTheThirdRowToTheTop_AndAnnouncesIt()
    {
        var board = new BoardPage(await server.RegisterAndSignInAsync(StriveServerFixture.NewEmail("keys")));
        var url = await board.CreateGoalAsync("Learn Spanish");
        await board.AddMilestoneAsync("A1");
        await board.AddMilestoneAsync("A2");
        await board.AddMilestoneAsync("B1");

        await board.Row("B1").FocusAsync();
        await board.Page.Keyboard.PressAsync("Alt+ArrowUp");
        await board.ExpectOrderAsync("A1", "B1", "A2");
        await Assertions.Expect(board.Page.GetByTestId("board-announcement"))
            .ToHaveTextAsync("Moved 'B1' to position 2 of 3");
        // Focus stays on the moved row, so the next shortcut moves it again.
        await Assertions.Expect(board.Row("B1")).ToBeFocusedAsync();
        await board.Page.Keyboard.PressAsync("Alt+ArrowUp");
        await board.ExpectOrderAsync("B1", "A1", "A2");

        await board.OpenAsync(url);
        await board.ExpectOrderAsync("B1", "A1", "A2");
        await board.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task MenuMoves_ReorderWithoutDragging()
    {
        var board = new BoardPage(await server.RegisterAndSignInAsync(StriveServerFixture.NewEmail("menu")));
        await board.CreateGoalAsync("Write a book");
        await board.AddMilestoneAsync("Outline");
        await board.AddMilestoneAsync("Draft");
        await board.AddMilestoneAsync("Edit");

        await board.Row("Outline").GetByTestId("milestone-menu").ClickAsync();
        await board.Page.GetByTestId("move-bottom").ClickAsync();
        await board.ExpectOrderAsync("Draft", "Edit", "Outline");

        await board.Row("Outline").GetByTestId("milestone-menu").ClickAsync();
        await board.Page.GetByTestId("move-up").ClickAsync();
        await board.ExpectOrderAsync("Draft", "Outline", "Edit");
        await board.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task TwoBrowsers_OnOneGoal_SeeEachOthersChangesWithoutReloading()
    {
        var first = new BoardPage(await server.RegisterAndSignInAsync(StriveServerFixture.NewEmail("live")));
        var url = await first.CreateGoalAsync("Climb Kilimanjaro");
        await first.AddMilestoneAsync("Get fit");

        // The same account in a second browser context: its own cookies, its own circuit.
        var second = new BoardPage(await (await server.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUrl.ToString(),
            StorageState = await first.Page.Context.StorageStateAsync(),
        })).NewPageAsync());
        await second.OpenAsync(url);
        await second.ExpectOrderAsync("Get fit");

        await first.AddMilestoneAsync("Book flights");
        await second.ExpectOrderAsync("Get fit", "Book flights");

        await second.SetStatusAsync("Get fit", "status-succeeded");
        await Assertions.Expect(second.Row("Get fit").GetByTestId("milestone-status")).ToContainTextAsync("Succeeded");
        await Assertions.Expect(first.Progress).ToContainTextAsync("1 succeeded of 2");
        await Assertions.Expect(first.Row("Get fit").GetByTestId("milestone-status")).ToContainTextAsync("Succeeded");

        await second.Row("Book flights").FocusAsync();
        await second.Page.Keyboard.PressAsync("Alt+ArrowUp");
        await first.ExpectOrderAsync("Book flights", "Get fit");

        await first.Page.Context.CloseAsync();
        await second.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task PeopleMenu_OpensUnderItsButton_ClosesOnEscape_AndChangeRolesFromTheKeyboardOpensTheRolesDialog()
    {
        var otherEmail = StriveServerFixture.NewEmail("menu-person");
        await (await server.RegisterAndSignInAsync(otherEmail)).Context.CloseAsync();
        var owner = new BoardPage(await server.RegisterAndSignInAsync(StriveServerFixture.NewEmail("menu-owner")));
        await owner.CreateGoalAsync("Plant an orchard");
        await owner.Page.GetByTestId("invite-open").ClickAsync();
        await owner.Page.GetByTestId("invite-email").FillAsync(otherEmail);
        await owner.Page.GetByTestId("invite-submit").ClickAsync();
        var person = owner.Page.GetByTestId("stakeholder").Filter(new() { HasText = otherEmail });
        var button = person.GetByTestId("stakeholder-menu");
        var menu = person.Locator("[popover]");
        await Assertions.Expect(menu).ToBeHiddenAsync();

        // The browser's popover, anchored to its button: just below it, right edges aligned.
        await button.ClickAsync();
        await Assertions.Expect(menu).ToBeVisibleAsync();
        var at = (await button.BoundingBoxAsync())!;
        var shown = (await menu.BoundingBoxAsync())!;
        Assert.InRange(shown.Y, at.Y + at.Height - 1, at.Y + at.Height + 1);
        Assert.InRange(shown.X + shown.Width, at.X + at.Width - 1, at.X + at.Width + 1);
        await owner.Page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(menu).ToBeHiddenAsync();

        // From the keyboard: Enter opens it, Tab reaches its first item, Enter chooses it and the menu closes.
        await button.FocusAsync();
        await owner.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(menu).ToBeVisibleAsync();
        await owner.Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(person.GetByTestId("stakeholder-roles")).ToBeFocusedAsync();
        await owner.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(owner.Page.GetByTestId("roles-save")).ToBeVisibleAsync();
        await Assertions.Expect(menu).ToBeHiddenAsync();

        await owner.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task Spectator_AddedThroughThePeoplePanel_SeesNoEditingControls()
    {
        var spectatorEmail = StriveServerFixture.NewEmail("spectator");
        var spectatorPage = await server.RegisterAndSignInAsync(spectatorEmail);
        var owner = new BoardPage(await server.RegisterAndSignInAsync(StriveServerFixture.NewEmail("owner")));
        var url = await owner.CreateGoalAsync("Open a bakery");
        await owner.AddMilestoneAsync("Write a business plan");
        await owner.AddMilestoneAsync("Find a location");

        await owner.Page.GetByTestId("invite-open").ClickAsync();
        await owner.Page.GetByTestId("invite-email").FillAsync(spectatorEmail);
        await owner.Page.GetByTestId("invite-submit").ClickAsync();
        await Assertions.Expect(owner.Page.GetByTestId("stakeholder")).ToHaveCountAsync(2);

        var spectator = new BoardPage(spectatorPage);
        await spectator.OpenAsync(url);
        await spectator.ExpectOrderAsync("Write a business plan", "Find a location");
        await Assertions.Expect(spectator.Page.GetByTestId("milestone-drag-handle")).ToHaveCountAsync(0);
        await Assertions.Expect(spectator.Page.GetByTestId("milestone-menu")).ToHaveCountAsync(0);
        await Assertions.Expect(spectator.Page.GetByTestId("new-milestone-content")).ToHaveCountAsync(0);
        await Assertions.Expect(spectator.Page.GetByTestId("edit-goal")).ToHaveCountAsync(0);
        await Assertions.Expect(spectator.Page.Locator("button[data-testid=milestone-status]")).ToHaveCountAsync(0);
        await Assertions.Expect(spectator.Row("Find a location").GetByTestId("milestone-status")).ToContainTextAsync("Pending");

        await owner.Page.Context.CloseAsync();
        await spectator.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task Stranger_OpeningSomeoneElsesGoal_SeesNoAccess()
    {
        var owner = new BoardPage(await server.RegisterAndSignInAsync(StriveServerFixture.NewEmail("private")));
        var url = await owner.CreateGoalAsync("A secret plan");

        var stranger = await server.RegisterAndSignInAsync(StriveServerFixture.NewEmail("stranger"));
        await stranger.GotoAsync(url);
        await Assertions.Expect(stranger.GetByTestId("goal-forbidden")).ToBeVisibleAsync();
        await Assertions.Expect(stranger.GetByTestId("milestone-board")).ToHaveCountAsync(0);

        await owner.Page.Context.CloseAsync();
        await stranger.Context.CloseAsync();
    }
}

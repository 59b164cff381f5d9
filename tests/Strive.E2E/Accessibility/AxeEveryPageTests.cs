using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Strive.Domain.Goals;
using Strive.Domain.Milestones;
using Strive.Domain.Supports;
using Strive.E2E.Board;
using Strive.E2E.Infrastructure;
using Xunit.Abstractions;

namespace Strive.E2E.Accessibility;

/// <summary>
/// Issue 13: axe-core finds nothing critical or serious on any page of the app, in the light theme and
/// in the dark one: the pages a visitor sees, the account pages, the goals list (full and empty), a board
/// with every kind of row (as its planner and as a supporter), its menus and dialogs open, the API keys
/// page in each of its states, and the error pages. A failure lists every finding with its element.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AxeEveryPageTests(StriveServerFixture server, ITestOutputHelper output)
{
    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task EveryPage_HasNoCriticalOrSeriousFindings(string theme)
    {
        var axe = new Axe();
        var owner = StriveServerFixture.NewEmail("axe-owner");
        var supporter = StriveServerFixture.NewEmail("axe-supporter");
        await (await server.RegisterAndSignInAsync(owner)).Context.CloseAsync();
        await (await server.RegisterAndSignInAsync(supporter)).Context.CloseAsync();
        var board = await SeedBoardAsync(owner);

        try
        {
            await CheckSignedOutPagesAsync(axe, theme);
            await CheckSupporterPagesAsync(axe, theme, owner, supporter, board);
            await CheckOwnerPagesAsync(axe, theme, owner, board);
        }
        finally
        {
            // Every finding (moderate ones too) is in the test's output, even when a step failed.
            output.WriteLine(axe.Report());
        }

        Assert.True(axe.Blocking.Count == 0, axe.Report());
    }

    private async Task CheckSignedOutPagesAsync(Axe axe, string theme)
    {
        var context = await server.NewContextAsync(colorScheme: Scheme(theme));
        await UseThemeAsync(context, theme);
        var page = await context.NewPageAsync();

        await CheckAtAsync(axe, page, theme, "", "landing-register", "landing page");
        await CheckAtAsync(axe, page, theme, "Account/Register", "register-email", "register");
        await CheckAtAsync(axe, page, theme, "Account/Login", "login-email", "sign in");
        await page.GetByTestId("login-email").FillAsync("nobody@example.com");
        await page.GetByTestId("login-password").FillAsync("wrong-password");
        await AccountPages.SubmitAndWaitForNewDocumentAsync(page, page.GetByTestId("login-submit"));
        await page.GetByTestId("login-error").WaitForAsync();
        await CheckAsync(axe, page, theme, "sign in, refused");
        await CheckAtAsync(axe, page, theme, "no-such-page", "not-found", "not found (signed out)");
        await context.CloseAsync();
    }

    private async Task CheckSupporterPagesAsync(Axe axe, string theme, string owner, string supporter, string board)
    {
        var page = await ThemedPageAsync(supporter, theme);
        await CheckAtAsync(axe, page, theme, "goals", "goals-empty", "goals list, empty");
        await CheckAtAsync(axe, page, theme, board, "goal-forbidden", "goal, no access");
        await CheckAtAsync(axe, page, theme, "goals/no-such-goal", "goal-not-found", "goal not found");

        var goalId = board["goals/".Length..];
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var ownerId = await server.UserIdAsync(owner);
            var stakeholders = scope.ServiceProvider.GetRequiredService<IStakeholderService>();
            Assert.True((await stakeholders.AddAsync(ownerId, goalId, supporter, StakeholderRoles.Supporter)).IsSuccess);
            var milestones = await scope.ServiceProvider.GetRequiredService<IMilestoneService>().ListAsync(ownerId, goalId);
            var pending = milestones.Value!.First(m => m.Status == MilestoneStatus.Pending);
            var pledge = await scope.ServiceProvider.GetRequiredService<ISupportService>()
                .PledgeAsync(await server.UserIdAsync(supporter), goalId, pending.Id, "I'll run the first 5 km with you");
            Assert.True(pledge.IsSuccess);
        }

        await PledgeStates.SeedAsync(server, owner, supporter, board);
        await CheckAtAsync(axe, page, theme, board, "milestone-board", "board, as a supporter, a pledge in every state");
        var boardPage = new BoardPage(page);
        await CheckDialogAsync(axe, page, theme, boardPage.Row("Half marathon").GetByTestId("milestone-pledge"), "pledge-text",
            "board, pledge dialog");
        await CheckDialogAsync(axe, page, theme, boardPage.Row("Run 15 km").GetByTestId("pledge-accept"), "pledge-decision-submit",
            "board, decide-pledge dialog");
        await page.Context.CloseAsync();
    }

    private async Task CheckOwnerPagesAsync(Axe axe, string theme, string ownerEmail, string board)
    {
        var owner = new BoardPage(await ThemedPageAsync(ownerEmail, theme));
        var page = owner.Page;
        await CheckAtAsync(axe, page, theme, "goals", "new-goal", "goals list");

        await page.GetByTestId("account-menu").GetByRole(AriaRole.Button).ClickAsync();
        await page.GetByTestId("sign-out").WaitForAsync();
        await CheckAsync(axe, page, theme, "goals list, account menu open");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.GetByTestId("sign-out")).ToBeHiddenAsync();

        await owner.OpenAsync(board);
        await CheckAsync(axe, page, theme, "board, as its planner");

        await owner.Rows.First.GetByTestId("milestone-status").ClickAsync();
        await page.GetByTestId("status-succeeded").WaitForAsync();
        await CheckAsync(axe, page, theme, "board, status menu open");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.GetByTestId("status-succeeded")).ToBeHiddenAsync();

        await owner.Rows.First.GetByTestId("milestone-menu").ClickAsync();
        await page.GetByTestId("milestone-delete").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.WaitForAsync();
        await CheckAsync(axe, page, theme, "board, delete confirmation");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);

        await owner.Rows.First.GetByTestId("milestone-content").ClickAsync();
        await page.GetByTestId("editor-content").WaitForAsync();
        await CheckAsync(axe, page, theme, "board, milestone editor open");
        await page.GetByTestId("editor-done").ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);

        await CheckDialogAsync(axe, page, theme, page.GetByTestId("edit-goal"), "edit-goal-title", "board, edit goal dialog");

        await CheckAtAsync(axe, page, theme, "goals", "new-goal", "goals list, again");
        await CheckDialogAsync(axe, page, theme, page.GetByTestId("new-goal"), "goal-title", "goals list, new goal dialog");

        await ApiKeysPages.OpenAsync(page);
        await CheckAsync(axe, page, theme, "API keys, none yet");
        await Interactive.ClickUntilVisibleAsync(page.GetByTestId("create-api-key"), page.GetByTestId("api-key-name"),
            "The create-key dialog");
        await page.GetByTestId("confirm-create-api-key").ClickAsync();
        await CheckAsync(axe, page, theme, "API keys, create dialog with errors");
        await page.GetByTestId("api-key-name").FillAsync("CI script");
        await page.GetByTestId("scope-goals:read").CheckAsync();
        await page.GetByTestId("confirm-create-api-key").ClickAsync();
        await page.GetByTestId("new-api-key").WaitForAsync();
        await CheckAsync(axe, page, theme, "API keys, new key shown once");
        await ApiKeysPages.HideNewKeyAsync(page);
        await ApiKeysPages.Row(page, "CI script").GetByTestId("revoke-api-key").ClickAsync();
        await page.GetByTestId("confirm-revoke").WaitForAsync();
        await CheckAsync(axe, page, theme, "API keys, revoke confirmation");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.GetByTestId("confirm-revoke")).ToHaveCountAsync(0);

        await CheckAtAsync(axe, page, theme, "Account/Manage", "profile-name", "account: profile");
        await CheckAtAsync(axe, page, theme, "Account/Manage/Email", "main", "account: email");
        await CheckAtAsync(axe, page, theme, "Account/Manage/ChangePassword", "current-password", "account: password");
        await page.Context.CloseAsync();
    }

    /// <summary>A goal with every kind of row: overdue with a description and subtasks, succeeded, failed, due later.</summary>
    private async Task<string> SeedBoardAsync(string owner)
    {
        var board = await server.GoalAsync(owner, "Run a marathon", []);
        var ownerId = await server.UserIdAsync(owner);
        var goalId = board["goals/".Length..];
        await using var scope = server.Services.CreateAsyncScope();
        var milestones = scope.ServiceProvider.GetRequiredService<IMilestoneService>();
        var now = server.Clock.GetUtcNow();
        var overdue = await milestones.CreateAsync(ownerId, goalId, new NewMilestone("Buy running shoes",
            "A pair that fits after 20 km", now.AddDays(-3), Subtasks: [new Subtask("Gait analysis", true), new Subtask("Try three brands", false)]));
        Assert.True(overdue.IsSuccess);
        foreach (var (content, status) in new[] { ("Run 5 km", MilestoneStatus.Succeeded), ("Run 10 km in the rain", MilestoneStatus.Failed) })
        {
            var created = await milestones.CreateAsync(ownerId, goalId, new NewMilestone(content));
            Assert.True((await milestones.UpdateAsync(ownerId, goalId, created.Value!.Id, new MilestoneChanges { Status = status })).IsSuccess);
        }

        Assert.True((await milestones.CreateAsync(ownerId, goalId, new NewMilestone("Half marathon", Deadline: now.AddDays(40)))).IsSuccess);
        return board;
    }

    private async Task<IPage> ThemedPageAsync(string email, string theme)
    {
        var page = await server.SignedInPageAsync(email, Scheme(theme));
        await UseThemeAsync(page.Context, theme);
        return page;
    }

    /// <summary>
    /// The theme as a returning reader has it: the system setting, and the cookie the app wrote on an
    /// earlier visit, which the statically rendered account pages and every first paint read.
    /// </summary>
    private Task UseThemeAsync(IBrowserContext context, string theme) =>
        context.AddCookiesAsync([new Cookie { Name = "strive-theme", Value = theme, Url = server.BaseUrl.ToString() }]);

    private static ColorScheme Scheme(string theme) => theme == "dark" ? ColorScheme.Dark : ColorScheme.Light;

    private static async Task CheckAtAsync(Axe axe, IPage page, string theme, string path, string readyTestId, string state)
    {
        await page.GotoAsync(path);
        var ready = readyTestId == "main" ? page.Locator("main") : page.GetByTestId(readyTestId);
        await ready.First.WaitForAsync();
        // Interactive pages are checked once their circuit is up (prerendered controls show disabled until then).
        await page.WaitForFunctionAsync("() => !document.querySelector('[data-interactive=false]')");
        await CheckAsync(axe, page, theme, state);
    }

    /// <summary>Opens a dialog with <paramref name="opener"/>, checks the page with it open, and closes it with Esc.</summary>
    private static async Task CheckDialogAsync(Axe axe, IPage page, string theme, ILocator opener, string readyTestId, string state)
    {
        await opener.ClickAsync();
        await page.GetByTestId(readyTestId).WaitForAsync();
        await CheckAsync(axe, page, theme, state);
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
    }

    /// <summary>Waits for the theme to show and for animations (a dialog fading in) to finish, then runs axe.</summary>
    private static async Task CheckAsync(Axe axe, IPage page, string theme, string state)
    {
        await page.WaitForFunctionAsync("""
            dark => {
                const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
                return ((0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.5) === dark;
            }
            """, theme == "dark");
        await page.WaitForFunctionAsync("() => document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)");
        await axe.CheckAsync(page, $"{theme}: {state}");
    }
}

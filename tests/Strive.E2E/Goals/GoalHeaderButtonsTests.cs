using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Strive.Domain.Goals;
using Strive.E2E.Board;
using Strive.E2E.Infrastructure;

namespace Strive.E2E.Goals;

/// <summary>
/// Issue 24, rows 12 and 16: before the page is interactive the goal's buttons show disabled (a click there
/// would be lost); a public goal offers "Copy public link", which puts the goal's address on the clipboard.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class GoalHeaderButtonsTests(StriveServerFixture server)
{
    [Fact]
    public async Task BeforeTheCircuitIsUp_EditGoalAndCopyLink_ShowDisabled()
    {
        var email = StriveServerFixture.NewEmail("prerendered");
        await (await server.RegisterAndSignInAsync(email)).Context.CloseAsync();
        var path = await PublicGoalAsync(email);
        var page = await server.SignedInPageAsync(email);
        // Without Blazor's script no circuit ever starts: the page stays as prerendered.
        await page.RouteAsync("**/_framework/blazor.web*.js", route => route.AbortAsync());
        await page.GotoAsync(path);

        await Assertions.Expect(page.GetByTestId("edit-goal")).ToBeDisabledAsync();
        await Assertions.Expect(page.GetByTestId("copy-public-link")).ToBeDisabledAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PublicGoal_CopyPublicLink_PutsTheGoalsAddressOnTheClipboard()
    {
        var email = StriveServerFixture.NewEmail("public-link");
        await (await server.RegisterAndSignInAsync(email)).Context.CloseAsync();
        var path = await PublicGoalAsync(email);
        var board = new BoardPage(await server.SignedInPageAsync(email));
        await board.Page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await board.OpenAsync(path);

        await board.Page.GetByTestId("copy-public-link").ClickAsync();
        await Assertions.Expect(board.Page.GetByText("Public link copied")).ToBeVisibleAsync();
        Assert.Equal(server.BaseUrl + path, await board.Page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));

        var privatePath = await server.GoalAsync(email, "Keep a diary", ["Buy a notebook"]);
        await board.OpenAsync(privatePath);
        await Assertions.Expect(board.Page.GetByTestId("copy-public-link")).ToHaveCountAsync(0);
        await board.Page.Context.CloseAsync();
    }

    private async Task<string> PublicGoalAsync(string email)
    {
        var path = await server.GoalAsync(email, "Walk the Camino", ["Buy boots"]);
        await using var scope = server.Services.CreateAsyncScope();
        var updated = await scope.ServiceProvider.GetRequiredService<IGoalService>()
            .UpdateAsync(await server.UserIdAsync(email), path["goals/".Length..], new GoalChanges { IsPublic = true });
        Assert.True(updated.IsSuccess);
        return path;
    }
}

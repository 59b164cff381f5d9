using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Strive.Domain.Goals;
using Strive.Domain.Milestones;
using Strive.E2E.Board;
using Strive.E2E.Infrastructure;

namespace Strive.E2E.Goals;

/// <summary>A goal's link in a real browser (docs/api/API.md "Public goals").</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class PublicGoalTests(StriveServerFixture server)
{
    [Fact]
    public async Task Anonymous_OpensAPublicLink_ReadsTheBoardWithoutACircuit_ThenSignsInAndFollows()
    {
        var owner = StriveServerFixture.NewEmail("owner");
        await (await server.RegisterAndSignInAsync(owner)).Context.CloseAsync();
        var path = await PlanAsync(owner, "Walk the Camino", isPublic: true);
        var reader = StriveServerFixture.NewEmail("reader");
        await (await server.RegisterAndSignInAsync(reader)).Context.CloseAsync();

        var page = await server.NewPageAsync();
        var circuitTraffic = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/_blazor", StringComparison.Ordinal))
            {
                circuitTraffic.Add(request.Url);
            }
        };
        page.WebSocket += (_, socket) => circuitTraffic.Add(socket.Url);
        await page.GotoAsync(path);

        await Assertions.Expect(page.GetByTestId("public-goal")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("goal-heading")).ToHaveTextAsync("Walk the Camino");
        await Assertions.Expect(page.GetByTestId("milestone-content")).ToHaveTextAsync(["Pack light", "Reach Santiago"]);
        await Assertions.Expect(page.GetByTestId("milestone-status").First).ToContainTextAsync("Succeeded");
        await Assertions.Expect(page.GetByTestId("goal-progress")).ToContainTextAsync("1 succeeded of 2");
        await Assertions.Expect(page.GetByTestId("milestone-board")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("edit-goal")).ToHaveCountAsync(0);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Empty(circuitTraffic);

        await page.GetByTestId("sign-in-to-follow").ClickAsync();
        await AccountPages.SubmitSignInAsync(page, reader, StriveServerFixture.DefaultPassword);
        await Assertions.Expect(page).ToHaveURLAsync(server.BaseUrl + path);
        await AccountPages.SubmitAndWaitForNewDocumentAsync(page, page.GetByTestId("follow-goal"));

        var board = new BoardPage(page);
        await board.WaitUntilInteractiveAsync();
        await Assertions.Expect(page).ToHaveURLAsync(server.BaseUrl + path);
        await Assertions.Expect(page.GetByTestId("goal-header").GetByTestId("roles")).ToHaveTextAsync("Spectator");
        await Assertions.Expect(board.Rows.GetByTestId("milestone-content")).ToHaveTextAsync(["Pack light", "Reach Santiago"]);
        Assert.Equal(StakeholderRoles.Spectator, await RolesAsync(reader, path));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PrivateLink_AsksStrangersToSignIn_AndTellsOthersTheyHaveNoAccess()
    {
        var owner = StriveServerFixture.NewEmail("owner");
        await (await server.RegisterAndSignInAsync(owner)).Context.CloseAsync();
        var path = await PlanAsync(owner, "Secret plan", isPublic: false);

        var stranger = await server.NewPageAsync();
        await stranger.GotoAsync(path);
        await Assertions.Expect(stranger).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
        await Assertions.Expect(stranger.GetByTestId("login-email")).ToBeVisibleAsync();
        await Assertions.Expect(stranger.GetByText("Pack light")).ToHaveCountAsync(0);
        await stranger.Context.CloseAsync();

        var other = await server.RegisterAndSignInAsync(StriveServerFixture.NewEmail("other"));
        await other.GotoAsync(path);
        await Assertions.Expect(other.GetByTestId("goal-forbidden")).ToBeVisibleAsync();
        await Assertions.Expect(other.GetByText("Pack light")).ToHaveCountAsync(0);
        await other.Context.CloseAsync();
    }

    private async Task<string> PlanAsync(string email, string title, bool isPublic)
    {
        var userId = await server.UserIdAsync(email);
        await using var scope = server.Services.CreateAsyncScope();
        var goals = scope.ServiceProvider.GetRequiredService<IGoalService>();
        var milestones = scope.ServiceProvider.GetRequiredService<IMilestoneService>();
        var goal = (await goals.CreateAsync(userId, new NewGoal(title, IsPublic: isPublic))).Value!;
        var first = (await milestones.CreateAsync(userId, goal.Id, new NewMilestone("Pack light"))).Value!;
        await milestones.CreateAsync(userId, goal.Id, new NewMilestone("Reach Santiago"));
        await milestones.UpdateAsync(userId, goal.Id, first.Id, new MilestoneChanges { Status = MilestoneStatus.Succeeded });
        return $"goals/{goal.Id}";
    }

    private async Task<StakeholderRoles> RolesAsync(string email, string path)
    {
        var userId = await server.UserIdAsync(email);
        await using var scope = server.Services.CreateAsyncScope();
        var goal = await scope.ServiceProvider.GetRequiredService<IGoalService>().GetAsync(userId, path["goals/".Length..]);
        return goal.Value!.MyRoles;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Strive.Domain.Goals;
using Strive.E2E.Infrastructure;

namespace Strive.E2E.Board;

/// <summary>Issue 13: someone looking at a goal sees their access change as it happens, without a reload.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class BoardAccessTests(StriveServerFixture server)
{
    [Fact]
    public async Task AccessChangesApplyLive_Invited_RoleChanged_Removed()
    {
        var ownerEmail = StriveServerFixture.NewEmail("owner");
        var guestEmail = StriveServerFixture.NewEmail("guest");
        await (await server.RegisterAndSignInAsync(ownerEmail)).Context.CloseAsync();
        var guest = new BoardPage(await server.RegisterAndSignInAsync(guestEmail));
        var path = await server.GoalAsync(ownerEmail, "Live access", ["Plan", "Race"]);
        var owner = await server.UserIdAsync(ownerEmail);
        var guestId = await server.UserIdAsync(guestEmail);
        var goalId = path["goals/".Length..];

        await guest.Page.GotoAsync(path);
        await Assertions.Expect(guest.Page.GetByTestId("goal-forbidden")).ToBeVisibleAsync();

        await ChangeAsync(s => s.AddAsync(owner, goalId, guestEmail, StakeholderRoles.Spectator));
        await guest.WaitUntilInteractiveAsync();
        await guest.ExpectOrderAsync("Plan", "Race");
        await Assertions.Expect(guest.Page.GetByTestId("new-milestone-content")).ToHaveCountAsync(0);

        await ChangeAsync(s => s.ChangeRolesAsync(owner, goalId, guestId, StakeholderRoles.Achiever));
        await Assertions.Expect(guest.Page.GetByTestId("new-milestone-content")).ToBeEditableAsync();
        await guest.AddMilestoneAsync("Celebrate");

        await ChangeAsync(s => s.RemoveAsync(owner, goalId, guestId));
        await Assertions.Expect(guest.Page.GetByTestId("goal-forbidden")).ToBeVisibleAsync();
        await Assertions.Expect(guest.Board).ToHaveCountAsync(0);
        await guest.Page.Context.CloseAsync();
    }

    private async Task ChangeAsync<T>(Func<IStakeholderService, Task<Strive.Domain.Common.Result<T>>> change)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var result = await change(scope.ServiceProvider.GetRequiredService<IStakeholderService>());
        Assert.True(result.IsSuccess, result.IsSuccess ? "" : result.Error.Message);
    }
}

using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Strive.Domain.Goals;
using Strive.E2E.Board;
using Strive.E2E.Infrastructure;

namespace Strive.E2E.Accounts;

/// <summary>Issue 27 as a person walks it: delete and restore a goal, leave one, take one's data, close the account.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class YourDataTests(StriveServerFixture server)
{
    [Fact]
    public async Task DeleteRestoreLeave_DownloadMyData_SignOutEverywhere_AndDeleteMyAccount()
    {
        var email = StriveServerFixture.NewEmail("owner");
        var page = await server.RegisterAndSignInAsync(email);
        var path = await server.GoalAsync(email, "Made by mistake", ["First step"]);
        var board = new BoardPage(page);

        // Delete the goal, find it under Recently deleted, restore it.
        await board.OpenAsync(path);
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Interactive.ClickUntilVisibleAsync(page.GetByTestId("delete-goal"), dialog, "The delete confirmation");
        await Assertions.Expect(dialog).ToContainTextAsync("Made by mistake");
        await Assertions.Expect(dialog).ToContainTextAsync("1 milestone");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete goal" }).ClickAsync();
        await page.WaitForURLAsync("**/goals");
        var deleted = page.GetByTestId("recently-deleted").GetByTestId("deleted-goal");
        await Assertions.Expect(deleted).ToContainTextAsync("Made by mistake");
        await Interactive.ClickUntilVisibleAsync(deleted.GetByTestId("restore-goal"), page.GetByTestId("goal-heading"),
            "The restored goal's board");
        await Assertions.Expect(page.GetByTestId("goal-heading")).ToHaveTextAsync("Made by mistake");

        // Leave someone else's goal as its supporter.
        var friend = StriveServerFixture.NewEmail("friend");
        var friendPage = await server.RegisterAndSignInAsync(friend);
        var theirs = await server.GoalAsync(friend, "Friend's marathon", ["Buy shoes"]);
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var added = await scope.ServiceProvider.GetRequiredService<IStakeholderService>()
                .AddAsOperatorAsync(theirs["goals/".Length..], email, StakeholderRoles.Supporter);
            Assert.True(added.IsSuccess);
        }

        await board.OpenAsync(theirs);
        await Interactive.ClickUntilVisibleAsync(page.GetByTestId("leave-goal"), dialog, "The leave confirmation");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Leave goal" }).ClickAsync();
        await page.WaitForURLAsync("**/goals");
        await Assertions.Expect(page.GetByTestId("goal-card").Filter(new() { HasText = "Friend's marathon" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("goal-card")).ToHaveCountAsync(1);
        await friendPage.Context.CloseAsync();

        // Download my data.
        await page.GotoAsync("Account/Manage/Data");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-my-data").ClickAsync());
        using var data = JsonDocument.Parse(await File.ReadAllTextAsync(await download.PathAsync()));
        Assert.Equal(email, data.RootElement.GetProperty("account").GetProperty("email").GetString());
        Assert.Equal(["Made by mistake"], data.RootElement.GetProperty("goals").EnumerateArray()
            .Select(g => g.GetProperty("goal").GetProperty("title").GetString()!));

        // Sign out everywhere: another browser of the same person is signed out on its next page.
        var elsewhere = await server.SignedInPageAsync(email);
        await AccountPages.SubmitAndWaitForNewDocumentAsync(page, page.GetByTestId("sign-out-everywhere"));
        await elsewhere.GotoAsync("Account/Manage");
        await Assertions.Expect(elsewhere).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("Account/Login"));
        await elsewhere.Context.CloseAsync();

        // Delete my account: afterwards the password no longer signs in.
        await AccountPages.SignInAsync(page, email, StriveServerFixture.DefaultPassword);
        await page.GotoAsync("Account/Manage/Data");
        await Assertions.Expect(page.GetByTestId("sole-admin-goals")).ToContainTextAsync("Made by mistake");
        await page.GetByTestId("delete-account-password").FillAsync(StriveServerFixture.DefaultPassword);
        await AccountPages.SubmitAndWaitForNewDocumentAsync(page, page.GetByTestId("delete-account-submit"));
        await AccountPages.SubmitSignInAsync(page, email, StriveServerFixture.DefaultPassword);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("Account/Login"));
        await page.Context.CloseAsync();
    }
}

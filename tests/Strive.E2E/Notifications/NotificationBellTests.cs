using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Strive.Domain.Goals;
using Strive.E2E.Board;
using Strive.E2E.Infrastructure;

namespace Strive.E2E.Notifications;

/// <summary>Issue 26, "Done when": a supporter's bell rings without a reload when the milestone they backed is done.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class NotificationBellTests(StriveServerFixture server)
{
    [Fact]
    public async Task SupporterPledges_AchieverCompletes_SupportersBellShowsOneWithinASecond_AndTheEntryOpensTheMilestone()
    {
        var adminEmail = StriveServerFixture.NewEmail("achiever");
        var supporterEmail = StriveServerFixture.NewEmail("supporter");
        var achiever = new BoardPage(await server.RegisterAndSignInAsync(adminEmail));
        var supporter = new BoardPage(await server.RegisterAndSignInAsync(supporterEmail));
        var boardPath = await server.GoalAsync(adminEmail, "Swim a mile", ["Swim 500 m", "Swim a mile"]);
        var goalId = boardPath.Split('/')[^1];
        using (var scope = server.Services.CreateScope())
        {
            var added = await scope.ServiceProvider.GetRequiredService<IStakeholderService>()
                .AddAsOperatorAsync(goalId, supporterEmail, StakeholderRoles.Supporter);
            Assert.True(added.IsSuccess, added.Error?.Message);
        }

        // The supporter pledges from the board and stays there: the bell, listening, has nothing yet.
        await supporter.OpenAsync(boardPath);
        await supporter.Row("Swim 500 m").GetByTestId("milestone-pledge").ClickAsync();
        await supporter.Page.GetByTestId("pledge-text").FillAsync("New goggles");
        await supporter.Page.GetByTestId("pledge-submit").ClickAsync();
        await Assertions.Expect(supporter.Row("Swim 500 m").GetByTestId("pledge")).ToContainTextAsync("New goggles");
        var bell = supporter.Page.GetByTestId("notification-bell");
        await Assertions.Expect(bell).ToHaveAttributeAsync("data-live", "true");
        await Assertions.Expect(bell).ToHaveAttributeAsync("data-unread", "0");

        // The achiever completes the milestone; the supporter's bell shows 1 within a second, with no reload.
        await achiever.OpenAsync(boardPath);
        await achiever.SetStatusAsync("Swim 500 m", "status-succeeded");
        await Assertions.Expect(bell.GetByTestId("notification-count")).ToHaveTextAsync("1", new() { Timeout = 1000 });

        // The entry opens the milestone on its board, and reading it clears the count.
        await bell.ClickAsync();
        var entry = supporter.Page.GetByTestId("notification");
        await Assertions.Expect(entry).ToHaveCountAsync(1);
        await Assertions.Expect(entry).ToContainTextAsync("New goggles");
        await entry.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(supporter.Page).ToHaveURLAsync(new Regex(Regex.Escape(boardPath) + "#milestone-"));
        await Assertions.Expect(supporter.Row("Swim 500 m")).ToBeVisibleAsync();
        await Assertions.Expect(bell).ToHaveAttributeAsync("data-unread", "0");

        await supporter.Page.Context.CloseAsync();
        await achiever.Page.Context.CloseAsync();
    }
}

using Microsoft.Playwright;
using Strive.E2E.Board;
using Strive.E2E.Infrastructure;

namespace Strive.E2E.Supports;

/// <summary>Issue 24, row 17: a refused invite by email stops showing once the admin makes a link instead.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class InviteErrorTests(StriveServerFixture server)
{
    [Fact]
    public async Task InviteByUnknownEmail_ThenCreateLink_ClearsTheStaleError()
    {
        var email = StriveServerFixture.NewEmail("stale-error");
        var admin = new BoardPage(await server.RegisterAndSignInAsync(email));
        await admin.OpenAsync(await server.GoalAsync(email, "Climb Kilimanjaro", ["Train"]));
        var page = admin.Page;

        await page.GetByTestId("invite-open").ClickAsync();
        await page.GetByTestId("invite-email").FillAsync(StriveServerFixture.NewEmail("nobody"));
        await page.GetByTestId("invite-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("invite-error")).ToBeVisibleAsync();

        await page.GetByTestId("invite-link-create").ClickAsync();
        await Assertions.Expect(page.GetByTestId("invite-link-url")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("invite-error")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}

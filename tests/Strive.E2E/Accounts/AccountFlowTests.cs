using Microsoft.Playwright;
using Strive.E2E.Infrastructure;

namespace Strive.E2E.Accounts;

[Collection(BrowserTestGroup.Name)]
public sealed class AccountFlowTests(StriveServerFixture server)
{
    [Fact]
    public async Task Register_SignOut_SignBackIn_ReachesGoals()
    {
        var email = StriveServerFixture.NewEmail("flow");
        var page = await server.NewPageAsync();

        await AccountPages.RegisterAsync(page, email, StriveServerFixture.DefaultPassword);
        Assert.EndsWith("/goals", page.Url, StringComparison.Ordinal);

        await AccountPages.SignOutAsync(page);
        Assert.Equal(server.BaseUrl.ToString(), page.Url);
        Assert.True(await page.GetByTestId("landing-sign-in").IsVisibleAsync());

        await page.GotoAsync("goals");
        await page.WaitForURLAsync("**/Account/Login**");

        await AccountPages.SignInAsync(page, email, StriveServerFixture.DefaultPassword);
        Assert.EndsWith("/goals", page.Url, StringComparison.Ordinal);
        Assert.True(await page.GetByTestId("account-menu").IsVisibleAsync());

        // Signed in, the landing page has nothing to offer: it sends you to your goals.
        await page.GotoAsync("");
        await page.WaitForURLAsync("**/goals");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AccountMenu_LinkTakesYouThere_AndTheMenuCloses()
    {
        var page = await server.RegisterAndSignInAsync(StriveServerFixture.NewEmail("menu-link"));
        await Assertions.Expect(page.GetByTestId("new-goal")).ToBeEnabledAsync();

        await page.GetByTestId("account-menu").GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.GetByTestId("sign-out")).ToBeVisibleAsync();
        await page.Locator("#strive-account-popover").GetByRole(AriaRole.Link, new() { Name = "API keys" }).ClickAsync();

        await page.WaitForURLAsync("**/settings/api-keys");
        await Assertions.Expect(page.GetByTestId("sign-out")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("create-api-key")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccountWithAReadableMessage()
    {
        var email = StriveServerFixture.NewEmail("lockout");
        var registered = await server.RegisterAndSignInAsync(email);
        await registered.Context.CloseAsync();

        var page = await server.NewPageAsync();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await AccountPages.SubmitSignInAsync(page, email, $"Wrong-passw0rd-{attempt}");
            Assert.Equal("That email and password do not match an account.",
                (await page.GetByTestId("login-error").InnerTextAsync()).Trim());
        }

        await AccountPages.SubmitSignInAsync(page, email, "Wrong-passw0rd-5");
        var lockedMessage = (await page.GetByTestId("login-error").InnerTextAsync()).Trim();
        Assert.Equal("This account is locked after too many failed sign-ins. Try again in 5 minutes.", lockedMessage);

        // Even the right password is refused while the lockout lasts.
        await AccountPages.SubmitSignInAsync(page, email, StriveServerFixture.DefaultPassword);
        Assert.Contains("/Account/Login", page.Url, StringComparison.Ordinal);
        Assert.Equal(lockedMessage, (await page.GetByTestId("login-error").InnerTextAsync()).Trim());
        await page.Context.CloseAsync();
    }
}

using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Strive.E2E.Infrastructure;

namespace Strive.E2E.Shell;

[Collection(BrowserTestGroup.Name)]
public sealed class ThemeTests(StriveServerFixture server)
{
    [Fact]
    public async Task DarkSystemTheme_StaysDark_WhileNavigatingInsideTheApp()
    {
        var email = StriveServerFixture.NewEmail("night");
        await (await server.RegisterAndSignInAsync(email)).Context.CloseAsync();
        var page = await server.SignedInPageAsync(email, ColorScheme.Dark);
        await using var context = page.Context;

        await Assertions.Expect(page.GetByTestId("new-goal")).ToBeEnabledAsync();
        await ExpectDarkAsync(page, "the goals page should follow the dark system theme");

        await page.GetByTestId("nav-api-keys").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/settings/api-keys$"));
        await Assertions.Expect(page.GetByTestId("create-api-key")).ToBeVisibleAsync();
        await ExpectDarkAsync(page, "navigating to the API keys page should keep the dark theme");

        await page.GetByTestId("nav-goals").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/goals$"));
        await Assertions.Expect(page.GetByTestId("new-goal")).ToBeVisibleAsync();
        await ExpectDarkAsync(page, "coming back to the goals page should keep the dark theme");
    }

    /// <summary>
    /// Dark when the page background is closer to black than to white. The system setting is read
    /// once the circuit is up, so the first paint may still be light: allow it a few seconds.
    /// </summary>
    private static async Task ExpectDarkAsync(IPage page, string because)
    {
        try
        {
            await page.WaitForFunctionAsync("""
                () => {
                    const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
                    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.5;
                }
                """, null, new PageWaitForFunctionOptions { Timeout = 5000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{because}; the background is {await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor")}");
        }
    }
}

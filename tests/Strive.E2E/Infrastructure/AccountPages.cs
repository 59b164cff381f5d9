using Microsoft.Playwright;

namespace Strive.E2E.Infrastructure;

/// <summary>Thin page objects for the account pages and the account menu, located by data-testid.</summary>
public static class AccountPages
{
    /// <summary>Fills the register form and waits for the app to land on /goals, signed in.</summary>
    public static async Task RegisterAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("Account/Register");
        await page.GetByTestId("register-email").FillAsync(email);
        await page.GetByTestId("register-password").FillAsync(password);
        await page.GetByTestId("register-confirm").FillAsync(password);
        await page.GetByTestId("register-submit").ClickAsync();
        await page.WaitForURLAsync("**/goals");
    }

    /// <summary>Submits the sign-in form and waits for the answer page (success or not) to load.</summary>
    public static async Task SubmitSignInAsync(IPage page, string email, string password)
    {
        if (!page.Url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase))
        {
            await page.GotoAsync("Account/Login");
        }

        await page.GetByTestId("login-email").FillAsync(email);
        await page.GetByTestId("login-password").FillAsync(password);
        await SubmitAndWaitForNewDocumentAsync(page, page.GetByTestId("login-submit"));
    }

    /// <summary>Signs in and waits for /goals.</summary>
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await SubmitSignInAsync(page, email, password);
        await page.WaitForURLAsync("**/goals");
    }

    /// <summary>Opens the account menu (once the page is interactive) and signs out.</summary>
    public static async Task SignOutAsync(IPage page)
    {
        var signOut = page.GetByTestId("sign-out");
        await Interactive.ClickUntilVisibleAsync(page.GetByTestId("account-menu"), signOut,
            "The account menu's sign-out item");
        await SubmitAndWaitForNewDocumentAsync(page, signOut);
    }

    /// <summary>
    /// Clicks a button that posts a plain form and waits until the browser shows the new document,
    /// even when it has the same URL as the old one.
    /// </summary>
    public static async Task SubmitAndWaitForNewDocumentAsync(IPage page, ILocator submit)
    {
        await page.EvaluateAsync("() => document.documentElement.dataset.submitted = 'yes'");
        await submit.ClickAsync();
        await page.WaitForSelectorAsync("html:not([data-submitted])", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }
}

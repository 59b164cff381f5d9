using Microsoft.Playwright;
using Strive.E2E.Infrastructure;

namespace Strive.E2E;

/// <summary>Thin page object for /settings/api-keys, located by data-testid.</summary>
public static class ApiKeysPages
{
    /// <summary>Opens the page and waits until it answers clicks (the Blazor circuit is up).</summary>
    public static async Task OpenAsync(IPage page)
    {
        await page.GotoAsync("settings/api-keys");
        await page.GetByTestId("api-key-limit").WaitForAsync();
    }

    /// <summary>Creates a key through the dialog and returns the raw key the page shows once.</summary>
    public static async Task<string> CreateAsync(IPage page, string name, IEnumerable<string> scopes, DateOnly? expiresOn = null)
    {
        await OpenCreateDialogAsync(page);
        await page.GetByTestId("api-key-name").FillAsync(name);
        foreach (var scope in scopes)
        {
            await page.GetByTestId($"scope-{scope}").CheckAsync();
        }

        if (expiresOn is { } day)
        {
            var expires = page.GetByTestId("api-key-expires");
            await expires.FillAsync(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await expires.PressAsync("Tab");
        }

        await page.GetByTestId("confirm-create-api-key").ClickAsync();
        return await page.GetByTestId("new-api-key").InputValueAsync();
    }

    /// <summary>Hides the once-only panel, as the user does after saving the key.</summary>
    public static Task HideNewKeyAsync(IPage page) => page.GetByTestId("close-new-api-key").ClickAsync();

    public static ILocator Row(IPage page, string name) =>
        page.GetByTestId("api-key-row").Filter(new LocatorFilterOptions { HasText = name });

    public static async Task RevokeAsync(IPage page, string name)
    {
        await Row(page, name).GetByTestId("revoke-api-key").ClickAsync();
        await page.GetByTestId("confirm-revoke").ClickAsync();
    }

    private static Task OpenCreateDialogAsync(IPage page) =>
        Interactive.ClickUntilVisibleAsync(page.GetByTestId("create-api-key"), page.GetByTestId("api-key-name"),
            "The create-key dialog's name field");
}

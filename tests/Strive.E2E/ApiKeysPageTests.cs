using System.Net;
using System.Net.Http.Headers;
using Microsoft.Playwright;
using Strive.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Strive.E2E;

[Collection(BrowserTestGroup.Name)]
public sealed class ApiKeysPageTests(StriveServerFixture server) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = server.BaseUrl };

    [Fact]
    public async Task KeyCreatedOnThePage_WorksOnTheApi_UntilRevokedOnThePage()
    {
        var page = await server.RegisterAndSignInAsync(StriveServerFixture.NewEmail("keys"));
        await ApiKeysPages.OpenAsync(page);

        var rawKey = await ApiKeysPages.CreateAsync(page, "CI script", ["goals:read", "milestones:read"]);

        Assert.Matches("^sk_live_[0-9a-f]{64}$", rawKey);
        Assert.Equal(HttpStatusCode.OK, await GetGoalsStatusAsync(rawKey));

        await ApiKeysPages.HideNewKeyAsync(page);
        await Expect(page.GetByTestId("new-api-key")).ToHaveCountAsync(0);
        Assert.DoesNotContain(rawKey, await page.ContentAsync(), StringComparison.Ordinal);

        await ApiKeysPages.RevokeAsync(page, "CI script");
        await Expect(ApiKeysPages.Row(page, "CI script")).ToHaveCountAsync(0);

        // Issue 24, row 18: the revoked key stays listed as history, with when it was revoked and last used.
        var revoked = page.GetByTestId("revoked-api-key-row").Filter(new() { HasText = "CI script" });
        await Expect(revoked.Locator("td[data-label=Revoked]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("just now|minutes? ago"));
        await Expect(revoked.Locator("td[data-label='Last used']")).ToHaveTextAsync(
            new System.Text.RegularExpressions.Regex("just now|minutes? ago"));
        await Expect(page.GetByTestId("api-keys-empty")).ToContainTextAsync("No active API keys");
        await page.ReloadAsync();
        await Expect(page.GetByTestId("revoked-api-key-row")).ToHaveCountAsync(1);

        Assert.Equal(HttpStatusCode.Unauthorized, await GetGoalsStatusAsync(rawKey));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ThreeKeys_ShowExpiryAndLastUse_AndReadAsCardsAtPhoneWidth()
    {
        // A readable name, as the screenshots in docs/ show it; this database is fresh for each run.
        var page = await server.RegisterAndSignInAsync("ada@example.com");
        await ApiKeysPages.OpenAsync(page);
        var used = await ApiKeysPages.CreateAsync(page, "Home dashboard", ["goals:read", "milestones:read", "user:read"]);
        await ApiKeysPages.HideNewKeyAsync(page);
        await GetGoalsStatusAsync(used);
        await ApiKeysPages.CreateAsync(page, "Zapier sync", ["goals:read", "goals:write", "milestones:write"],
            server.Clock.Today.AddDays(3));
        await ApiKeysPages.HideNewKeyAsync(page);
        await ApiKeysPages.CreateAsync(page, "Backup script", ["goals:read", "milestones:read", "supports:read"]);
        await ApiKeysPages.HideNewKeyAsync(page);
        await page.ReloadAsync();
        await Expect(page.GetByTestId("api-key-row")).ToHaveCountAsync(3);
        await Expect(ApiKeysPages.Row(page, "Zapier sync")).ToContainTextAsync("in 3 days");
        await Expect(ApiKeysPages.Row(page, "Home dashboard")).ToContainTextAsync(
            new System.Text.RegularExpressions.Regex("just now|minutes? ago"));
        await SaveScreenshotAsync(page, "api-keys-desktop.png");

        await page.SetViewportSizeAsync(390, 844);

        var header = page.Locator(".keys-table thead");
        await Expect(header).ToBeHiddenAsync();
        var overflow = await page.EvaluateAsync<int>(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The page scrolls sideways by {overflow}px at phone width.");
        // The layout answers the resize in steps (the CSS media queries at once, the navigation drawer when
        // MudBlazor's breakpoint listener fires): wait for the button to come inside the viewport, then measure.
        var button = ApiKeysPages.Row(page, "Zapier sync").GetByTestId("revoke-api-key");
        await page.WaitForFunctionAsync(
            "el => el.getBoundingClientRect().right <= document.documentElement.clientWidth",
            await button.ElementHandleAsync(), new PageWaitForFunctionOptions { Timeout = 5000 });
        var revoke = await button.BoundingBoxAsync();
        Assert.True(revoke is { } box && box.X + box.Width <= 390, "The revoke button sits off the right edge.");
        await SaveScreenshotAsync(page, "api-keys-phone.png");
        await page.Context.CloseAsync();
    }

    private async Task<HttpStatusCode> GetGoalsStatusAsync(string rawKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/goals");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", rawKey);
        using var response = await _http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>With STRIVE_SCREENSHOTS set to a folder, saves the page there (docs/screenshots is made this way).</summary>
    private static async Task SaveScreenshotAsync(IPage page, string fileName)
    {
        if (Environment.GetEnvironmentVariable("STRIVE_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, fileName), FullPage = true });
        }
    }

    public void Dispose() => _http.Dispose();
}

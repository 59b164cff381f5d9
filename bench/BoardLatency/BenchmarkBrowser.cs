using Microsoft.Playwright;
using Strive.Tests.Files;

namespace Strive.Bench.BoardLatency;

/// <summary>
/// One headless Debian Chromium (/usr/bin/chromium: Playwright's own browser download is not used)
/// with the timing probes installed in every page at document start, signed in through the real
/// sign-in page.
/// </summary>
internal sealed class BenchmarkBrowser : IAsyncDisposable
{
    public static readonly string ChromiumPath = ToolPath.Chromium;

    /// <summary>Every Playwright wait is bounded by this unless it names its own timeout.</summary>
    public const int DefaultTimeoutMs = 15_000;

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IPage Page { get; private set; } = default!;

    public string Version => _browser?.Version ?? "?";

    public static async Task<BenchmarkBrowser> LaunchAsync(Uri baseUrl)
    {
        var session = new BenchmarkBrowser();
        session._playwright = await Playwright.CreateAsync();
        session._browser = await session._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                // Loopback only: every other host name fails to resolve, so nothing leaves the machine.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
            ],
        });
        var context = await session._browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 860 },
        });
        context.SetDefaultTimeout(DefaultTimeoutMs);
        context.SetDefaultNavigationTimeout(DefaultTimeoutMs * 2);
        await context.AddInitScriptAsync(ReadProbe());
        session.Page = await context.NewPageAsync();
        return session;
    }

    /// <summary>Signs in through the sign-in page, as a person does, and waits for /goals.</summary>
    public async Task SignInAsync(string email, string password)
    {
        await Page.GotoAsync("Account/Login");
        await Page.GetByTestId("login-email").FillAsync(email);
        await Page.GetByTestId("login-password").FillAsync(password);
        await Page.GetByTestId("login-submit").ClickAsync();
        await Page.WaitForURLAsync("**/goals");
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }

    private static string ReadProbe()
    {
        using var stream = typeof(BenchmarkBrowser).Assembly.GetManifestResourceStream("board-probe.js")
            ?? throw new InvalidOperationException("board-probe.js is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

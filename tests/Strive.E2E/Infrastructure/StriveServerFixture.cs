using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Strive.Tests.Files;

namespace Strive.E2E.Infrastructure;

/// <summary>
/// The real app on Kestrel (loopback, a free port) over a temp SQLite file, plus one headless Debian
/// Chromium. Shared by every browser test through <see cref="BrowserTestGroup"/>, so both start once
/// per run; each test opens its own browser context (own cookies) and uses its own accounts.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001",
    Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public sealed class StriveServerFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "strive-e2e", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string> _storageStates = new(StringComparer.OrdinalIgnoreCase);
    private SqliteAppFactory? _app;
    private Chromium? _chromium;

    public IBrowser Browser => _chromium!.Browser;

    /// <summary>Where the app listens, with a trailing slash, for example http://127.0.0.1:41234/.</summary>
    public Uri BaseUrl { get; private set; } = default!;

    public string DatabasePath => Path.Combine(_folder, "strive.db");

    /// <summary>
    /// The app's clock: it starts on a fixed day whatever the machine's date, so a test's expected dates
    /// (and "due in N days") hold next year too. Dates a test seeds or types are relative to its <see cref="TestClock.Today"/>.
    /// </summary>
    public TestClock Clock { get; } = new();

    /// <summary>The app's services, for seeding through the domain what a test does not exercise.</summary>
    public IServiceProvider Services => _app!.Services;

    /// <summary>A password that satisfies the Identity rules, for tests that don't care which.</summary>
    public const string DefaultPassword = "Str1ve-Passw0rd!";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        // Development serves the static web assets (MudBlazor's CSS and JS) straight from the build.
        _app = new SqliteAppFactory(DatabasePath, "Development", Clock);
        _app.UseKestrel(0);
        _app.StartServer();
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseUrl = new Uri(addresses.Addresses.First().TrimEnd('/') + "/");

        _chromium = await Chromium.LaunchAsync();
    }

    /// <summary>
    /// A fresh browser context whose relative URLs resolve against the app: no cookies, or those saved
    /// at <paramref name="storageStatePath"/>; in the time zone <paramref name="timezoneId"/> (an IANA id)
    /// when given, else the machine's.
    /// </summary>
    public Task<IBrowserContext> NewContextAsync(string? storageStatePath = null, ColorScheme? colorScheme = null,
        string? timezoneId = null, string? locale = null) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl.ToString(),
            StorageStatePath = storageStatePath,
            ColorScheme = colorScheme,
            TimezoneId = timezoneId,
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1280, Height = 860 },
        });

    /// <summary>A page in a fresh, signed-out context.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await NewContextAsync();
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Registers <paramref name="email"/> through the register page (which signs the new account in)
    /// and returns that page, on /goals. The cookies are saved: a later call for the same email, or
    /// <see cref="SignedInPageAsync"/>, opens a new signed-in context without the forms.
    /// </summary>
    public async Task<IPage> RegisterAndSignInAsync(string email, string password = DefaultPassword)
    {
        if (_storageStates.ContainsKey(email))
        {
            return await SignedInPageAsync(email);
        }

        var page = await NewPageAsync();
        await AccountPages.RegisterAsync(page, email, password);
        var path = Path.Combine(_folder, $"state-{Guid.NewGuid():N}.json");
        await page.Context.StorageStateAsync(new BrowserContextStorageStateOptions { Path = path });
        _storageStates[email] = path;
        return page;
    }

    /// <summary>
    /// A page on /goals in a new context (its own cookies and circuit) signed in as an account that
    /// <see cref="RegisterAndSignInAsync"/> registered, from its saved cookies: a second browser for the
    /// same person, or the same person with other browser settings.
    /// </summary>
    public async Task<IPage> SignedInPageAsync(string email, ColorScheme? colorScheme = null, string? timezoneId = null,
        string? locale = null)
    {
        if (!_storageStates.TryGetValue(email, out var saved))
        {
            throw new InvalidOperationException($"{email} was not registered through {nameof(RegisterAndSignInAsync)}.");
        }

        var page = await (await NewContextAsync(saved, colorScheme, timezoneId, locale)).NewPageAsync();
        await page.GotoAsync("goals");
        return page;
    }

    /// <summary>A unique email per call, so tests never collide over the shared database.</summary>
    public static string NewEmail(string prefix = "user") => $"{prefix}-{Guid.NewGuid():N}@example.com";

    public async Task DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }

        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        TestFolder.Delete(_folder);
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<StriveServerFixture>
{
    public const string Name = "Browser";
}

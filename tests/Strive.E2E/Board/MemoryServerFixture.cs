using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Strive.Domain.Users;
using Strive.E2E.Infrastructure;
using Strive.Tests.Files;
using Strive.Tests.Hosting;

namespace Strive.E2E.Board;

/// <summary>
/// The memory test's own server, in a process of its own (<see cref="AppProcess"/>: this build's Strive.Web.dll,
/// which the test project's reference puts beside the tests with its runtimeconfig, deps and static web
/// assets manifest; Development, so those assets are served from the build), with an account and a
/// goal of 20 milestones seeded into its SQLite file before it starts, and its own Chromium. A reading of
/// the managed heap is of the whole process: in the test process it also saw every other browser test's
/// server, whose closed pages' memory comes free whenever their circuits go (tens of MB in the middle of a
/// round, which made the test fail now and then).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001",
    Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public sealed class MemoryServerFixture : IAsyncLifetime
{
    public const string Password = StriveServerFixture.DefaultPassword;
    private const int Milestones = 20;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "strive-e2e-memory", Guid.NewGuid().ToString("N"));
    private AppProcess? _app;
    private Chromium? _chromium;

    public string Email { get; } = StriveServerFixture.NewEmail("memory");

    /// <summary>The seeded goal's board, relative to <see cref="BaseUrl"/>.</summary>
    public string BoardPath { get; private set; } = "";

    public Uri BaseUrl => _app!.BaseUrl;

    public IBrowser Browser => _chromium!.Browser;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var database = Path.Combine(_folder, "strive.db");
        BoardPath = await SeedAsync(database);
        _app = await AppProcess.StartAsync(Path.Combine(AppContext.BaseDirectory, "Strive.Web.dll"), "Development",
        [
            ("Database:Provider", "Sqlite"),
            ("ConnectionStrings:Strive", $"Data Source={database}"),
            ("Logging:LogLevel:Default", "Warning"),
        ]);
        _chromium = await Chromium.LaunchAsync();
    }

    /// <summary>A new browser context (own cookies) signed in as <see cref="Email"/>.</summary>
    public async Task<IBrowserContext> SignedInContextAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 860 },
        });
        var page = await context.NewPageAsync();
        await AccountPages.SignInAsync(page, Email, Password);
        await page.CloseAsync();
        return context;
    }

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

    /// <summary>
    /// Creates the schema, the account and its goal through the domain services of the app hosted in this
    /// process for the moment, then lets go of the file so the app's process is the only one using it.
    /// </summary>
    private async Task<string> SeedAsync(string database)
    {
        try
        {
            await using var seeding = new SqliteAppFactory(database, "Testing");
            await using var scope = seeding.Services.CreateAsyncScope();
            var provider = scope.ServiceProvider;
            var user = new StriveUser
            {
                UserName = Email, Email = Email, EmailConfirmed = true, DisplayName = "Memory",
                CreatedAt = provider.GetRequiredService<TimeProvider>().GetUtcNow(),
            };
            var created = await provider.GetRequiredService<UserManager<StriveUser>>().CreateAsync(user, Password);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
            return await Seed.GoalAsync(seeding.Services, user.Id, "Memory", Enumerable.Range(1, Milestones).Select(i => $"Step {i}"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class MemoryTestGroup : ICollectionFixture<MemoryServerFixture>
{
    public const string Name = "Memory";
}

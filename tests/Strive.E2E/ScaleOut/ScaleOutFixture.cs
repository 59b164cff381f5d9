using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Strive.Domain.ApiKeys;
using Strive.Domain.Goals;
using Strive.Domain.Milestones;
using Strive.Domain.Users;
using Strive.Tests.Files;
using Strive.Tests.ScaleOut;

namespace Strive.E2E.ScaleOut;

/// <summary>
/// README "Running several instances" on loopback, started once for the class: a real redis-server, two
/// instances (A and B, real Kestrel, Development so the static web assets are served) over one SQLite
/// file with forwarded headers on, and nginx with the repository's deploy/nginx/strive.conf in front.
/// </summary>
public sealed class ScaleOutFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "strive-e2e-scale-out", Guid.NewGuid().ToString("N"));

    public RedisServer Redis { get; private set; } = default!;

    public AppInstance A { get; private set; } = default!;

    public AppInstance B { get; private set; } = default!;

    public NginxServer Nginx { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var database = Path.Combine(_folder, "strive.db");
        Redis = await RedisServer.StartAsync();
        var settings = new Dictionary<string, string?> { ["ForwardedHeaders:Enabled"] = "true" };
        A = AppInstance.Start("A", database, Redis.Configuration, "Development", settings);
        B = AppInstance.Start("B", database, Redis.Configuration, "Development", settings);
        Nginx = await NginxServer.StartAsync(Path.Combine(_folder, "nginx"), [A.BaseUrl, B.BaseUrl]);
    }

    /// <summary>A fresh browser context (own cookies) whose relative URLs resolve against <paramref name="baseUrl"/>.</summary>
    public static Task<IBrowserContext> NewContextAsync(IBrowser browser, Uri baseUrl) =>
        browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            // nginx's certificate is a throwaway self-signed one.
            IgnoreHTTPSErrors = true,
            ViewportSize = new ViewportSize { Width = 1280, Height = 860 },
        });

    public AppInstance Instance(string name) => name switch
    {
        "A" => A,
        "B" => B,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such instance"),
    };

    /// <summary>A goal of <paramref name="email"/>'s with one milestone, planned through the domain; its id and the milestone's.</summary>
    public async Task<(string GoalId, string MilestoneId)> GoalAsync(string email, string title, string milestone)
    {
        await using var scope = A.Services.CreateAsyncScope();
        var userId = (await scope.ServiceProvider.GetRequiredService<UserManager<StriveUser>>().FindByEmailAsync(email))!.Id;
        var goal = await scope.ServiceProvider.GetRequiredService<IGoalService>().CreateAsync(userId, new NewGoal(title));
        var created = await scope.ServiceProvider.GetRequiredService<IMilestoneService>()
            .CreateAsync(userId, goal.Value!.Id, new NewMilestone(milestone));
        return (goal.Value!.Id, created.Value!.Id);
    }

    /// <summary>An API key of <paramref name="email"/>'s with every scope.</summary>
    public async Task<string> KeyAsync(string email)
    {
        await using var scope = A.Services.CreateAsyncScope();
        var userId = (await scope.ServiceProvider.GetRequiredService<UserManager<StriveUser>>().FindByEmailAsync(email))!.Id;
        var created = await scope.ServiceProvider.GetRequiredService<IApiKeyService>()
            .CreateAsync(userId, new NewApiKey("scale-out test", ApiKeyScopes.All, null));
        return created.Value!.RawKey;
    }

    public async Task DisposeAsync()
    {
        await Nginx.DisposeAsync();
        await A.DisposeAsync();
        await B.DisposeAsync();
        await Redis.DisposeAsync();
        TestFolder.Delete(_folder);
    }
}

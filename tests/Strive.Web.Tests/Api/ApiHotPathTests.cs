using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Strive.Domain.ApiKeys;
using Strive.Web.Tests.Infrastructure;

namespace Strive.Web.Tests.Api;

/// <summary>The app counting its SQL, with 5 permits a minute and a clock the tests move.</summary>
public sealed class HotPathAppFactory : StriveAppFactory
{
    public const int Permits = 5;

    public CommandCounter Counter { get; } = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Api:RateLimit:PermitsPerMinute"] = Permits.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(Counter);
        services.AddSingleton<TimeProvider>(Clock);
    }

    /// <summary>Writes the lastUsedAt times noted so far, so that no background write lands in a count.</summary>
    public Task SettleAsync() => Services.GetRequiredService<ApiKeyUsage>().FlushAsync();
}

/// <summary>
/// The API's hot path (docs/api/API.md "Authentication", "Rate limiting"): a key that authenticated
/// recently is checked in memory, yet a revoked key is refused on the very next request and an expired
/// key at its expiry; a refused request (429) costs the database nothing.
/// </summary>
public sealed class ApiHotPathTests(HotPathAppFactory app) : IClassFixture<HotPathAppFactory>
{
    [Fact]
    public async Task AKeyInUse_IsNotLookedUpAgain()
    {
        var caller = await app.CreateCallerAsync();
        await caller.Client.GetAsync("/api/v1/users/me");
        await app.SettleAsync();

        app.Counter.Reset();
        var response = await caller.Client.GetAsync("/api/v1/users/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(app.Counter.Texts, sql => sql.Contains("\"ApiKeys\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARequestRefusedWith429_CostsNoSqlCommand()
    {
        var caller = await app.CreateCallerAsync();
        for (var i = 0; i < HotPathAppFactory.Permits; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await caller.Client.GetAsync("/api/v1/goals")).StatusCode);
        }

        await app.SettleAsync();

        app.Counter.Reset();
        var refused = await caller.Client.GetAsync("/api/v1/goals");

        await refused.AssertErrorAsync(HttpStatusCode.TooManyRequests, "Rate limit exceeded");
        Assert.True(app.Counter.Count == 0, string.Join("\n", app.Counter.Texts));
    }

    [Fact]
    public async Task AKeyRevokedThroughTheApi_IsRefusedOnTheVeryNextRequest()
    {
        var caller = await app.CreateCallerAsync();
        var second = await app.CreateKeyAsync(caller.UserId);
        using var secondClient = app.CreateClientWithKey(second.RawKey);
        Assert.Equal(HttpStatusCode.OK, (await secondClient.GetAsync("/api/v1/goals")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secondClient.GetAsync("/api/v1/goals")).StatusCode);

        (await caller.Client.DeleteAsync($"/api/v1/api-keys/{second.Key.Id}")).EnsureSuccessStatusCode();

        await (await secondClient.GetAsync("/api/v1/goals")).AssertErrorAsync(HttpStatusCode.Unauthorized,
            "Not authenticated");
    }

    [Fact]
    public async Task AKeyRevoked_IsRefusedOnTheVeryNextList_ThoughTheListIsServedFromMemory()
    {
        var caller = await app.CreateCallerAsync();
        var goalId = await caller.CreateGoalAsync();
        var second = await app.CreateKeyAsync(caller.UserId);
        using var secondClient = app.CreateClientWithKey(second.RawKey);
        var path = $"/api/v1/goals/{goalId}/milestones";
        Assert.Equal(HttpStatusCode.OK, (await secondClient.GetAsync(path)).StatusCode);
        await app.SettleAsync();
        app.Counter.Reset();
        Assert.Equal(HttpStatusCode.OK, (await secondClient.GetAsync(path)).StatusCode);
        Assert.True(app.Counter.Count == 0, string.Join("\n", app.Counter.Texts));

        (await caller.Client.DeleteAsync($"/api/v1/api-keys/{second.Key.Id}")).EnsureSuccessStatusCode();

        await (await secondClient.GetAsync(path)).AssertErrorAsync(HttpStatusCode.Unauthorized, "Not authenticated");
    }

    [Fact]
    public async Task AKeyRevokedOnTheKeysPage_IsRefusedOnTheVeryNextRequest()
    {
        var caller = await app.CreateCallerAsync();
        Assert.Equal(HttpStatusCode.OK, (await caller.Client.GetAsync("/api/v1/goals")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await caller.Client.GetAsync("/api/v1/goals")).StatusCode);

        // The page's door: the same domain service, called from the user's circuit.
        using (var scope = app.Services.CreateScope())
        {
            var keys = scope.ServiceProvider.GetRequiredService<IApiKeyService>();
            Assert.True((await keys.RevokeAsync(caller.UserId, caller.KeyId)).IsSuccess);
        }

        await (await caller.Client.GetAsync("/api/v1/goals")).AssertErrorAsync(HttpStatusCode.Unauthorized,
            "Not authenticated");
    }

    [Fact]
    public async Task AKeyInUse_IsRefusedAtItsExpiry()
    {
        var expiry = app.Clock.GetUtcNow().AddSeconds(30);
        var caller = await app.CreateCallerAsync(expiresAt: expiry);
        Assert.Equal(HttpStatusCode.OK, (await caller.Client.GetAsync("/api/v1/goals")).StatusCode);

        app.Clock.SetUtcNow(expiry.AddMilliseconds(-1));
        var justBefore = await caller.Client.GetAsync("/api/v1/goals");
        app.Clock.SetUtcNow(expiry);
        var atExpiry = await caller.Client.GetAsync("/api/v1/goals");

        Assert.Equal(HttpStatusCode.OK, justBefore.StatusCode);
        await atExpiry.AssertErrorAsync(HttpStatusCode.Unauthorized, "API key has expired");
    }
}

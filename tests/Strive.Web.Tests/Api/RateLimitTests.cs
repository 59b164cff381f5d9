using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Strive.Web.Tests.Infrastructure;

namespace Strive.Web.Tests.Api;

/// <summary>The app with 3 permits a minute and a clock the tests move.</summary>
public sealed class SmallRateLimitAppFactory : StriveAppFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override IDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["Api:RateLimit:PermitsPerMinute"] = "3" };

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.AddSingleton<TimeProvider>(Clock);
}

/// <summary>docs/api/API.md "Rate limiting", with a configured limit of 3.</summary>
public sealed class RateLimitTests(SmallRateLimitAppFactory app) : IClassFixture<SmallRateLimitAppFactory>
{
    private static int Header(HttpResponseMessage response, string name) =>
        int.Parse(response.Headers.GetValues(name).Single(), CultureInfo.InvariantCulture);

    [Fact]
    public async Task Requests_PastTheLimit_Get429WithRetryAfter()
    {
        var caller = await app.CreateCallerAsync();
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            responses.Add(await caller.Client.GetAsync("/api/v1/goals"));
        }

        Assert.All(responses.Take(3), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal([2, 1, 0], responses.Take(3).Select(r => Header(r, "X-RateLimit-Remaining")));
        Assert.All(responses, r => Assert.Equal(3, Header(r, "X-RateLimit-Limit")));
        var refused = responses[3];
        await refused.AssertErrorAsync(HttpStatusCode.TooManyRequests, "Rate limit exceeded");
        Assert.Equal(0, Header(refused, "X-RateLimit-Remaining"));
        Assert.InRange(refused.Headers.RetryAfter?.Delta?.TotalSeconds ?? -1, 1, 60);
        Assert.InRange(Header(refused, "X-RateLimit-Reset"), app.Clock.GetUtcNow().ToUnixTimeSeconds() + 59,
            app.Clock.GetUtcNow().ToUnixTimeSeconds() + 60);
    }

    [Fact]
    public async Task Limit_IsPerKey_AndResetsWithTheWindow()
    {
        var first = await app.CreateCallerAsync();
        var second = await app.CreateCallerAsync();
        for (var i = 0; i < 3; i++)
        {
            await first.Client.GetAsync("/api/v1/goals");
        }

        var otherKey = await second.Client.GetAsync("/api/v1/goals");
        var exhausted = await first.Client.GetAsync("/api/v1/goals");
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        var afterReset = await first.Client.GetAsync("/api/v1/goals");

        Assert.Equal(HttpStatusCode.OK, otherKey.StatusCode);
        Assert.Equal(2, Header(otherKey, "X-RateLimit-Remaining"));
        Assert.Equal(HttpStatusCode.TooManyRequests, exhausted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterReset.StatusCode);
        Assert.Equal(2, Header(afterReset, "X-RateLimit-Remaining"));
    }

    [Fact]
    public async Task RequestsWithoutAValidKey_NeverSpendABudget()
    {
        var caller = await app.CreateCallerAsync();
        using var anonymous = app.CreateClientWithKey(null);
        using var unknown = app.CreateClientWithKey("sk_live_" + new string('b', 64));
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/goals")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await unknown.GetAsync("/api/v1/goals")).StatusCode);
        }

        var response = await caller.Client.GetAsync("/api/v1/goals");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, Header(response, "X-RateLimit-Remaining"));
    }
}

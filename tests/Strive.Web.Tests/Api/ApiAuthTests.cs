using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Strive.Domain.ApiKeys;
using Strive.Domain.Persistence;
using Strive.Web.Tests.Infrastructure;
using static Strive.Web.Tests.Api.ApiTestHelpers;

namespace Strive.Web.Tests.Api;

/// <summary>docs/api/API.md "Authentication": who gets in, who gets 401 or 403, and with which body.</summary>
public sealed class ApiAuthTests(StriveAppFactory app) : IClassFixture<StriveAppFactory>
{
    [Fact]
    public async Task Request_WithoutAuthorizationHeader_Returns401()
    {
        using var client = app.CreateClientWithKey(null);

        var response = await client.GetAsync("/api/v1/goals");

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "Not authenticated");
        Assert.False(response.Headers.Contains("X-RateLimit-Limit"));
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer sk_live_123")]
    [InlineData("Bearer sk_test_0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("Bearer SK_LIVE_ABCDEF0000000000000000000000000000000000000000000000000000000000")]
    [InlineData("sk_live_0000000000000000000000000000000000000000000000000000000000000000")]
    public async Task Request_WithMalformedHeader_Returns401(string header)
    {
        using var client = app.CreateClientWithKey(null);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/goals", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Authorization", header);

        var response = await client.SendAsync(request);

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "Not authenticated");
    }

    [Fact]
    public async Task Request_WithUnknownKey_Returns401()
    {
        using var client = app.CreateClientWithKey("sk_live_" + new string('a', 64));

        var response = await client.GetAsync("/api/v1/goals");

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "Not authenticated");
    }

    [Fact]
    public async Task Request_WithRevokedKey_IsRefusedOnTheVeryNextRequest()
    {
        var caller = await app.CreateCallerAsync();
        Assert.Equal(HttpStatusCode.OK, (await caller.Client.GetAsync("/api/v1/goals")).StatusCode);
        using (var scope = app.Services.CreateScope())
        {
            var keys = scope.ServiceProvider.GetRequiredService<IApiKeyService>();
            Assert.True((await keys.RevokeAsync(caller.UserId, caller.KeyId)).IsSuccess);
        }

        var response = await caller.Client.GetAsync("/api/v1/goals");

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "Not authenticated");
    }

    [Fact]
    public async Task Request_WithExpiredKey_Returns401KeyExpired()
    {
        var caller = await app.CreateCallerAsync(expiresAt: DateTimeOffset.UtcNow.AddHours(1));
        await ExpireAsync(caller.KeyId);

        var response = await caller.Client.GetAsync("/api/v1/goals");

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "API key has expired");
    }

    [Fact]
    public async Task Request_WithoutTheEndpointsScope_Returns403WithRequiredScopes()
    {
        var caller = await app.CreateCallerAsync([ApiKeyScopes.MilestonesRead]);
        var goalId = await app.CreateGoalDirectlyAsync(caller.UserId);

        var response = await caller.Client.PostJsonAsync($"/api/v1/goals/{goalId}/milestones", """{"content": "x"}""");

        var body = await response.AssertErrorAsync(HttpStatusCode.Forbidden, "Forbidden");
        AssertProperties(body, "error", "requiredScopes");
        Assert.Equal(["milestones:write"], body.GetProperty("requiredScopes").EnumerateArray().Select(s => s.GetString()!));
        Assert.True(response.Headers.Contains("X-RateLimit-Remaining"));
    }

    [Theory]
    [InlineData("/api/v1/goals", ApiKeyScopes.GoalsRead)]
    [InlineData("/api/v1/users/me", ApiKeyScopes.UserRead)]
    [InlineData("/api/v1/goals/g/milestones", ApiKeyScopes.MilestonesRead)]
    [InlineData("/api/v1/goals/g/supports", ApiKeyScopes.SupportsRead)]
    public async Task Get_WithoutReadScope_Returns403NamingIt(string path, string scope)
    {
        var caller = await app.CreateCallerAsync([.. ApiKeyScopes.All.Where(s => s != scope)]);

        var response = await caller.Client.GetAsync(path);

        var body = await response.AssertErrorAsync(HttpStatusCode.Forbidden, "Forbidden");
        Assert.Equal([scope], body.GetProperty("requiredScopes").EnumerateArray().Select(s => s.GetString()!));
    }

    [Fact]
    public async Task ApiKeyEndpoints_NeedAKeyButNoScope()
    {
        var caller = await app.CreateCallerAsync([ApiKeyScopes.SupportsRead]);
        using var anonymous = app.CreateClientWithKey(null);

        Assert.Equal(HttpStatusCode.OK, (await caller.Client.GetAsync("/api/v1/api-keys")).StatusCode);
        await (await anonymous.GetAsync("/api/v1/api-keys")).AssertErrorAsync(HttpStatusCode.Unauthorized, "Not authenticated");
    }

    [Fact]
    public async Task KeyOfANonStakeholder_CannotSeeOrChangeTheGoal()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var milestoneId = await owner.CreateMilestoneIdAsync(goalId, "Private step");
        var stranger = await app.CreateCallerAsync();

        var get = await stranger.Client.GetAsync($"/api/v1/goals/{goalId}/milestones/{milestoneId}");
        var patch = await stranger.Client.PatchJsonAsync($"/api/v1/goals/{goalId}/milestones/{milestoneId}",
            """{"status": "failed"}""");
        var delete = await stranger.Client.DeleteAsync($"/api/v1/goals/{goalId}/milestones/{milestoneId}");

        await get.AssertErrorAsync(HttpStatusCode.Forbidden, "You are not a stakeholder of this goal");
        Assert.Equal(HttpStatusCode.Forbidden, patch.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        var milestone = await (await owner.Client.GetAsync($"/api/v1/goals/{goalId}/milestones/{milestoneId}")).DataAsync();
        Assert.Equal("pending", milestone.GetProperty("status").GetString());
    }

    [Fact]
    public async Task SignedInBrowserCookie_DoesNotAuthenticateTheApi()
    {
        var email = $"browser-{Guid.NewGuid():N}@example.test";
        await app.CreateUserAsync(email);
        using var browser = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
        });
        var signedIn = await AccountForms.SignInAsync(browser, email, "Passw0rd!long");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Account/Manage")).StatusCode);

        var response = await browser.GetAsync("/api/v1/goals");

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "Not authenticated");
    }

    [Fact]
    public async Task EveryApiEndpoint_AuthenticatesWithApiKeysOnly_NeverCookies()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true
                && e.Metadata.GetMetadata<IAuthorizeData>() is not null)
            .ToList();
        var policies = app.Services.GetRequiredService<IAuthorizationPolicyProvider>();

        Assert.True(endpoints.Count >= 15, $"only {endpoints.Count} protected endpoints found");
        foreach (var endpoint in endpoints)
        {
            var policy = await AuthorizationPolicy.CombineAsync(policies, endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>());
            Assert.Equal(["ApiKey"], policy!.AuthenticationSchemes.Distinct());
        }
    }

    [Fact]
    public async Task AuthenticatedResponses_CarryRateLimitHeaders_EvenOnErrors()
    {
        var caller = await app.CreateCallerAsync();

        var ok = await caller.Client.GetAsync("/api/v1/goals");
        var notFound = await caller.Client.GetAsync("/api/v1/goals/nope");

        foreach (var response in new[] { ok, notFound })
        {
            Assert.Equal("60", response.Headers.GetValues("X-RateLimit-Limit").Single());
            Assert.True(int.Parse(response.Headers.GetValues("X-RateLimit-Remaining").Single(),
                System.Globalization.CultureInfo.InvariantCulture) < 60);
            var reset = long.Parse(response.Headers.GetValues("X-RateLimit-Reset").Single(),
                System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(reset, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddSeconds(61).ToUnixTimeSeconds());
        }
    }

    private async Task ExpireAsync(string keyId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<StriveDbContext>();
        var past = DateTimeOffset.UtcNow.AddMinutes(-1);
        await db.ApiKeys.Where(k => k.Id == keyId).ExecuteUpdateAsync(u => u.SetProperty(k => k.ExpiresAt, past));
    }
}

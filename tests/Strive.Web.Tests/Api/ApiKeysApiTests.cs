using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Strive.Domain.ApiKeys;
using Strive.Domain.Goals;
using Strive.Domain.Supports;
using Strive.Web.Tests.Infrastructure;
using static Strive.Web.Tests.Api.ApiTestHelpers;

namespace Strive.Web.Tests.Api;

/// <summary>docs/api/API.md "API keys", "The caller" and "Supports", over HTTP.</summary>
public sealed class ApiKeysApiTests(StriveAppFactory app) : IClassFixture<StriveAppFactory>
{
    private static readonly string[] KeyFields = ["id", "name", "prefix", "scopes", "expiresAt", "createdAt", "lastUsedAt"];

    [Fact]
    public async Task Create_Returns201WithTheKeyOnceAndItsDetails()
    {
        var caller = await app.CreateCallerAsync();

        var response = await caller.Client.PostJsonAsync("/api/v1/api-keys",
            """{"name": "CI", "scopes": ["goals:read", "milestones:read"]}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        var key = body.GetProperty("key").GetString()!;
        Assert.Matches("^sk_live_[0-9a-f]{64}$", key);
        var data = body.GetProperty("data");
        AssertProperties(data, KeyFields);
        Assert.Equal("CI", data.GetProperty("name").GetString());
        Assert.Equal(key[..16], data.GetProperty("prefix").GetString());
        Assert.Equal(["goals:read", "milestones:read"], data.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()!));
        Assert.Equal(JsonValueKind.Null, data.GetProperty("expiresAt").ValueKind);
        AssertTime(data.GetProperty("createdAt"));

        using var newClient = app.CreateClientWithKey(key);
        Assert.Equal(HttpStatusCode.OK, (await newClient.GetAsync("/api/v1/goals")).StatusCode);
    }

    [Fact]
    public async Task Create_WithAKeyThatExpires_NeverOutlivesIt()
    {
        var expiry = DateTimeOffset.UtcNow.AddDays(3);
        var caller = await app.CreateCallerAsync(expiresAt: expiry);

        var inherited = await (await caller.Client.PostJsonAsync("/api/v1/api-keys",
            """{"name": "child", "scopes": ["goals:read"]}""")).JsonAsync();
        var later = await caller.Client.PostJsonAsync("/api/v1/api-keys",
            $$"""{"name": "late", "scopes": ["goals:read"], "expiresAt": "{{expiry.AddDays(1):O}}"}""");

        var expiresAt = inherited.GetProperty("data").GetProperty("expiresAt");
        AssertTime(expiresAt);
        Assert.Equal(expiry.ToUnixTimeMilliseconds(), DateTimeOffset.Parse(expiresAt.GetString()!,
            System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds());
        await later.AssertErrorAsync(HttpStatusCode.Forbidden, "Cannot create a key that outlives the key used");
    }

    [Theory]
    [InlineData("""{"scopes": ["goals:read"]}""", "Name is required")]
    [InlineData("""{"name": "  ", "scopes": ["goals:read"]}""", "Name is required")]
    [InlineData("""{"name": 5, "scopes": ["goals:read"]}""", "Name is required")]
    [InlineData("""{"name": "k"}""", "Scopes must be a non-empty array")]
    [InlineData("""{"name": "k", "scopes": []}""", "Scopes must be a non-empty array")]
    [InlineData("""{"name": "k", "scopes": "goals:read"}""", "Scopes must be a non-empty array")]
    [InlineData("""{"name": "k", "scopes": ["goals:read", "admin:all"]}""", "Unknown scope: admin:all")]
    [InlineData("""{"name": "k", "scopes": ["goals:read"], "expiresAt": "2001-01-01T00:00:00Z"}""", "expiresAt must be in the future")]
    [InlineData("""{"name": "k", "scopes": ["goals:read"], "expiresAt": "whenever"}""", "expiresAt must be an ISO 8601 date or null")]
    public async Task Create_WithBadBody_Returns400(string body, string error)
    {
        var caller = await app.CreateCallerAsync();

        var response = await caller.Client.PostJsonAsync("/api/v1/api-keys", body);

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, error);
    }

    [Fact]
    public async Task Create_WithScopesTheKeyLacks_Returns403()
    {
        var caller = await app.CreateCallerAsync([ApiKeyScopes.GoalsRead]);

        var response = await caller.Client.PostJsonAsync("/api/v1/api-keys",
            """{"name": "k", "scopes": ["goals:read", "goals:write", "user:read"]}""");

        await response.AssertErrorAsync(HttpStatusCode.Forbidden, "Cannot grant scopes you don't have: goals:write, user:read");
    }

    [Fact]
    public async Task Create_PastTenActiveKeys_Returns400()
    {
        var caller = await app.CreateCallerAsync();
        for (var i = 0; i < 9; i++)
        {
            await app.CreateKeyAsync(caller.UserId, [ApiKeyScopes.GoalsRead]);
        }

        var response = await caller.Client.PostJsonAsync("/api/v1/api-keys", """{"name": "11th", "scopes": ["goals:read"]}""");

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "Maximum of 10 active API keys allowed");
    }

    [Fact]
    public async Task List_ReturnsActiveKeysWithoutSecrets()
    {
        var caller = await app.CreateCallerAsync();
        var other = await app.CreateKeyAsync(caller.UserId, [ApiKeyScopes.GoalsRead]);
        await caller.Client.DeleteAsync($"/api/v1/api-keys/{other.Key.Id}");

        var response = await caller.Client.GetAsync("/api/v1/api-keys");

        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(caller.Key, text, StringComparison.Ordinal);
        Assert.DoesNotContain("hash", text, StringComparison.OrdinalIgnoreCase);
        var keys = await response.DataAsync();
        var only = Assert.Single(keys.EnumerateArray());
        AssertProperties(only, KeyFields);
        Assert.Equal(caller.KeyId, only.GetProperty("id").GetString());
        AssertTime(only.GetProperty("lastUsedAt"));
    }

    [Fact]
    public async Task Revoke_OwnKey_StopsItOnTheVeryNextRequest()
    {
        var caller = await app.CreateCallerAsync();
        var second = await app.CreateKeyAsync(caller.UserId);
        using var secondClient = app.CreateClientWithKey(second.RawKey);
        Assert.Equal(HttpStatusCode.OK, (await secondClient.GetAsync("/api/v1/goals")).StatusCode);

        var response = await caller.Client.DeleteAsync($"/api/v1/api-keys/{second.Key.Id}");

        var data = await response.DataAsync();
        AssertProperties(data, "id", "revoked");
        Assert.Equal(second.Key.Id, data.GetProperty("id").GetString());
        Assert.True(data.GetProperty("revoked").GetBoolean());
        await (await secondClient.GetAsync("/api/v1/goals")).AssertErrorAsync(HttpStatusCode.Unauthorized, "Not authenticated");
    }

    [Fact]
    public async Task Revoke_UnknownOthersOrRevokedKey_ReturnsTheDocumentedErrors()
    {
        var caller = await app.CreateCallerAsync();
        var stranger = await app.CreateCallerAsync();
        var spare = await app.CreateKeyAsync(caller.UserId);
        await caller.Client.DeleteAsync($"/api/v1/api-keys/{spare.Key.Id}");

        var unknown = await caller.Client.DeleteAsync("/api/v1/api-keys/no-such-key");
        var others = await caller.Client.DeleteAsync($"/api/v1/api-keys/{stranger.KeyId}");
        var again = await caller.Client.DeleteAsync($"/api/v1/api-keys/{spare.Key.Id}");

        await unknown.AssertErrorAsync(HttpStatusCode.NotFound, "API key not found");
        await others.AssertErrorAsync(HttpStatusCode.Forbidden, "You can only revoke your own API keys");
        await again.AssertErrorAsync(HttpStatusCode.BadRequest, "API key is already revoked");
    }

    [Fact]
    public async Task UsersMe_ReturnsTheKeysOwner()
    {
        var caller = await app.CreateCallerAsync([ApiKeyScopes.UserRead]);

        var me = await (await caller.Client.GetAsync("/api/v1/users/me")).DataAsync();

        AssertProperties(me, "id", "email", "displayName", "createdAt");
        Assert.Equal(caller.UserId, me.GetProperty("id").GetString());
        Assert.Equal(caller.Email, me.GetProperty("email").GetString());
        Assert.Equal("Tester", me.GetProperty("displayName").GetString());
        AssertTime(me.GetProperty("createdAt"));
    }

    [Fact]
    public async Task Supports_ListsPledgesForStakeholders_AndRefusesOthers()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var milestoneId = await owner.CreateMilestoneIdAsync(goalId, "Run");
        var supporter = await app.CreateCallerAsync();
        await app.JoinAsync(supporter, goalId, StakeholderRoles.Supporter);
        using (var scope = app.Services.CreateScope())
        {
            var supports = scope.ServiceProvider.GetRequiredService<ISupportService>();
            Assert.True((await supports.PledgeAsync(supporter.UserId, goalId, milestoneId, "A pizza")).IsSuccess);
        }

        await owner.Client.PatchJsonAsync($"/api/v1/goals/{goalId}/milestones/{milestoneId}", """{"status": "succeeded"}""");
        var list = await (await owner.Client.GetAsync($"/api/v1/goals/{goalId}/supports")).DataAsync();
        var stranger = await app.CreateCallerAsync();
        var forbidden = await stranger.Client.GetAsync($"/api/v1/goals/{goalId}/supports");
        var missing = await stranger.Client.GetAsync("/api/v1/goals/nope/supports");

        var support = Assert.Single(list.EnumerateArray());
        AssertProperties(support, "id", "goalId", "milestoneId", "description", "status", "needsDecision", "note", "supporterId",
            "createdAt", "updatedAt");
        Assert.Equal(milestoneId, support.GetProperty("milestoneId").GetString());
        Assert.Equal("open", support.GetProperty("status").GetString());
        Assert.Equal(supporter.UserId, support.GetProperty("supporterId").GetString());
        AssertTime(support.GetProperty("needsDecision"));
        await forbidden.AssertErrorAsync(HttpStatusCode.Forbidden, "You are not a stakeholder of this goal");
        await missing.AssertErrorAsync(HttpStatusCode.NotFound, "Goal not found");
    }
}

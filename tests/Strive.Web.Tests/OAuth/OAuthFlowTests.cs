using System.Net;
using System.Text.Json;
using Strive.Domain.ApiKeys;
using Strive.Web.Tests.Api;
using Strive.Web.Tests.Infrastructure;
using Strive.Web.Tests.Mcp;

namespace Strive.Web.Tests.OAuth;

/// <summary>The OAuth 2.1 flow an app or agent goes through, and what its tokens may then do.</summary>
public sealed class OAuthFlowTests(StriveAppFactory app) : IClassFixture<StriveAppFactory>
{
    private static readonly string[] ReadOnlyGrant = [ApiKeyScopes.GoalsRead, ApiKeyScopes.GoalsWrite, ApiKeyScopes.MilestonesRead];

    [Fact]
    public async Task Token_CarriesOnlyTheTickedScopes_OnTheApiAndOnMcp()
    {
        var scope = string.Join(' ', ReadOnlyGrant.Append(ApiKeyScopes.MilestonesWrite));
        var connected = await app.ConnectAsync(ReadOnlyGrant, scope);
        var api = app.WithBearer(connected.Access);

        var goal = await (await api.PostJsonAsync("/api/v1/goals", """{"title": "Through OAuth"}""")).DataAsync(HttpStatusCode.Created);
        var goalId = goal.GetProperty("id").GetString()!;
        var refused = await api.PostJsonAsync($"/api/v1/goals/{goalId}/milestones", """{"content": "Not allowed"}""");
        await using var mcp = await app.ConnectAsync(connected.Access);
        var toolRefusal = await mcp.ErrorAsync("create_milestone", "Forbidden", new { goalId, content = "Not allowed" });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(["milestones:write"], toolRefusal.GetProperty("requiredScopes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(goalId, (await mcp.DataAsync("get_goal", new { goalId })).GetProperty("id").GetString());
        Assert.NotNull(refused.Headers.GetValues("X-RateLimit-Remaining").Single());
    }

    [Fact]
    public async Task RefreshToken_UsedTwice_RevokesTheWholeFamily()
    {
        var connected = await app.ConnectAsync(ReadOnlyGrant);
        var refresh = new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = connected.Refresh, ["client_id"] = connected.ClientId,
        };

        var (rotatedAccess, rotatedRefresh) = await OAuthFlow.TokensAsync(await OAuthFlow.TokenAsync(connected.Browser, refresh));
        Assert.NotEqual(connected.Refresh, rotatedRefresh);
        Assert.Equal(HttpStatusCode.OK, (await app.WithBearer(rotatedAccess).GetAsync("/api/v1/goals")).StatusCode);

        var replay = await OAuthFlow.TokenAsync(connected.Browser, refresh);
        var afterTheft = await OAuthFlow.TokenAsync(connected.Browser, new Dictionary<string, string>(refresh)
        {
            ["refresh_token"] = rotatedRefresh,
        });

        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Equal("invalid_grant", JsonDocument.Parse(await replay.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, afterTheft.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.WithBearer(rotatedAccess).GetAsync("/api/v1/goals")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.WithBearer(connected.Access).GetAsync("/api/v1/goals")).StatusCode);
    }

    [Theory]
    [InlineData("http://127.0.0.1:47111/callbacK")]
    [InlineData("http://127.0.0.1:47111/callback/")]
    [InlineData("http://127.0.0.1:47112/callback")]
    public async Task RedirectUri_ThatDiffersByOneCharacter_IsRefused(string redirect)
    {
        var browser = app.Browser();
        var clientId = await OAuthFlow.RegisterClientAsync(browser);
        var (_, challenge) = OAuthFlow.Pkce();

        var response = await browser.GetAsync(new Uri(OAuthFlow.AuthorizeUrl(clientId, challenge, "goals:read", redirect), UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("")]
    public async Task Authorize_WithoutPkceS256_IsRefused(string method)
    {
        var browser = app.Browser();
        var clientId = await OAuthFlow.RegisterClientAsync(browser);

        var url = OAuthFlow.AuthorizeUrl(clientId, method == "" ? "" : "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopq", "goals:read", method: method);
        var response = await browser.GetAsync(new Uri(url, UriKind.Relative));

        var location = response.Headers.Location?.OriginalString ?? "";
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest || location.Contains("error=invalid_request", StringComparison.Ordinal),
            $"{response.StatusCode} {location}");
        Assert.DoesNotContain("/oauth/consent", location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_CannotBeGrantedScopesItDidNotRegister()
    {
        var browser = app.Browser();
        var clientId = await OAuthFlow.RegisterClientAsync(browser, scope: "goals:read");
        var (_, challenge) = OAuthFlow.Pkce();

        var response = await browser.GetAsync(new Uri(OAuthFlow.AuthorizeUrl(clientId, challenge, "goals:read goals:write"), UriKind.Relative));

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("scope", body, StringComparison.Ordinal);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Metadata_NamesTheEndpoints_AndTheResourcesPointToIt()
    {
        var http = app.Browser();
        var server = JsonDocument.Parse(await http.GetStringAsync(new Uri("/.well-known/oauth-authorization-server", UriKind.Relative))).RootElement;
        var resource = JsonDocument.Parse(await http.GetStringAsync(new Uri("/.well-known/oauth-protected-resource", UriKind.Relative))).RootElement;
        var api = JsonDocument.Parse(await http.GetStringAsync(new Uri("/.well-known/oauth-protected-resource/api/v1", UriKind.Relative))).RootElement;

        Assert.Equal("http://localhost/oauth/register", server.GetProperty("registration_endpoint").GetString());
        Assert.Equal("http://localhost/oauth/authorize", server.GetProperty("authorization_endpoint").GetString());
        Assert.Equal("http://localhost/oauth/token", server.GetProperty("token_endpoint").GetString());
        Assert.Equal(["S256"], server.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("http://localhost/mcp", resource.GetProperty("resource").GetString());
        Assert.Equal("http://localhost/api/v1", api.GetProperty("resource").GetString());
        Assert.Equal("http://localhost/", resource.GetProperty("authorization_servers")[0].GetString()!.TrimEnd('/') + "/");
    }
}

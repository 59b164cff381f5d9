using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Strive.Domain.ApiKeys;
using Strive.Web.OAuth;
using Strive.Web.Tests.Api;
using Strive.Web.Tests.Infrastructure;
using Strive.Web.Tests.Mcp;

namespace Strive.Web.Tests.OAuth;

/// <summary>
/// Two app instances over one database (as behind the load balancer): a token from one works on the other,
/// and a Disconnect on the account page is seen by both on the very next request.
/// </summary>
public sealed class ConnectedAppsTests(StriveAppFactory first) : IClassFixture<StriveAppFactory>
{
    private static readonly string[] Grant = [ApiKeyScopes.GoalsRead, ApiKeyScopes.MilestonesRead];

    [Fact]
    public async Task Token_IssuedByOneInstance_WorksOnTheOther_ForTheApiAndMcp()
    {
        var connected = await first.ConnectAsync(Grant);
        using var second = StriveAppFactory.OverFile(first.DatabasePath);

        var response = await second.WithBearer(connected.Access).GetAsync("/api/v1/goals");
        await using var mcp = await second.ConnectAsync(connected.Access);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await mcp.DataAsync("list_goals")).GetArrayLength());
    }

    [Fact]
    public async Task AccountPage_ListsTheApp_AndDisconnect_IsSeenOnTheNextRequestOnBothInstances()
    {
        var connected = await first.ConnectAsync(Grant);
        using var second = StriveAppFactory.OverFile(first.DatabasePath);
        Assert.Equal(HttpStatusCode.OK, (await second.WithBearer(connected.Access).GetAsync("/api/v1/goals")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.WithBearer(connected.Access).GetAsync("/api/v1/goals")).StatusCode);

        var page = await connected.Browser.GetStringAsync(new Uri("/Account/Manage/ConnectedApps", UriKind.Relative));
        Assert.Contains("Test agent", page, StringComparison.Ordinal);
        Assert.Contains("See the milestones of your goals", page, StringComparison.Ordinal);
        var app = Assert.Single(await AppsAsync(connected.UserId));
        var disconnected = await AccountForms.PostFormAsync(connected.Browser, "/Account/Manage/ConnectedApps",
            $"disconnect-{app.AuthorizationId}", new Dictionary<string, string>());

        Assert.Contains("Test agent is disconnected.", await disconnected.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await AppsAsync(connected.UserId));
        Assert.Equal(HttpStatusCode.Unauthorized, (await first.WithBearer(connected.Access).GetAsync("/api/v1/goals")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.WithBearer(connected.Access).GetAsync("/api/v1/goals")).StatusCode);
        var refresh = await OAuthFlow.TokenAsync(connected.Browser, new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = connected.Refresh, ["client_id"] = connected.ClientId,
        });
        Assert.Equal(HttpStatusCode.BadRequest, refresh.StatusCode);
    }

    private async Task<IReadOnlyList<ConnectedApp>> AppsAsync(string userId)
    {
        using var scope = first.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<Strive.Web.OAuth.ConnectedApps>().ListAsync(userId, default);
    }
}

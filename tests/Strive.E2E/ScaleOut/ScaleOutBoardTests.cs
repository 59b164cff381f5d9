using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Strive.E2E.Board;
using Strive.E2E.Infrastructure;

namespace Strive.E2E.ScaleOut;

/// <summary>
/// Issue 14 in the browser: a board shows a change made through another instance, directly and through
/// nginx with sticky sessions. In the browser collection (for its Chromium, and so as not to run beside
/// the timing-sensitive board tests), with its own instances, Redis and nginx.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ScaleOutBoardTests(StriveServerFixture server, ScaleOutFixture instances) : IClassFixture<ScaleOutFixture>
{
    [Fact]
    public async Task BoardOpenOnA_ShowsAMilestoneCompletedThroughTheApiOnB_WithinOneSecond()
    {
        var email = StriveServerFixture.NewEmail("scale-out");
        var context = await ScaleOutFixture.NewContextAsync(server.Browser, instances.A.BaseUrl);
        var page = await context.NewPageAsync();
        await AccountPages.RegisterAsync(page, email, StriveServerFixture.DefaultPassword);
        var (goalId, milestoneId) = await instances.GoalAsync(email, "Cross the Alps", "Reach Chamonix");
        var board = new BoardPage(page);
        await board.OpenAsync($"goals/{goalId}");
        using var onB = instances.B.NewClient(await instances.KeyAsync(email));

        var completed = await onB.PatchAsync(new Uri($"api/v1/goals/{goalId}/milestones/{milestoneId}", UriKind.Relative),
            JsonContent.Create(new { status = "succeeded" }));

        completed.EnsureSuccessStatusCode();
        await Assertions.Expect(board.Row("Reach Chamonix")).ToHaveAttributeAsync("data-status", "Succeeded",
            new LocatorAssertionsToHaveAttributeOptions { Timeout = 1000 });
        await context.CloseAsync();
    }

    [Fact]
    public async Task ThroughNginx_RegisterAndOpenABoard_AChangeThroughTheOtherInstanceAppearsLive()
    {
        var email = StriveServerFixture.NewEmail("nginx");
        var context = await ScaleOutFixture.NewContextAsync(server.Browser, instances.Nginx.BaseUrl);
        var page = await context.NewPageAsync();

        await AccountPages.RegisterAsync(page, email, StriveServerFixture.DefaultPassword);

        // nginx said https to the app, and the app believed it: its sign-in cookie is Secure.
        var cookies = await context.CookiesAsync();
        Assert.True(cookies.Single(c => c.Name == ".AspNetCore.Identity.Application").Secure);
        // Sticky: every request of this browser reaches one instance, named by /status.
        var serving = await InstanceServingAsync(page);
        Assert.Equal(serving, await InstanceServingAsync(page));
        var other = instances.Instance(serving == "A" ? "B" : "A");

        var (goalId, milestoneId) = await instances.GoalAsync(email, "Sail to Corsica", "Check the weather");
        var sockets = new List<IWebSocket>();
        page.WebSocket += (_, socket) => sockets.Add(socket);
        var board = new BoardPage(page);
        await board.OpenAsync($"goals/{goalId}");
        // The circuit runs over a WebSocket that nginx upgraded, not a long-polling fallback.
        Assert.Contains(sockets, s => s.Url.Contains("/_blazor", StringComparison.Ordinal) && !s.IsClosed);
        using var api = other.NewClient(await instances.KeyAsync(email));
        var completed = await api.PatchAsync(new Uri($"api/v1/goals/{goalId}/milestones/{milestoneId}", UriKind.Relative),
            JsonContent.Create(new { status = "failed" }));

        completed.EnsureSuccessStatusCode();
        await Assertions.Expect(board.Row("Check the weather")).ToHaveAttributeAsync("data-status", "Failed");
        // The board is live over that WebSocket, through nginx: it still takes input.
        await board.AddMilestoneAsync("Pack the boat");
        await context.CloseAsync();
    }

    private static async Task<string> InstanceServingAsync(IPage page)
    {
        var response = await page.APIRequest.GetAsync("status");
        using var body = JsonDocument.Parse(await response.TextAsync());
        return body.RootElement.GetProperty("instance").GetString()!;
    }
}

using System.Collections.Concurrent;
using System.Net;
using Microsoft.Playwright;
using Strive.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Strive.E2E.ApiDocs;

/// <summary>
/// The API reference at /api/docs is part of a self-hosted product (issue 13): it works with no internet and
/// sends nothing to Scalar, and its online-only features are not offered.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ApiReferenceOfflineTests(StriveServerFixture server)
{
    private const int RenderTimeoutMs = 30_000;

    [Fact]
    public async Task ApiReference_RendersWithEveryOutsideRequestBlocked_AndAsksForNothingOutside()
    {
        var context = await server.NewContextAsync();
        await using var _ = context;
        var outside = new ConcurrentQueue<string>();
        var failed = new ConcurrentQueue<string>();

        // As on a machine with no internet: anything not on this machine is refused, and noted.
        await context.RouteAsync("**/*", async route =>
        {
            if (IsLoopback(route.Request.Url))
            {
                await route.ContinueAsync();
            }
            else
            {
                outside.Enqueue($"{route.Request.Method} {route.Request.Url}");
                await route.AbortAsync("internetdisconnected");
            }
        });
        var page = await context.NewPageAsync();
        page.RequestFailed += (_, request) => failed.Enqueue($"{request.Method} {request.Url}: {request.Failure}");
        page.WebSocket += (_, socket) =>
        {
            if (!IsLoopback(socket.Url))
            {
                outside.Enqueue($"WebSocket {socket.Url}");
            }
        };

        var response = await page.GotoAsync("api/docs/");

        Assert.Equal((int)HttpStatusCode.OK, response!.Status);
        // The reference is built in the browser from the whole document: slow on a busy machine.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Strive API" }).First)
            .ToBeVisibleAsync(new() { Timeout = RenderTimeoutMs });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "List goals" }))
            .ToBeVisibleAsync(new() { Timeout = RenderTimeoutMs });

        // Open another operation, as a reader does, so lazily loaded parts load too; its 400 is its own.
        await page.GetByRole(AriaRole.Button, new() { Name = "Open Group - Milestones" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Reorder all milestones" }).ClickAsync();
        var reorder = page.Locator("section").Filter(new()
        {
            Has = page.GetByRole(AriaRole.Heading, new() { Name = "Reorder all milestones", Exact = true }),
        }).Last;
        await Expect(reorder).ToBeVisibleAsync(new() { Timeout = RenderTimeoutMs });
        await reorder.GetByRole(AriaRole.Tab, new() { Name = "Status: 400 Bad Request" }).ClickAsync();
        await Expect(reorder.GetByText("ids must list every milestone of the goal exactly once").First).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.True(outside.IsEmpty, "asked for something off this machine:\n" + string.Join("\n", outside));
        Assert.True(failed.IsEmpty, "failed requests:\n" + string.Join("\n", failed));

        // The online features: developer tools (Share, Generate SDK, Deploy), Ask AI, and the client hosted by
        // Scalar (which would be handed this document's address).
        await Expect(page.Locator("a[href*='client.scalar.com']")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Open API Client" })).ToHaveCountAsync(0);
        foreach (var online in (string[])["Ask AI", "Generate SDK", "Deploy", "Share"])
        {
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = online, Exact = true })).ToHaveCountAsync(0);
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = online, Exact = true })).ToHaveCountAsync(0);
        }
    }

    private static bool IsLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme is "data" or "blob" || uri.IsLoopback);
}

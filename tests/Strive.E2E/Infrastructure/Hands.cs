using Microsoft.Playwright;

namespace Strive.E2E.Infrastructure;

public enum Hand
{
    Mouse,
    Touch,
}

/// <summary>A pointer a person drags with: the mouse, or a finger on a touch screen.</summary>
public interface IHand
{
    Task DownAsync((double X, double Y) at);

    /// <summary>Moves in small steps, each one a separate event, as a hand does.</summary>
    Task MoveAsync((double X, double Y) from, (double X, double Y) to, int steps);

    Task UpAsync((double X, double Y) at);
}

public sealed class MouseHand(IPage page) : IHand
{
    public async Task DownAsync((double X, double Y) at)
    {
        await page.Mouse.MoveAsync((float)at.X, (float)at.Y);
        await page.Mouse.DownAsync();
    }

    public Task MoveAsync((double X, double Y) from, (double X, double Y) to, int steps) =>
        page.Mouse.MoveAsync((float)to.X, (float)to.Y, new() { Steps = steps });

    public Task UpAsync((double X, double Y) at) => page.Mouse.UpAsync();
}

/// <summary>
/// Real touch input through the Chrome DevTools Protocol (Playwright only taps): touchstart, a
/// touchmove per step, touchend, with the browser's own touch-to-pointer handling in between.
/// Needs a context created with HasTouch.
/// </summary>
public sealed class TouchHand : IHand
{
    private readonly ICDPSession _cdp;

    private TouchHand(ICDPSession cdp) => _cdp = cdp;

    public static async Task<TouchHand> CreateAsync(IPage page) =>
        new(await page.Context.NewCDPSessionAsync(page));

    public Task DownAsync((double X, double Y) at) => SendAsync("touchStart", at);

    public async Task MoveAsync((double X, double Y) from, (double X, double Y) to, int steps)
    {
        for (var i = 1; i <= steps; i++)
        {
            await SendAsync("touchMove", (from.X + ((to.X - from.X) * i / steps), from.Y + ((to.Y - from.Y) * i / steps)));
        }
    }

    public async Task UpAsync((double X, double Y) at) => await _cdp.SendAsync("Input.dispatchTouchEvent",
        new Dictionary<string, object> { ["type"] = "touchEnd", ["touchPoints"] = Array.Empty<object>() });

    private async Task SendAsync(string type, (double X, double Y) at) => await _cdp.SendAsync("Input.dispatchTouchEvent",
        new Dictionary<string, object>
        {
            ["type"] = type,
            ["touchPoints"] = new object[] { new Dictionary<string, object> { ["x"] = at.X, ["y"] = at.Y } },
        });
}

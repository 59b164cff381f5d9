using Microsoft.Playwright;

namespace Strive.E2E.Infrastructure;

/// <summary>Acting on a page that is prerendered first and becomes interactive when its Blazor circuit connects.</summary>
public static class Interactive
{
    private const int Attempts = 30;
    private const int WaitPerAttemptMs = 1000;

    /// <summary>
    /// Clicks <paramref name="button"/> until <paramref name="appears"/> is visible: a click on the
    /// prerendered button before the circuit is up does nothing, so the first few may be lost. When
    /// it never appears, the test fails here and says what it waited for.
    /// </summary>
    public static async Task ClickUntilVisibleAsync(ILocator button, ILocator appears, string what)
    {
        ArgumentNullException.ThrowIfNull(button);
        ArgumentNullException.ThrowIfNull(appears);
        for (var attempt = 1; !await appears.IsVisibleAsync(); attempt++)
        {
            await button.ClickAsync();
            try
            {
                await appears.WaitForAsync(new LocatorWaitForOptions { Timeout = WaitPerAttemptMs });
            }
            catch (TimeoutException) when (attempt < Attempts)
            {
                // Not interactive yet: click again.
            }
            catch (TimeoutException e)
            {
                throw new TimeoutException(
                    $"{what} did not appear after {Attempts} clicks over {Attempts * WaitPerAttemptMs / 1000} s; "
                    + "the page never became interactive or the click does something else now.", e);
            }
        }
    }
}

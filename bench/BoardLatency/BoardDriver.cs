using System.Text.Json;
using Microsoft.Playwright;

namespace Strive.Bench.BoardLatency;

/// <summary>
/// One round on a board, driven the way a person uses it: open the board, move a row with the
/// keyboard, change a row's status through its menu, drag a row by its handle. Every time comes from
/// the probes inside the page (board-probe.js); Playwright only acts and collects.
/// </summary>
internal sealed class BoardDriver(IPage page)
{
    private const int LoadTimeoutMs = 30_000;
    private const int ChangeTimeoutMs = 5_000;
    private const int DragTimeoutMs = 3_000;
    private const int QuietMs = 300;
    private const int KeyboardRow = 2;
    private const int StatusRow = 0;
    private const int DragFromRow = 4;
    private const int DragOntoRow = 1;

    private ILocator Rows => page.GetByTestId("milestone");

    public async Task<RoundSample> RunRoundAsync(string goalPath)
    {
        var load = await AttemptAsync("load", () => MeasureLoadAsync(goalPath));
        if (load is null)
        {
            return new RoundSample(null, null, null, null);
        }

        var keyboard = await AttemptAsync("keyboard move", MeasureKeyboardMoveAsync);
        var status = await AttemptAsync("status change", MeasureStatusChangeAsync);
        var drag = await AttemptAsync("drag", MeasureDragAsync);
        return new RoundSample(load, keyboard, status, drag);
    }

    private async Task<LoadSample> MeasureLoadAsync(string goalPath)
    {
        // From a blank page, so the previous board's circuit and DOM are gone before the clock starts.
        await page.GotoAsync("about:blank");
        var response = await page.GotoAsync(goalPath, new() { WaitUntil = WaitUntilState.Commit })
            ?? throw new InvalidOperationException("The board navigation had no response");
        var probe = await page.EvaluateAsync<JsonElement>("t => window.__striveBench.loaded(t)", LoadTimeoutMs);
        var html = await response.BodyAsync();
        var sample = new LoadSample(
            Number(probe, "firstRowVisible") ?? throw new TimeoutException("No visible milestone row"),
            Number(probe, "firstRowInDom") ?? double.NaN,
            Number(probe, "interactive") ?? throw new TimeoutException("The board never became interactive"),
            html.Length,
            probe.GetProperty("elements").GetInt32(),
            new LoadPhases(
                Number(probe, "htmlReceived") ?? double.NaN,
                Number(probe, "domContentLoaded") ?? double.NaN,
                Number(probe, "scriptLoaded") ?? double.NaN,
                Number(probe, "socketOpen") ?? double.NaN,
                Number(probe, "lastMessage") ?? double.NaN,
                Number(probe, "messages") ?? double.NaN,
                Number(probe, "socketBytes") ?? double.NaN));
        await QuietAsync();
        return sample;
    }

    private async Task<ActionSample> MeasureKeyboardMoveAsync()
    {
        var row = Rows.Nth(KeyboardRow);
        var id = await IdOfAsync(row);
        await row.FocusAsync();
        await ArmAsync(id, "index", ["keydown"], key: "ArrowDown");
        await page.Keyboard.PressAsync("Alt+ArrowDown");
        return await ResultAsync(ChangeTimeoutMs);
    }

    /// <summary>Flips the first row between Pending and Succeeded, so every round makes a real change.</summary>
    private async Task<ActionSample> MeasureStatusChangeAsync()
    {
        var row = Rows.Nth(StatusRow);
        var id = await IdOfAsync(row);
        var pending = string.Equals(await row.GetAttributeAsync("data-status"), "Pending", StringComparison.OrdinalIgnoreCase);
        var item = page.Locator($"[data-testid={(pending ? "status-succeeded" : "status-pending")}]:visible");
        await row.GetByTestId("milestone-status").ClickAsync();
        await item.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = ChangeTimeoutMs });
        await ArmAsync(id, "status", ["pointerup", "click"]);
        await item.ClickAsync();
        var sample = await ResultAsync(ChangeTimeoutMs);
        await item.WaitForAsync(new() { State = WaitForSelectorState.Hidden, Timeout = ChangeTimeoutMs });
        return sample;
    }

    /// <summary>
    /// Presses on the fifth row's handle and carries it, in small steps with pauses, to the top edge
    /// of the second row.
    /// A drag that moves nothing within 3 s is reported as n/a, not as a failure.
    /// </summary>
    private async Task<ActionSample> MeasureDragAsync()
    {
        var dragged = Rows.Nth(DragFromRow);
        var id = await IdOfAsync(dragged);
        var handle = dragged.GetByTestId("milestone-drag-handle");
        await handle.ScrollIntoViewIfNeededAsync();
        var from = await handle.BoundingBoxAsync() ?? throw new InvalidOperationException("The drag handle has no box");
        await ArmAsync(id, "index", ["pointerup", "mouseup", "drop", "dragend"]);
        var (x, y) = (from.X + (from.Width / 2), from.Y + (from.Height / 2));
        await page.Mouse.MoveAsync(x, y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(x, y - 5, new() { Steps = 3 });
        await Task.Delay(300);
        var onto = await Rows.Nth(DragOntoRow).BoundingBoxAsync() ?? throw new InvalidOperationException("The target row has no box");
        await page.Mouse.MoveAsync(onto.X + (onto.Width / 2), onto.Y + 4, new() { Steps = 12 });
        await page.Mouse.MoveAsync(onto.X + (onto.Width / 2), onto.Y + 2, new() { Steps = 3 });
        await Task.Delay(300);
        await page.Mouse.UpAsync();
        return await ResultAsync(DragTimeoutMs, notApplicableWhenUnchanged: true);
    }

    private static async Task<string> IdOfAsync(ILocator row) =>
        await row.GetAttributeAsync("data-milestone-id") ?? throw new InvalidOperationException("A row without data-milestone-id");

    private async Task ArmAsync(string id, string watch, string[] triggers, string? key = null) =>
        await page.EvaluateAsync("s => window.__striveBench.arm(s)", new { id, watch, triggers, key });

    private async Task<ActionSample> ResultAsync(int timeoutMs, bool notApplicableWhenUnchanged = false)
    {
        var probe = await page.EvaluateAsync<JsonElement>("([t, q]) => window.__striveBench.result(t, q)",
            new object[] { timeoutMs, QuietMs });
        await QuietAsync();
        var shown = Number(probe, "shown");
        if (!probe.GetProperty("triggered").GetBoolean())
        {
            throw new TimeoutException("The action's trigger event never reached the page");
        }

        return shown is null && !notApplicableWhenUnchanged
            ? throw new TimeoutException($"No change within {timeoutMs} ms")
            : new ActionSample(shown, Number(probe, "settled"), probe.GetProperty("late").GetBoolean());
    }

    /// <summary>Lets the board finish what the last action started (reloads, re-renders) before the next.</summary>
    private async Task QuietAsync() => await page.EvaluateAsync("([q, m]) => window.__striveBench.quiet(q, m)", new object[] { QuietMs, 5_000 });

    private static double? Number(JsonElement probe, string name) =>
        probe.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    private static async Task<T?> AttemptAsync<T>(string what, Func<Task<T>> measure)
        where T : class
    {
        try
        {
            return await measure();
        }
        catch (Exception ex) when (ex is TimeoutException or PlaywrightException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"  {what} failed this round: {ex.Message.Split('\n')[0]}");
            return null;
        }
    }
}

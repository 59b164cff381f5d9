using Microsoft.Playwright;

namespace Strive.E2E.Board;

/// <summary>A thin page object for /goals and /goals/{id}, located by the data-testid contract.</summary>
public sealed class BoardPage(IPage page)
{
    public IPage Page => page;

    public ILocator Board => page.GetByTestId("milestone-board");

    public ILocator Rows => page.GetByTestId("milestone");

    public ILocator Progress => page.GetByTestId("goal-progress");

    public ILocator Row(string content) =>
        Rows.Filter(new LocatorFilterOptions { Has = page.GetByTestId("milestone-content").GetByText(content, new() { Exact = true }) });

    /// <summary>From /goals: the "New goal" dialog, then the new goal's page, ready for input.</summary>
    public async Task<string> CreateGoalAsync(string title)
    {
        await page.GetByTestId("new-goal").ClickAsync();
        await page.GetByTestId("goal-title").FillAsync(title);
        await page.GetByTestId("create-goal").ClickAsync();
        await page.WaitForURLAsync("**/goals/*");
        await WaitUntilInteractiveAsync();
        return page.Url;
    }

    /// <summary>The board renders first without a circuit (prerendering); controls work once this is true.</summary>
    public Task WaitUntilInteractiveAsync() =>
        page.Locator("[data-testid=milestone-board][data-interactive=true]").WaitForAsync();

    public async Task OpenAsync(string url)
    {
        await page.GotoAsync(url);
        await WaitUntilInteractiveAsync();
    }

    public async Task AddMilestoneAsync(string content)
    {
        var count = await Rows.CountAsync();
        var input = page.GetByTestId("new-milestone-content");
        await input.FillAsync(content);
        await input.PressAsync("Enter");
        await Assertions.Expect(Rows).ToHaveCountAsync(count + 1);
        await Assertions.Expect(input).ToHaveValueAsync("");
    }

    public async Task<IReadOnlyList<string>> ContentsAsync() =>
        [.. (await Rows.GetByTestId("milestone-content").AllInnerTextsAsync()).Select(t => t.Trim())];

    public Task ExpectOrderAsync(params string[] contents) =>
        Assertions.Expect(Rows.GetByTestId("milestone-content")).ToHaveTextAsync(contents);

    /// <summary>
    /// Drags a row by its handle onto the top edge of another row, the way a person does it
    /// (DragToAsync alone is blocked by MudBlazor's drop preview; see /work/shared/NOTES.md).
    /// </summary>
    public async Task DragAsync(string content, string ontoContent)
    {
        var handle = Row(content).GetByTestId("milestone-drag-handle");
        var from = (await handle.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(from.X + (from.Width / 2), from.Y + (from.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(from.X + (from.Width / 2), from.Y + (from.Height / 2) - 5, new() { Steps = 3 });
        // MudDropZone reports pointer positions to the circuit asynchronously and may re-lay the rows
        // out once a drag starts; a person's hand pauses at each end, and so does this one, so the
        // target is measured on the settled layout and the drop index catches up before release.
        await page.WaitForTimeoutAsync(300);
        var to = (await Row(ontoContent).BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(to.X + (to.Width / 2), to.Y + 4, new() { Steps = 12 });
        await page.Mouse.MoveAsync(to.X + (to.Width / 2), to.Y + 2, new() { Steps = 3 });
        await page.WaitForTimeoutAsync(300);
        await page.Mouse.UpAsync();
    }

    public async Task SetStatusAsync(string content, string statusTestId)
    {
        await Row(content).GetByTestId("milestone-status").ClickAsync();
        await page.GetByTestId(statusTestId).ClickAsync();
        // The menu hands focus back to its button as it closes; wait for that before the next step.
        await Assertions.Expect(page.GetByTestId(statusTestId)).ToBeHiddenAsync();
    }
}

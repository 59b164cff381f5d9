using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Strive.E2E.Infrastructure;

namespace Strive.E2E.Board;

/// <summary>A thin page object for /goals and /goals/{id}, located by the data-testid contract.</summary>
public sealed class BoardPage(IPage page)
{
    public IPage Page => page;

    public ILocator Board => page.GetByTestId("milestone-board");

    /// <summary>The board's rows in order (not the copy of a row that follows the pointer during a drag).</summary>
    public ILocator Rows => page.GetByTestId("milestone-list").Locator(":scope > [data-testid=milestone]");

    public ILocator Progress => page.GetByTestId("goal-progress");

    public ILocator Row(string content) =>
        Rows.Filter(new LocatorFilterOptions { Has = page.GetByTestId("milestone-content").GetByText(content, new() { Exact = true }) });

    /// <summary>From /goals: the "New goal" dialog, then the new goal's page, ready for input.</summary>
    public async Task<string> CreateGoalAsync(string title)
    {
        await page.GetByTestId("new-goal").ClickAsync();
        await page.GetByTestId("goal-title").FillAsync(title);
        await page.GetByTestId("create-goal").ClickAsync();
        // The app moves to the new goal in-document (history.pushState). WaitForURLAsync waits for a load
        // event as well, which such a navigation may never give it: poll the address instead.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/goals/[^/]+$"));
        await WaitUntilInteractiveAsync();
        return page.Url;
    }

    /// <summary>The board renders first without a circuit (prerendering); controls work once this is true.</summary>
    public Task WaitUntilInteractiveAsync() =>
        page.Locator("[data-testid=milestone-board][data-interactive=true]").WaitForAsync();

    /// <summary>The board shows changes before the server has them; this waits until every one is saved.</summary>
    public Task WaitUntilSavedAsync() =>
        Assertions.Expect(Board).ToHaveAttributeAsync("data-saving", "false");

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
    /// Drags a row by its handle the way a person does: press, move in small steps to a point on
    /// another row, look at where the placeholder shows the row will land, release. Returns once the
    /// drop is shown. <paramref name="at"/> is where on the target the pointer is released.
    /// </summary>
    public async Task DragAsync(string content, string ontoContent, DropAt at = DropAt.Centre, Hand with = Hand.Mouse)
    {
        await BringIntoViewAsync(content, ontoContent);
        var start = Centre((await Row(content).GetByTestId("milestone-drag-handle").BoundingBoxAsync())!);
        var end = Point((await Row(ontoContent).BoundingBoxAsync())!, at);
        var expected = await ExpectedIndexAsync(content, ontoContent, at);
        var hand = with == Hand.Mouse ? (IHand)new MouseHand(page) : await TouchHand.CreateAsync(page);

        await hand.DownAsync(start);
        await hand.MoveAsync(start, (start.X, start.Y + 6), steps: 3);
        await hand.MoveAsync((start.X, start.Y + 6), end, steps: 16);
        // The placeholder is the promise: release once it shows where the row will land.
        try
        {
            await WaitForPlaceholderAtAsync(content, expected);
        }
        catch (TimeoutException e)
        {
            var pressed = await page.EvaluateAsync<string>(
                "([x, y]) => { const el = document.elementFromPoint(x, y); return el ? el.outerHTML.slice(0, 160) : 'nothing'; }",
                new[] { start.X, start.Y });
            throw new TimeoutException($"{e.Message}; pressed at {start} on {pressed}", e);
        }

        await hand.UpAsync(end);
        await Assertions.Expect(page.Locator(".sortable-drag-image")).ToHaveCountAsync(0);
    }

    /// <summary>Presses a row's handle and holds the pointer at the viewport's bottom edge until the page has scrolled by <paramref name="pixels"/>; then releases.</summary>
    public async Task DragToBottomEdgeAsync(string content, int pixels, Hand with)
    {
        var start = Centre((await Row(content).GetByTestId("milestone-drag-handle").BoundingBoxAsync())!);
        var viewport = page.ViewportSize!;
        var edge = (X: start.X, Y: viewport.Height - 8.0);
        var hand = with == Hand.Mouse ? (IHand)new MouseHand(page) : await TouchHand.CreateAsync(page);
        var scrolledBefore = await page.EvaluateAsync<double>("() => window.scrollY");

        await hand.DownAsync(start);
        await hand.MoveAsync(start, (start.X, start.Y + 6), steps: 3);
        await hand.MoveAsync((start.X, start.Y + 6), edge, steps: 16);
        await page.WaitForFunctionAsync("target => window.scrollY >= target", scrolledBefore + pixels,
            new() { Timeout = 15_000 });
        await hand.UpAsync(edge);
        await Assertions.Expect(page.Locator(".sortable-drag-image")).ToHaveCountAsync(0);
    }

    private async Task WaitForPlaceholderAtAsync(string content, int index)
    {
        try
        {
            await page.WaitForFunctionAsync(
                """
                ([content, index]) => {
                    const rows = [...document.querySelectorAll('[data-testid=milestone-list] > [data-testid=milestone]')];
                    const row = rows[index];
                    return row && row.classList.contains('sortable-placeholder')
                        && row.querySelector('[data-testid=milestone-content]').textContent.trim() === content;
                }
                """, new object[] { content, index }, new() { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            // Say where the placeholder was instead, and what the rows looked like.
            var state = await page.EvaluateAsync<string>(
                """
                () => JSON.stringify({
                    scrollY: window.scrollY,
                    sortable: Object.keys(document.querySelector('[data-testid=milestone-list]')).filter(k => k.startsWith('Sortable')).length,
                    active: !!(window.Sortable && window.Sortable.active),
                    animated: [...document.querySelectorAll('[data-testid=milestone-list] > [data-testid=milestone]')].map(r => !!r.animated),
                    dragImage: !!document.querySelector('.sortable-drag-image'),
                    rows: [...document.querySelectorAll('[data-testid=milestone-list] > [data-testid=milestone]')].map(r => {
                        const box = r.getBoundingClientRect();
                        return `${r.querySelector('[data-testid=milestone-content]').textContent.trim()} ${r.className} y=${Math.round(box.top)}..${Math.round(box.bottom)} order=${r.style.order}`;
                    }),
                })
                """);
            throw new TimeoutException($"'{content}' never showed its placeholder at {index}: {state}");
        }
    }

    /// <summary>Scrolls so both rows are on screen, as a person would before dragging one onto the other.</summary>
    private async Task BringIntoViewAsync(string content, string ontoContent)
    {
        var from = (await Row(content).BoundingBoxAsync())!;
        var to = (await Row(ontoContent).BoundingBoxAsync())!;
        // (A float argument reaches the page as an object; a double as a number.)
        var middle = (Math.Min(from.Y, to.Y) + Math.Max(from.Y + from.Height, to.Y + to.Height)) / 2;
        await page.EvaluateAsync("middle => window.scrollBy({ top: middle - window.innerHeight / 2, behavior: 'instant' })", (double)middle);
    }

    private async Task<int> ExpectedIndexAsync(string content, string ontoContent, DropAt at)
    {
        var contents = await ContentsAsync();
        return at switch
        {
            DropAt.AboveFirst => 0,
            DropAt.BelowLast => contents.Count - 1,
            _ => contents.ToList().IndexOf(ontoContent),
        };
    }

    private static (double X, double Y) Centre(LocatorBoundingBoxResult box) => (box.X + (box.Width / 2), box.Y + (box.Height / 2));

    private static (double X, double Y) Point(LocatorBoundingBoxResult box, DropAt at) => at switch
    {
        DropAt.AboveFirst => (box.X + (box.Width / 2), box.Y - 6),
        DropAt.BelowLast => (box.X + (box.Width / 2), box.Y + box.Height + 6),
        _ => Centre(box),
    };

    public async Task SetStatusAsync(string content, string statusTestId)
    {
        await Row(content).GetByTestId("milestone-status").ClickAsync();
        await page.GetByTestId(statusTestId).ClickAsync();
        // The menu hands focus back to its button as it closes; wait for that before the next step.
        await Assertions.Expect(page.GetByTestId(statusTestId)).ToBeHiddenAsync();
    }
}

public enum DropAt
{
    Centre,
    /// <summary>A few pixels above the target row (use the first row).</summary>
    AboveFirst,
    /// <summary>A few pixels below the target row (use the last row).</summary>
    BelowLast,
}

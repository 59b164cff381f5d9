using Microsoft.Playwright;
using Strive.E2E.Infrastructure;

namespace Strive.E2E.Board;

/// <summary>
/// Issue 24, row 1: the milestone editor saves as the person types, so every way of closing it (Done,
/// Esc, a click on the backdrop) shows the saved changes on the row at once, without a reload.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class MilestoneEditorCloseTests(StriveServerFixture server)
{
    [Theory]
    [InlineData("done")]
    [InlineData("escape")]
    [InlineData("backdrop")]
    public async Task EditsSavedInTheEditor_ShowOnTheRow_HoweverTheEditorIsClosed(string closeWith)
    {
        var email = StriveServerFixture.NewEmail("editor-close");
        await (await server.RegisterAndSignInAsync(email)).Context.CloseAsync();
        var path = await server.GoalAsync(email, "Learn the cello", ["Buy a cello", "Practise scales"]);
        var board = new BoardPage(await server.SignedInPageAsync(email, timezoneId: "UTC", locale: "en-GB"));
        var page = board.Page;
        await board.OpenAsync(path);

        await board.Row("Practise scales").GetByTestId("milestone-content").ClickAsync();
        var saveState = page.GetByTestId("save-state");
        await page.GetByTestId("editor-description").FillAsync("Twenty minutes a day");
        await page.GetByTestId("editor-description").PressAsync("Tab");
        await Assertions.Expect(saveState).ToContainTextAsync("Saved");
        var day = server.Clock.Today.AddDays(30);
        await page.GetByTestId("editor-deadline").FillAsync(day.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByTestId("editor-deadline").PressAsync("Tab");
        var subtasks = new[] { "C major", "G major", "Metronome at 80" };
        for (var i = 0; i < subtasks.Length; i++)
        {
            var subtask = subtasks[i];
            await page.GetByTestId("new-subtask").FillAsync(subtask);
            await page.GetByTestId("new-subtask").PressAsync("Enter");
            await Assertions.Expect(page.GetByTestId("subtask")).ToHaveCountAsync(i + 1);
        }

        await Assertions.Expect(saveState).ToContainTextAsync("Saved");
        await CloseAsync(page, closeWith);

        await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        var row = board.Row("Practise scales");
        await Assertions.Expect(row.Locator(".milestone-description")).ToHaveTextAsync("Twenty minutes a day");
        await Assertions.Expect(row.GetByTestId("milestone-deadline")).ToContainTextAsync("due in 30 days");
        await Assertions.Expect(row.GetByTestId("milestone-subtasks")).ToHaveTextAsync("0/3");
        await page.Context.CloseAsync();
    }

    private static async Task CloseAsync(IPage page, string closeWith)
    {
        switch (closeWith)
        {
            case "done":
                await page.GetByTestId("editor-done").ClickAsync();
                break;
            case "escape":
                await page.Keyboard.PressAsync("Escape");
                break;
            default:
                // The backdrop around the dialog: a corner of the viewport the dialog never covers.
                await page.Mouse.ClickAsync(8, 8);
                break;
        }
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Strive.Domain.Goals;
using Strive.E2E.Accessibility;
using Strive.E2E.Infrastructure;
using Xunit.Abstractions;

namespace Strive.E2E.Board;

/// <summary>
/// Issue 24, rows 2, 3 and 19: on a 390 px phone, in both themes, every row keeps its handle, number
/// and title on one line (the actions on the next), a pledge's icon sits beside its text, and the
/// pledge pills in every state pass axe's contrast check. With STRIVE_SCREENSHOTS set, the board is
/// saved as board-phone-pledges(-dark).png.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class BoardPhoneLayoutTests(StriveServerFixture server, ITestOutputHelper output)
{
    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task AtPhoneWidth_HandleNumberAndTitleShareALine_PledgeIconsSitBesideTheirText_AndPillsAreReadable(string theme)
    {
        var owner = StriveServerFixture.NewEmail("phone-owner");
        var supporter = StriveServerFixture.NewEmail("phone-supporter");
        await (await server.RegisterAndSignInAsync(owner)).Context.CloseAsync();
        await (await server.RegisterAndSignInAsync(supporter)).Context.CloseAsync();
        var path = await server.GoalAsync(owner, "Marathon in spring",
            ["Buy running shoes that fit after twenty kilometres", "Run 5 km"]);
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var added = await scope.ServiceProvider.GetRequiredService<IStakeholderService>()
                .AddAsync(await server.UserIdAsync(owner), path["goals/".Length..], supporter, StakeholderRoles.Supporter);
            Assert.True(added.IsSuccess);
        }

        await PledgeStates.SeedAsync(server, owner, supporter, path);
        var page = await server.SignedInPageAsync(owner, theme == "dark" ? ColorScheme.Dark : ColorScheme.Light);
        await page.Context.AddCookiesAsync([new Cookie { Name = "strive-theme", Value = theme, Url = server.BaseUrl.ToString() }]);
        await page.SetViewportSizeAsync(390, 844);
        var board = new BoardPage(page);
        await board.OpenAsync(path);
        await SaveScreenshotAsync(page, theme == "dark" ? "board-phone-pledges-dark.png" : "board-phone-pledges.png");

        foreach (var row in await board.Rows.AllAsync())
        {
            await ExpectOneLineAsync(row);
        }

        foreach (var pledge in await page.GetByTestId("pledge").AllAsync())
        {
            await ExpectIconBesideTextAsync(pledge);
        }

        var axe = new Axe();
        await axe.CheckAsync(page, $"{theme}: board at 390 px, a pledge in every state");
        output.WriteLine(axe.Report());
        Assert.True(axe.Blocking.Count == 0, axe.Report());
        await page.Context.CloseAsync();
    }

    /// <summary>The title starts beside the number (not under it), level with the handle; the status sits below.</summary>
    private static async Task ExpectOneLineAsync(ILocator row)
    {
        var name = await row.GetByTestId("milestone-content").TextContentAsync();
        var handle = (await row.GetByTestId("milestone-drag-handle").BoundingBoxAsync())!;
        var number = (await row.Locator(".milestone-position").BoundingBoxAsync())!;
        var title = (await row.GetByTestId("milestone-content").BoundingBoxAsync())!;
        var status = (await row.GetByTestId("milestone-status").BoundingBoxAsync())!;
        Assert.True(title.X >= number.X + number.Width && title.Y < handle.Y + handle.Height,
            $"\"{name}\": the title ({title.X},{title.Y}) is not on the line of the handle ({handle.X},{handle.Y} {handle.Width}x{handle.Height}) and number ({number.X},{number.Y}).");
        Assert.True(status.Y >= title.Y + title.Height - 1, $"\"{name}\": the status is not below the title.");
    }

    /// <summary>The icon ends where the first line of the pledge's text begins, on that same line.</summary>
    private static async Task ExpectIconBesideTextAsync(ILocator pledge)
    {
        var icon = (await pledge.Locator(".pledge-text > svg").BoundingBoxAsync())!;
        // The first line of the text: a name that wraps has a box per line, and the first is beside the icon.
        var first = await pledge.GetByTestId("pledge-supporter").EvaluateAsync<double[]>(
            "e => { const r = e.getClientRects()[0]; return [r.left, r.top, r.bottom]; }");
        Assert.True(first[0] >= icon.X + icon.Width - 1 && icon.Y < first[2] && icon.Y + icon.Height > first[1],
            $"A pledge's icon ({icon.X},{icon.Y}) is not beside the first line of its text ({first[0]},{first[1]}).");
    }

    /// <summary>With STRIVE_SCREENSHOTS set to a folder, saves the page there (docs/screenshots is made this way).</summary>
    private static async Task SaveScreenshotAsync(IPage page, string fileName)
    {
        if (Environment.GetEnvironmentVariable("STRIVE_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, fileName), FullPage = true });
        }
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Strive.Domain.Milestones;
using Strive.E2E.Board;
using Strive.E2E.Infrastructure;

namespace Strive.E2E.Goals;

/// <summary>
/// Issue 24, rows 6 and 10: a new goal's form is clean until the person acts; long texts get a counter before
/// their limit, a long goal title stays three lines on its card, and the activity quotes a milestone briefly.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class LongTextTests(StriveServerFixture server)
{
    private const string Required = "Give your goal a title";

    [Fact]
    public async Task NewGoalForm_ShowsNoErrorBeforeTyping_OnlyWhenCreatedEmpty()
    {
        var page = await server.RegisterAndSignInAsync(StriveServerFixture.NewEmail("clean-form"));
        await OpenNewGoalAsync(page);
        var title = page.GetByTestId("goal-title");
        // Into the title and out again without typing, as a person looking around the form does.
        await title.ClickAsync();
        await page.GetByTestId("goal-description").ClickAsync();

        await Assertions.Expect(page.GetByText(Required)).ToHaveCountAsync(0);
        await Assertions.Expect(title).Not.ToHaveAttributeAsync("aria-invalid", "true");

        await page.GetByTestId("create-goal").ClickAsync();
        await Assertions.Expect(page.GetByText(Required)).ToBeVisibleAsync();
        await title.FillAsync("Swim a mile");
        await Assertions.Expect(page.GetByText(Required)).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    private static async Task OpenNewGoalAsync(IPage page)
    {
        await Assertions.Expect(page.GetByTestId("new-goal")).ToBeEnabledAsync();
        await page.GetByTestId("new-goal").ClickAsync();
        await Assertions.Expect(page.GetByTestId("goal-title")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task LongTitleAndMilestone_ShowACounter_TheCardClampsTheTitle_AndTheActivityQuotesBriefly()
    {
        var email = StriveServerFixture.NewEmail("long-text");
        var page = await server.RegisterAndSignInAsync(email);
        var longTitle = string.Join(' ', Enumerable.Repeat("Learn to play the cello well", 8))[..Strive.Domain.Goals.Goal.TitleMaxLength];
        await OpenNewGoalAsync(page);
        await page.GetByTestId("goal-title").FillAsync(longTitle);
        await Assertions.Expect(page.Locator(".mud-dialog")).ToContainTextAsync($"{longTitle.Length} / {longTitle.Length}");
        await page.GetByTestId("create-goal").ClickAsync();
        var board = new BoardPage(page);
        await board.WaitUntilInteractiveAsync();

        var content = page.GetByTestId("new-milestone-content");
        await content.FillAsync(new string('a', 300));
        await Assertions.Expect(page.GetByTestId("new-milestone-counter")).ToHaveCountAsync(0);
        await content.FillAsync(new string('a', 450));
        await Assertions.Expect(page.GetByTestId("new-milestone-counter")).ToHaveTextAsync($"450 / {Milestone.ContentMaxLength}");

        var goalId = page.Url[(page.Url.LastIndexOf('/') + 1)..];
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<IMilestoneService>().CreateAsync(
                await server.UserIdAsync(email), goalId, new NewMilestone(string.Concat(Enumerable.Repeat("Practise scales slowly ", 25))[..Milestone.ContentMaxLength]));
            Assert.True(created.IsSuccess);
        }

        await board.OpenAsync($"goals/{goalId}");
        var entry = page.GetByTestId("activity-list").Locator("li").Filter(new() { HasText = "added the milestone" });
        var text = await entry.InnerTextAsync();
        Assert.True(text.Contains('…', StringComparison.Ordinal) && text.Length < 200, $"The activity quotes the whole milestone: {text}");

        await page.GotoAsync("goals");
        var card = page.GetByTestId("goal-card").Locator(".goal-card-title");
        await card.WaitForAsync();
        // The list renders again once the circuit is up; measure the card once it is laid out.
        await page.WaitForFunctionAsync(
            "() => document.querySelector('[data-testid=goal-card] .goal-card-title')?.clientHeight > 0");
        // Clamped: the box shows three lines of the title's text and hides the rest.
        var box = await card.EvaluateAsync<double[]>(
            "e => [e.clientHeight, e.scrollHeight, parseFloat(getComputedStyle(e).lineHeight) || 0]");
        Assert.True(box[1] > box[0] + 1 && box[0] <= 3 * box[2] + 1,
            $"The card's title is {box[0]} px of {box[1]} px at a line height of {box[2]} px: not clamped to three lines.");
        await page.Context.CloseAsync();
    }
}

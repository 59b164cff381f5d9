using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Strive.Domain.Milestones;
using Strive.E2E.Infrastructure;

namespace Strive.E2E.Board;

/// <summary>Issue 24, row 13: the board's search finds a milestone by the text of one of its subtasks.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class BoardSearchSubtaskTests(StriveServerFixture server)
{
    [Fact]
    public async Task Search_ForASubtasksText_ShowsItsMilestone()
    {
        var email = StriveServerFixture.NewEmail("subtask-search");
        var board = new BoardPage(await server.RegisterAndSignInAsync(email));
        var path = await server.GoalAsync(email, "Learn the cello", ["Buy a cello"]);
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<IMilestoneService>().CreateAsync(
                await server.UserIdAsync(email), path["goals/".Length..],
                new NewMilestone("Practise scales", Subtasks: [new Subtask("C major", true), new Subtask("Metronome at 80", false)]));
            Assert.True(created.IsSuccess);
        }

        await board.OpenAsync(path);
        await board.ExpectOrderAsync("Buy a cello", "Practise scales");
        await board.Page.GetByTestId("filter-text").FillAsync("metronome at 80");

        await board.ExpectOrderAsync("Practise scales");
        await board.Page.Context.CloseAsync();
    }
}

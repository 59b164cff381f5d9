using System.Text.Json;
using Strive.Domain.Events;
using Strive.Domain.Goals;
using Strive.Domain.Milestones;
using Strive.Domain.Tests.Infrastructure;

namespace Strive.Domain.Tests.Goals;

/// <summary>The goal page's one read answers what the five separate calls would, in a constant number of queries.</summary>
public sealed class GoalBoardTests : IDisposable
{
    private readonly CommandCounter _commands = new();
    private readonly DomainHarness _domain;

    public GoalBoardTests() => _domain = new DomainHarness(_commands);

    [Theory]
    [InlineData(StakeholderRoles.Admin)]
    [InlineData(StakeholderRoles.Spectator)]
    [InlineData(StakeholderRoles.Supporter)]
    public async Task GetBoard_AnswersWhatTheSeparateCallsAnswer(StakeholderRoles viewerRoles)
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var viewer = await JoinAsync(owner, goal, "viewer", viewerRoles);
        var supporter = await JoinAsync(owner, goal, "supporter", StakeholderRoles.Supporter);
        var a = await _domain.AddMilestoneAsync(owner, goal, "A");
        var b = await _domain.AddMilestoneAsync(owner, goal, "B");
        await _domain.Milestones.MoveAsync(owner, goal, b.Id, 0);
        await _domain.Supports.PledgeAsync(supporter, goal, a.Id, "Shoes");
        await _domain.Supports.PledgeAsync(supporter, goal, null, "Cheering");
        await _domain.Milestones.UpdateAsync(owner, goal, a.Id, new MilestoneChanges
        {
            Status = MilestoneStatus.Succeeded, Subtasks = new List<Subtask> { new("Lace up", true) },
        });

        var board = (await _domain.Goals.GetBoardAsync(viewer, goal, timelineLength: 5)).Value!;

        AssertSame((await _domain.Goals.GetAsync(viewer, goal)).Value, board.Goal);
        AssertSame((await _domain.Milestones.ListAsync(viewer, goal)).Value, board.Milestones);
        AssertSame((await _domain.Supports.ListAsync(viewer, goal)).Value, board.Supports);
        AssertSame((await _domain.Stakeholders.ListAsync(viewer, goal)).Value, board.Stakeholders);
        // The timeline is the event list with each person's run of changes to a milestone merged (ActivityMerge).
        AssertSame(ActivityMerge.Merge((await _domain.Goals.ListEventsAsync(viewer, goal, 30)).Value!).Take(5).ToList(),
            board.Events);
        Assert.Equal(["B", "A"], board.Milestones.Select(m => m.Content));
        Assert.Equal(5, board.Events.Count);
    }

    [Fact]
    public async Task GetBoard_RefusesAsGetDoes()
    {
        var (_, goal) = await _domain.CreateGoalAsync();
        var outsider = await _domain.CreateUserAsync("outsider");

        foreach (var goalId in new[] { goal, "missing" })
        {
            var expected = (await _domain.Goals.GetAsync(outsider, goalId)).Error;
            var board = await _domain.Goals.GetBoardAsync(outsider, goalId, 30);
            Assert.NotNull(expected);
            Assert.Equal(expected, board.Error);
        }
    }

    [Fact]
    public async Task GetBoard_IssuesTheSameNumberOfCommands_For1And200Milestones()
    {
        var (owner, small) = await _domain.CreateGoalAsync("One");
        var large = (await _domain.Goals.CreateAsync(owner, new NewGoal("Two hundred"))).Value!.Id;
        await _domain.AddMilestoneAsync(owner, small, "Only");
        for (var i = 0; i < 200; i++)
        {
            await _domain.AddMilestoneAsync(owner, large, $"Step {i}");
        }

        var one = await CountBoardCommandsAsync(owner, small);
        var twoHundred = await CountBoardCommandsAsync(owner, large);

        Assert.Equal(one, twoHundred);
        Assert.InRange(one, 1, 8);
    }

    private async Task<int> CountBoardCommandsAsync(string actorId, string goalId)
    {
        _commands.Reset();
        var board = await _domain.Goals.GetBoardAsync(actorId, goalId, 30);
        Assert.True(board.IsSuccess, board.Error?.Message);
        return _commands.Count;
    }

    private async Task<string> JoinAsync(string owner, string goal, string name, StakeholderRoles roles)
    {
        var user = await _domain.CreateUserAsync(name);
        var added = await _domain.Stakeholders.AddAsync(owner, goal, await _domain.EmailOfAsync(user), roles);
        Assert.True(added.IsSuccess, added.Error?.Message);
        return user;
    }

    /// <summary>By value, lists inside the views included.</summary>
    private static void AssertSame<T>(T expected, T actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));

    public void Dispose() => _domain.Dispose();
}

using Microsoft.EntityFrameworkCore;
using Strive.Domain.Events;
using Strive.Domain.Goals;
using Strive.Domain.Milestones;
using Strive.Domain.Tests.Infrastructure;

namespace Strive.Domain.Tests.Milestones;

/// <summary>"Move X to position k" is one call, whichever door it comes through.</summary>
public sealed class MilestoneMoveTests : IDisposable
{
    private readonly DomainHarness _domain = new();

    [Theory]
    [InlineData("D", 0, new[] { "D", "A", "B", "C" })]
    [InlineData("A", 3, new[] { "B", "C", "D", "A" })]
    [InlineData("B", 2, new[] { "A", "C", "B", "D" })]
    [InlineData("C", 1, new[] { "A", "C", "B", "D" })]
    [InlineData("B", 0, new[] { "B", "A", "C", "D" })]
    public async Task Move_PutsTheMilestoneThere_AndShiftsOnlyTheOnesItPasses(string content, int position,
        string[] expected)
    {
        var (owner, goal, ids) = await GoalWithAsync("A", "B", "C", "D");

        var moved = await _domain.Milestones.MoveAsync(owner, goal, ids[content], position);

        Assert.True(moved.IsSuccess, moved.Error?.Message);
        Assert.Equal(position, moved.Value.Order);
        Assert.Equal(expected, await _domain.ContentsInOrderAsync(owner, goal));
        await AssertDenseAsync(owner, goal);
    }

    [Fact]
    public async Task Move_ToTop_ShiftsOthersDown()
    {
        var (owner, goal, ids) = await GoalWithAsync("A", "B", "C");

        await _domain.Milestones.MoveAsync(owner, goal, ids["C"], 0);

        Assert.Equal(["C", "A", "B"], await _domain.ContentsInOrderAsync(owner, goal));
    }

    [Fact]
    public async Task Move_ToBottom_ShiftsOthersUp()
    {
        var (owner, goal, ids) = await GoalWithAsync("A", "B", "C");

        await _domain.Milestones.MoveAsync(owner, goal, ids["A"], 2);

        Assert.Equal(["B", "C", "A"], await _domain.ContentsInOrderAsync(owner, goal));
    }

    [Fact]
    public async Task Move_PastTheEnd_MovesToTheEnd()
    {
        var (owner, goal, ids) = await GoalWithAsync("A", "B", "C");

        var moved = await _domain.Milestones.MoveAsync(owner, goal, ids["A"], 99);

        Assert.Equal(2, moved.Value!.Order);
        Assert.Equal(["B", "C", "A"], await _domain.ContentsInOrderAsync(owner, goal));
    }

    [Fact]
    public async Task Move_FromABoardThatMissedChanges_MovesToTheClampedPositionInsteadOfFailing()
    {
        var (owner, goal, ids) = await GoalWithAsync("A", "B", "C");
        // The board still shows A, B, C; meanwhile someone added D and deleted C.
        await _domain.AddMilestoneAsync(owner, goal, "D");
        await _domain.Milestones.DeleteAsync(owner, goal, ids["C"]);

        var toWhatWasTheEnd = await _domain.Milestones.MoveAsync(owner, goal, ids["A"], 2);
        var pastTheEnd = await _domain.Milestones.MoveAsync(owner, goal, ids["B"], 3);

        Assert.True(toWhatWasTheEnd.IsSuccess && pastTheEnd.IsSuccess);
        Assert.Equal(["D", "A", "B"], await _domain.ContentsInOrderAsync(owner, goal));
        await AssertDenseAsync(owner, goal);
    }

    [Fact]
    public async Task Move_ToANegativePosition_IsRefused()
    {
        var (owner, goal, ids) = await GoalWithAsync("A", "B");

        var moved = await _domain.Milestones.MoveAsync(owner, goal, ids["B"], -1);

        Assert.Equal("order must be a non-negative integer", moved.Error?.Message);
        Assert.Equal(["A", "B"], await _domain.ContentsInOrderAsync(owner, goal));
    }

    [Theory]
    [InlineData(StakeholderRoles.Spectator)]
    [InlineData(StakeholderRoles.Supporter)]
    public async Task Move_BySomeoneWhoCannotPlan_IsForbidden(StakeholderRoles roles)
    {
        var (owner, goal, ids) = await GoalWithAsync("A", "B");
        var member = await _domain.CreateUserAsync("member");
        Assert.True((await _domain.Stakeholders.AddAsync(owner, goal, await _domain.EmailOfAsync(member), roles))
            .IsSuccess);

        var moved = await _domain.Milestones.MoveAsync(member, goal, ids["B"], 0);

        Assert.Equal("Only admins and achievers can update milestones", moved.Error?.Message);
        Assert.Equal(["A", "B"], await _domain.ContentsInOrderAsync(owner, goal));
    }

    [Fact]
    public async Task Move_ByAnAchiever_IsAllowed()
    {
        var (owner, goal, ids) = await GoalWithAsync("A", "B");
        var achiever = await _domain.CreateUserAsync("achiever");
        await _domain.Stakeholders.AddAsync(owner, goal, await _domain.EmailOfAsync(achiever), StakeholderRoles.Achiever);

        var moved = await _domain.Milestones.MoveAsync(achiever, goal, ids["B"], 0);

        Assert.True(moved.IsSuccess, moved.Error?.Message);
    }

    [Fact]
    public async Task Move_OfADeletedOrForeignMilestone_IsNotFound_AndOfAMissingGoalGoalNotFound()
    {
        var (owner, goal, ids) = await GoalWithAsync("A", "B");
        await _domain.Milestones.DeleteAsync(owner, goal, ids["A"]);
        var other = (await _domain.Goals.CreateAsync(owner, new NewGoal("Other"))).Value!.Id;
        var elsewhere = await _domain.AddMilestoneAsync(owner, other, "Elsewhere");

        Assert.Equal("Milestone not found", (await _domain.Milestones.MoveAsync(owner, goal, ids["A"], 0)).Error?.Message);
        Assert.Equal("Milestone not found",
            (await _domain.Milestones.MoveAsync(owner, goal, elsewhere.Id, 0)).Error?.Message);
        Assert.Equal("Goal not found", (await _domain.Milestones.MoveAsync(owner, "missing", ids["B"], 0)).Error?.Message);
    }

    [Fact]
    public async Task Move_RecordsOneMovedEvent_ThatReadsMovedXToPositionK()
    {
        var (owner, goal, ids) = await GoalWithAsync("A", "B", "Run 5K");

        await _domain.Milestones.MoveAsync(owner, goal, ids["Run 5K"], 1);

        var events = await EventsAfterCreationAsync(owner, goal);
        var moved = Assert.Single(events);
        Assert.Equal(GoalEventType.MilestoneMoved, moved.Type);
        Assert.Equal(ids["Run 5K"], moved.MilestoneId);
        Assert.Equal(owner, moved.ActorId);
        Assert.True(MilestoneMovedDetail.TryParse(moved.Detail, out var content, out var position));
        Assert.Equal(("Run 5K", 2), (content, position));
    }

    [Fact]
    public async Task UpdateWithOrder_RecordsTheSameEventAsMove()
    {
        var (owner, goal, ids) = await GoalWithAsync("A", "B", "C");

        var byMove = await EventsOfAsync(owner, goal, () => _domain.Milestones.MoveAsync(owner, goal, ids["C"], 0));
        var byPatch = await EventsOfAsync(owner, goal,
            () => _domain.Milestones.UpdateAsync(owner, goal, ids["C"], new MilestoneChanges { Order = 2 }));
        var byPatchWithMore = await EventsOfAsync(owner, goal, () => _domain.Milestones.UpdateAsync(owner, goal,
            ids["C"], new MilestoneChanges { Order = 0, Content = "C!" }));

        Assert.Equal([(GoalEventType.MilestoneMoved, "C → 1")], byMove);
        Assert.Equal([(GoalEventType.MilestoneMoved, "C → 3")], byPatch);
        Assert.Equal([(GoalEventType.MilestoneUpdated, "C!"), (GoalEventType.MilestoneMoved, "C! → 1")],
            byPatchWithMore.OrderBy(e => e.Type));
    }

    [Fact]
    public async Task Move_ToThePositionItHolds_SucceedsAndChangesNothing()
    {
        var (owner, goal, ids) = await GoalWithAsync("A", "B");
        var before = await GoalRowAsync(goal);
        _domain.Clock.Advance(TimeSpan.FromMinutes(1));

        var same = await _domain.Milestones.MoveAsync(owner, goal, ids["B"], 1);
        var pastTheEndWhileLast = await _domain.Milestones.MoveAsync(owner, goal, ids["B"], 7);
        var samePatch = await _domain.Milestones.UpdateAsync(owner, goal, ids["B"], new MilestoneChanges { Order = 1 });

        Assert.True(same.IsSuccess && pastTheEndWhileLast.IsSuccess && samePatch.IsSuccess);
        Assert.Equal(1, same.Value.Order);
        Assert.Empty(await EventsAfterCreationAsync(owner, goal));
        var after = await GoalRowAsync(goal);
        Assert.Equal((before.Version, before.UpdatedAt), (after.Version, after.UpdatedAt));
    }

    [Fact]
    public async Task Move_KeepsTheCountersAndTouchesTheGoal()
    {
        var (owner, goal, ids) = await GoalWithAsync("A", "B", "C");
        await _domain.Milestones.UpdateAsync(owner, goal, ids["B"], new MilestoneChanges { Status = MilestoneStatus.Failed });
        var before = await GoalRowAsync(goal);
        _domain.Clock.Advance(TimeSpan.FromMinutes(1));

        await _domain.Milestones.MoveAsync(owner, goal, ids["B"], 0);

        var after = await GoalRowAsync(goal);
        Assert.Equal((3, 1), (after.TasksTotal, after.TasksCompleted));
        Assert.NotEqual(before.Version, after.Version);
        Assert.Equal(_domain.Clock.GetUtcNow(), after.UpdatedAt);
    }

    private async Task<(string Owner, string Goal, Dictionary<string, string> Ids)> GoalWithAsync(
        params string[] contents)
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var content in contents)
        {
            ids[content] = (await _domain.AddMilestoneAsync(owner, goal, content)).Id;
        }

        return (owner, goal, ids);
    }

    private async Task<List<GoalEventView>> EventsAfterCreationAsync(string owner, string goal) =>
        [.. (await _domain.Goals.ListEventsAsync(owner, goal)).Value!
            .Where(e => e.Type is not (GoalEventType.GoalCreated or GoalEventType.MilestoneCreated))];

    /// <summary>The events one operation recorded, told apart from earlier ones by id.</summary>
    private async Task<List<(GoalEventType Type, string Detail)>> EventsOfAsync<T>(string owner, string goal,
        Func<Task<T>> operation)
    {
        var before = (await _domain.Goals.ListEventsAsync(owner, goal)).Value!.Select(e => e.Id).ToHashSet();
        await operation();
        return [.. (await _domain.Goals.ListEventsAsync(owner, goal)).Value!
            .Where(e => !before.Contains(e.Id))
            .Select(e => (e.Type, e.Detail))];
    }

    private async Task<Goal> GoalRowAsync(string goalId)
    {
        await using var db = await _domain.Contexts.CreateDbContextAsync();
        return await db.Goals.AsNoTracking().SingleAsync(g => g.Id == goalId);
    }

    private async Task AssertDenseAsync(string owner, string goal) =>
        Assert.Equal(Enumerable.Range(0, (await _domain.Milestones.ListAsync(owner, goal)).Value!.Count),
            (await _domain.Milestones.ListAsync(owner, goal)).Value!.Select(m => m.Order));

    public void Dispose() => _domain.Dispose();
}

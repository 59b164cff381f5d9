using Strive.Domain.Milestones;
using Strive.Domain.Tests.Infrastructure;

namespace Strive.Domain.Tests.Milestones;

public sealed class MilestoneOrderingTests : IDisposable
{
    private readonly DomainHarness _domain = new();

    [Fact]
    public async Task Create_WithoutOrder_AppendsAtTheEnd()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var first = await _domain.AddMilestoneAsync(owner, goal, "A");
        var second = await _domain.AddMilestoneAsync(owner, goal, "B");

        Assert.Equal(0, first.Order);
        Assert.Equal(1, second.Order);
        Assert.Equal(["A", "B"], await _domain.ContentsInOrderAsync(owner, goal));
    }

    [Fact]
    public async Task Create_AtPosition_InsertsThereAndShiftsTheRestDown()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        await _domain.AddMilestoneAsync(owner, goal, "A");
        await _domain.AddMilestoneAsync(owner, goal, "B");

        var inserted = await _domain.AddMilestoneAsync(owner, goal, "X", order: 1);

        Assert.Equal(1, inserted.Order);
        Assert.Equal(["A", "X", "B"], await _domain.ContentsInOrderAsync(owner, goal));
        Assert.Equal([0, 1, 2], (await _domain.Milestones.ListAsync(owner, goal)).Value!.Select(m => m.Order));
    }

    [Fact]
    public async Task Create_PastTheEnd_AppendsAtTheEnd()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        await _domain.AddMilestoneAsync(owner, goal, "A");

        var appended = await _domain.AddMilestoneAsync(owner, goal, "B", order: 99);

        Assert.Equal(1, appended.Order);
    }

    [Fact]
    public async Task Create_WithNegativeOrder_IsRefused()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();

        var result = await _domain.Milestones.CreateAsync(owner, goal, new NewMilestone("A", Order: -1));

        Assert.Equal("order must be a non-negative integer", result.Error?.Message);
    }

    [Fact]
    public async Task Move_ToTop_ShiftsOthersDown()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        await _domain.AddMilestoneAsync(owner, goal, "A");
        await _domain.AddMilestoneAsync(owner, goal, "B");
        var c = await _domain.AddMilestoneAsync(owner, goal, "C");

        var moved = await _domain.Milestones.UpdateAsync(owner, goal, c.Id, new MilestoneChanges { Order = 0 });

        Assert.Equal(0, moved.Value!.Order);
        Assert.Equal(["C", "A", "B"], await _domain.ContentsInOrderAsync(owner, goal));
    }

    [Fact]
    public async Task Move_PastTheEnd_MovesToTheEnd()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var a = await _domain.AddMilestoneAsync(owner, goal, "A");
        await _domain.AddMilestoneAsync(owner, goal, "B");

        var moved = await _domain.Milestones.UpdateAsync(owner, goal, a.Id, new MilestoneChanges { Order = 50 });

        Assert.Equal(1, moved.Value!.Order);
        Assert.Equal(["B", "A"], await _domain.ContentsInOrderAsync(owner, goal));
    }

    [Fact]
    public async Task Delete_ShiftsTheFollowingMilestonesUp()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        await _domain.AddMilestoneAsync(owner, goal, "A");
        var b = await _domain.AddMilestoneAsync(owner, goal, "B");
        await _domain.AddMilestoneAsync(owner, goal, "C");

        await _domain.Milestones.DeleteAsync(owner, goal, b.Id);

        var list = (await _domain.Milestones.ListAsync(owner, goal)).Value!;
        Assert.Equal(["A", "C"], list.Select(m => m.Content));
        Assert.Equal([0, 1], list.Select(m => m.Order));
    }

    [Fact]
    public async Task Reorder_PutsEveryMilestoneWhereTheListSays()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var a = await _domain.AddMilestoneAsync(owner, goal, "A");
        var b = await _domain.AddMilestoneAsync(owner, goal, "B");
        var c = await _domain.AddMilestoneAsync(owner, goal, "C");

        var result = await _domain.Milestones.ReorderAsync(owner, goal, [c.Id, a.Id, b.Id]);

        Assert.Equal(["C", "A", "B"], result.Value!.Select(m => m.Content));
        Assert.Equal(["C", "A", "B"], await _domain.ContentsInOrderAsync(owner, goal));
    }

    [Theory]
    [InlineData("one missing")]
    [InlineData("one twice, one missing")]
    [InlineData("all, one twice")]
    [InlineData("one unknown, one missing")]
    [InlineData("all, plus another goal's")]
    public async Task Reorder_WithIncompleteOrWrongIds_IsRefusedAndChangesNothing(string mistake)
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var a = await _domain.AddMilestoneAsync(owner, goal, "A");
        var b = await _domain.AddMilestoneAsync(owner, goal, "B");
        var (otherOwner, otherGoal) = await _domain.CreateGoalAsync("Someone else's goal");
        var elsewhere = await _domain.AddMilestoneAsync(otherOwner, otherGoal, "X");
        // Some lists have the right length and some name every milestone, so neither check alone suffices.
        string[] ids = mistake switch
        {
            "one missing" => [b.Id],
            "one twice, one missing" => [b.Id, b.Id],
            "all, one twice" => [b.Id, a.Id, b.Id],
            "one unknown, one missing" => [b.Id, "not-a-milestone"],
            _ => [b.Id, a.Id, elsewhere.Id],
        };

        var result = await _domain.Milestones.ReorderAsync(owner, goal, ids);

        Assert.Equal("ids must list every milestone of the goal exactly once", result.Error?.Message);
        Assert.Equal(["A", "B"], await _domain.ContentsInOrderAsync(owner, goal));
    }

    public void Dispose() => _domain.Dispose();
}

using Strive.Domain.Events;
using Strive.Domain.Milestones;
using Strive.Web.Client.Pages.Goals;

namespace Strive.Web.Client.Tests.Goals;

/// <summary>
/// After a change the goal page reloads everything; what did not change keeps the object the page shows, so an
/// open board holds one copy of its milestones and activity, not two (issue 15).
/// </summary>
public sealed class ShownViewsTests
{
    private static readonly DateTimeOffset Created = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AReload_KeepsTheShownMilestonesThatDidNotChange_AndTakesTheOneThatDid()
    {
        var shown = new[] { Milestone("m1", "Run 5K"), Milestone("m2", "Run 10K"), Milestone("m3", "Half marathon") };
        var read = new[]
        {
            // Read again after someone failed m2: the goal's version moved for all three.
            Milestone("m1", "Run 5K") with { GoalVersion = Guid.NewGuid() },
            Milestone("m2", "Run 10K") with { Status = MilestoneStatus.Failed, GoalVersion = Guid.NewGuid() },
            Milestone("m3", "Half marathon") with { GoalVersion = Guid.NewGuid() },
        };

        var kept = ShownViews.Keep(shown, read);

        Assert.Same(shown[0], kept[0]);
        Assert.Same(read[1], kept[1]);
        Assert.Equal(MilestoneStatus.Failed, kept[1].Status);
        Assert.Same(shown[2], kept[2]);
    }

    [Fact]
    public void AReload_TakesTheReadMilestone_WhenOnlyItsSubtasksChanged()
    {
        var shown = Milestone("m1", "Run 5K") with { Subtasks = [new Subtask("Shoes", false)] };
        var same = Milestone("m1", "Run 5K") with { Subtasks = [new Subtask("Shoes", false)] };
        var ticked = Milestone("m1", "Run 5K") with { Subtasks = [new Subtask("Shoes", true)] };

        Assert.Same(shown, ShownViews.Keep([shown], [same])[0]);
        Assert.Same(ticked, ShownViews.Keep([shown], [ticked])[0]);
    }

    [Fact]
    public void AReload_FollowsTheReadOrder_AndAddsAndDropsWhatItRead()
    {
        var shown = new[] { Milestone("m1", "Run 5K"), Milestone("m2", "Run 10K") };
        var added = Milestone("m3", "Half marathon");

        var kept = ShownViews.Keep(shown, [added, shown[1] with { }]);

        Assert.Equal(["m3", "m2"], kept.Select(m => m.Id));
        Assert.Same(added, kept[0]);
        Assert.Same(shown[1], kept[1]);
    }

    [Fact]
    public void AReload_KeepsTheShownActivity_AndTakesWhatIsNewOrMerged()
    {
        var created = new GoalEventView("e1", GoalEventType.GoalCreated, "u1", "Alice", null, "Run", Created);
        var edited = new GoalEventView("e2", GoalEventType.MilestoneUpdated, "u1", "Alice", "m1", "Run 5K", Created.AddMinutes(1));
        var merged = edited with { Changes = 2 };
        var failed = new GoalEventView("e3", GoalEventType.MilestoneCompletedUnsuccessfully, "u1", "Alice", "m2", "Run 10K", Created.AddMinutes(2));

        var kept = ShownViews.Keep([edited, created], [failed, merged, created with { }]);

        Assert.Same(failed, kept[0]);
        Assert.Same(merged, kept[1]);
        Assert.Same(created, kept[2]);
    }

    [Fact]
    public void TheFirstLoad_IsTakenAsRead()
    {
        IReadOnlyList<MilestoneView> read = [Milestone("m1", "Run 5K")];

        Assert.Same(read, ShownViews.Keep(null, read));
    }

    private static MilestoneView Milestone(string id, string content) => new(id, "g1", content, "", MilestoneStatus.Pending,
        Order: 0, Deadline: null, Subtasks: [], FinishedAt: null, Created, Created, SupportCount: 0) { GoalVersion = Guid.Empty };
}

using Strive.Domain.Milestones;
using Strive.Web.Client.Components.Board;

namespace Strive.Web.Client.Tests.Board;

/// <summary>The sentence a screen reader hears when someone else changes the board (issue 13).</summary>
public sealed class BoardChangeSummaryTests
{
    private static readonly MilestoneView[] Plan = [Row("a", "Plan"), Row("b", "Train"), Row("c", "Race")];

    [Fact]
    public void AStatusChange_IsSaidWithTheMilestoneAndItsNewStatus() =>
        Assert.Equal("Ada marked “Train” succeeded.",
            BoardChangeSummary.Describe(Plan, [Plan[0], Plan[1] with { Status = MilestoneStatus.Succeeded }, Plan[2]], "Ada"));

    [Fact]
    public void OneRowMoved_SaysWhereItLanded() =>
        Assert.Equal("Ada moved “Race” to position 1.", BoardChangeSummary.Describe(Plan, [Plan[2], Plan[0], Plan[1]], "Ada"));

    [Fact]
    public void AddedDeletedAndEdited_AreEachNamed()
    {
        var after = new[] { Plan[0] with { Content = "Plan well" }, Plan[2], Row("d", "Rest") };

        Assert.Equal("Ada added “Rest”, deleted “Train”, edited “Plan well”.", BoardChangeSummary.Describe(Plan, after, "Ada"));
    }

    [Fact]
    public void ReopeningAndManyChanges_ReadShortly()
    {
        var done = Plan.Select(m => m with { Status = MilestoneStatus.Failed }).ToArray();

        Assert.Equal("Ada reopened “Plan”.", BoardChangeSummary.Describe(done, [Plan[0], done[1], done[2]], "Ada"));
        Assert.Equal("Ada made 4 changes to the milestones.",
            BoardChangeSummary.Describe(Plan, [.. done, Row("d", "Rest")], "Ada"));
    }

    [Fact]
    public void NothingOnTheBoardChanged_IsStillSaid() =>
        Assert.Equal("Ada updated the goal.", BoardChangeSummary.Describe(Plan, Plan, "Ada"));

    private static MilestoneView Row(string id, string content) => new(id, "goal", content, "", MilestoneStatus.Pending, 0,
        null, [], null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 0);
}

using Strive.Domain.Events;

namespace Strive.Domain.Tests.Events;

/// <summary>Issue 13: one person's changes to one milestone within 10 minutes read as one activity entry.</summary>
public sealed class ActivityMergeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    private int _id;

    private GoalEventView Event(GoalEventType type, string? actor, string? milestone, int minute, string detail = "Run") =>
        new($"e{_id++}", type, actor, actor, milestone, detail, T0.AddMinutes(minute));

    [Fact]
    public void SixEditsInOneSession_ReadAsOneEntry_NewestFirst()
    {
        var events = Enumerable.Range(0, 6).Reverse()
            .Select(minute => Event(GoalEventType.MilestoneUpdated, "ana", "m1", minute)).ToList();

        var merged = ActivityMerge.Merge(events);

        var entry = Assert.Single(merged);
        Assert.Equal(6, entry.Changes);
        Assert.Equal(T0.AddMinutes(5), entry.CreatedAt);
    }

    [Fact]
    public void ARunEnds_AfterAGapOfMoreThanTenMinutes()
    {
        var events = new[]
        {
            Event(GoalEventType.MilestoneUpdated, "ana", "m1", 30),
            Event(GoalEventType.MilestoneUpdated, "ana", "m1", 21),
            Event(GoalEventType.MilestoneUpdated, "ana", "m1", 10),
        };

        var merged = ActivityMerge.Merge(events);

        Assert.Equal([2, 1], merged.Select(e => e.Changes));
    }

    [Fact]
    public void OtherPeopleAndOtherMilestones_StayApart_AndSomeoneElseInBetweenEndsTheRun()
    {
        var events = new[]
        {
            Event(GoalEventType.MilestoneUpdated, "ana", "m1", 5),
            Event(GoalEventType.MilestoneCompletedSuccessfully, "ben", "m1", 4),
            Event(GoalEventType.MilestoneUpdated, "ana", "m1", 3),
            Event(GoalEventType.MilestoneUpdated, "ana", "m2", 2),
            Event(GoalEventType.MilestoneMoved, "ana", "m2", 1),
        };

        var merged = ActivityMerge.Merge(events);

        Assert.Equal(["ana m1 1", "ben m1 1", "ana m1 1", "ana m2 2"],
            merged.Select(e => $"{e.ActorId} {e.MilestoneId} {e.Changes}"));
    }

    [Fact]
    public void CreatingDeletingAndPledging_AreNeverFoldedAway()
    {
        var events = new[]
        {
            Event(GoalEventType.MilestoneDeleted, "ana", "m1", 4),
            Event(GoalEventType.MilestoneUpdated, "ana", "m1", 3),
            Event(GoalEventType.MilestoneUpdated, "ana", "m1", 2),
            Event(GoalEventType.SupportPledged, "ana", "m1", 1),
            Event(GoalEventType.MilestoneCreated, "ana", "m1", 0),
            Event(GoalEventType.MilestoneDeadlinePassed, null, "m1", 0),
        };

        var merged = ActivityMerge.Merge(events);

        Assert.Equal([GoalEventType.MilestoneDeleted, GoalEventType.MilestoneUpdated, GoalEventType.SupportPledged,
            GoalEventType.MilestoneCreated, GoalEventType.MilestoneDeadlinePassed], merged.Select(e => e.Type));
        Assert.Equal(2, merged[1].Changes);
    }
}

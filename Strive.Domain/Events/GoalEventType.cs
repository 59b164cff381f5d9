namespace Strive.Domain.Events;

public enum GoalEventType
{
    GoalCreated,
    GoalUpdated,
    StakeholderAdded,
    StakeholderChanged,
    StakeholderRemoved,
    MilestoneCreated,
    MilestoneUpdated,
    MilestoneMoved,
    MilestonesReordered,
    MilestoneCompletedSuccessfully,
    MilestoneCompletedUnsuccessfully,
    MilestoneReopened,
    MilestoneDeleted,
    MilestoneDeadlinePassed,
    SupportPledged,
    MilestoneRestored,
    SupportAccepted,
    SupportRejected,
    InviteLinkCreated,
    InviteLinkRevoked,
    StakeholderJoinedByLink,
    GoalReopened,
    GoalFollowed,
}

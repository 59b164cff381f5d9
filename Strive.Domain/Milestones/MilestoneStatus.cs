namespace Strive.Domain.Milestones;

public enum MilestoneStatus
{
    Pending,
    Succeeded,
    Failed,
}

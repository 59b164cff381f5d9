namespace Strive.Domain.Goals;

public enum GoalStatus
{
    Pending,
    Succeeded,
    Failed,
}

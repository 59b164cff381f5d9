using Strive.Domain.Common;
using Strive.Domain.Goals;

namespace Strive.Web.Client.Tests.Board;

/// <summary>Issue 27's goal-wide actions: the board's component tests do not exercise them, so they refuse.</summary>
public sealed partial class FakeGoalWorld
{
    public Task<Result<DeletedGoal>> DeleteAsync(string actorId, string goalId, VersionCondition? condition = null,
        CancellationToken cancellationToken = default) =>
        Task.FromResult(Result<DeletedGoal>.Failure(GoalErrors.DeleteForbidden));

    public Task<Result<GoalView>> RestoreAsync(string actorId, string goalId, VersionCondition? condition = null,
        CancellationToken cancellationToken = default) =>
        Task.FromResult(Result<GoalView>.Failure(GoalErrors.NotFound));

    public Task<IReadOnlyList<DeletedGoal>> ListDeletedAsync(string actorId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DeletedGoal>>([]);

    public Task<Result<bool>> LeaveAsync(string actorId, string goalId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Result<bool>.Failure(StakeholderErrors.LastAdmin));
}

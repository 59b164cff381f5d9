using Strive.Domain.Common;

namespace Strive.Domain.Goals;

/// <summary>Who is on a goal and in which roles. Changes are for admins; a goal always keeps an admin.</summary>
public interface IStakeholderService
{
    Task<Result<IReadOnlyList<StakeholderView>>> ListAsync(string actorId, string goalId,
        CancellationToken cancellationToken = default);

    /// <summary>Adds an existing user by email, or gives an existing stakeholder these roles as well.</summary>
    Task<Result<StakeholderView>> AddAsync(string actorId, string goalId, string email, StakeholderRoles roles,
        CancellationToken cancellationToken = default);

    /// <summary>The operator's door (admin command line): no acting user, no permission check.</summary>
    Task<Result<StakeholderView>> AddAsOperatorAsync(string goalId, string email, StakeholderRoles roles,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// The actor follows the goal: becomes its spectator (docs/api/API.md "Public goals"). Anyone may follow a public
    /// goal; following twice changes nothing. A private goal: 403 "You are not a stakeholder of this goal".
    /// </summary>
    Task<Result<StakeholderView>> FollowAsync(string actorId, string goalId,
        CancellationToken cancellationToken = default);

    Task<Result<StakeholderView>> ChangeRolesAsync(string actorId, string goalId, string userId,
        StakeholderRoles roles, CancellationToken cancellationToken = default);

    Task<Result<bool>> RemoveAsync(string actorId, string goalId, string userId,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// The actor leaves the goal, whatever their roles; the last admin cannot (400 "A goal must keep at least one
    /// admin"). Their supports stay with the goal; their reminders go with them.
    /// </summary>
    Task<Result<bool>> LeaveAsync(string actorId, string goalId, CancellationToken cancellationToken = default);
}

using Microsoft.EntityFrameworkCore;
using Strive.Domain.Common;
using Strive.Domain.Persistence;

namespace Strive.Domain.Goals;

/// <summary>
/// The permission gate every goal-scoped operation passes first. The gate itself stays inside the
/// domain; its two refusals are public because callers and their tests show them as they are.
/// </summary>
public static class GoalAccess
{
    public const string GoalNotFound = "Goal not found";
    public const string NotStakeholder = "You are not a stakeholder of this goal";

    /// <summary>
    /// The actor's roles on the goal: 404 when the goal does not exist, then 403 with
    /// <paramref name="forbidden"/> unless <paramref name="allowed"/> accepts the roles.
    /// </summary>
    internal static async Task<Result<StakeholderRoles>> RolesAsync(StriveDbContext db, string goalId, string actorId,
        Func<StakeholderRoles, bool> allowed, string forbidden, CancellationToken cancellationToken)
    {
        var goal = await db.Goals.AsNoTracking()
            .Where(g => g.Id == goalId)
            .Select(g => new
            {
                Stakeholder = g.Stakeholders
                    .Where(s => s.UserId == actorId)
                    .Select(s => new { s.IsAdmin, s.IsAchiever, s.IsSupporter, s.IsSpectator })
                    .FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (goal is null)
        {
            return DomainError.NotFound(GoalNotFound);
        }

        var s = goal.Stakeholder;
        var roles = s is null
            ? StakeholderRoles.None
            : StakeholderRolesExtensions.FromColumns(s.IsAdmin, s.IsAchiever, s.IsSupporter, s.IsSpectator);
        return roles != StakeholderRoles.None && allowed(roles) ? roles : DomainError.Forbidden(forbidden);
    }

    internal static Task<Result<StakeholderRoles>> AnyRoleAsync(StriveDbContext db, string goalId, string actorId,
        CancellationToken cancellationToken) =>
        RolesAsync(db, goalId, actorId, _ => true, NotStakeholder, cancellationToken);
}

using Microsoft.EntityFrameworkCore;
using Strive.Domain.Common;
using Strive.Domain.Events;
using Strive.Domain.Persistence;

namespace Strive.Domain.Goals;

/// <summary>
/// Deleting and restoring a goal (docs/api/API.md "Deleting, restoring and exporting a goal"). Deleting only stamps
/// <see cref="Goal.DeletedAt"/>: the model's query filter then hides the goal from every query at once, and the
/// change notice (GoalWrites) makes every instance forget its kept gates and every open board reload, find
/// nothing and say so. Erasure after <see cref="Goal.RestoreWindow"/> is <see cref="GoalErasureService"/>'s.
/// </summary>
public sealed partial class GoalService
{
    public async Task<Result<DeletedGoal>> DeleteAsync(string actorId, string goalId, VersionCondition? condition = null,
        CancellationToken cancellationToken = default)
    {
        return await writes.RunAsync(goalId, actorId, async db =>
        {
            var access = await GoalAccess.RolesAsync(db, goalId, actorId, r => r.IsAdmin(), GoalErrors.DeleteForbidden,
                cancellationToken);
            if (!access.IsSuccess)
            {
                return access.Error;
            }

            var goal = await db.Goals.FirstAsync(g => g.Id == goalId, cancellationToken);
            if (condition is not null && !condition.Accepts(goal.Version))
            {
                return GoalErrors.Stale(goal.Version);
            }

            var now = clock.Now();
            goal.SoftDelete(now);
            db.GoalEvents.Add(new GoalEvent(goal.Id, GoalEventType.GoalDeleted, actorId, null, goal.Title, now));
            await db.SaveChangesAsync(cancellationToken);
            return Result<DeletedGoal>.Success(new DeletedGoal(goal.Id, goal.Title, now, goal.Version));
        }, cancellationToken);
    }

    public async Task<Result<GoalView>> RestoreAsync(string actorId, string goalId, VersionCondition? condition = null,
        CancellationToken cancellationToken = default)
    {
        return await writes.RunAsync(goalId, actorId, async db =>
        {
            // Past the query filter: only here, in the list below and in erasure is a deleted goal found at all.
            var goal = await db.Goals.IgnoreQueryFilters().Include(g => g.Stakeholders)
                .FirstOrDefaultAsync(g => g.Id == goalId && g.DeletedAt != null, cancellationToken);
            var roles = goal?.Stakeholders.FirstOrDefault(s => s.UserId == actorId)?.Roles ?? StakeholderRoles.None;
            if (goal is null || roles == StakeholderRoles.None)
            {
                return GoalErrors.NotFound;
            }

            if (!roles.IsAdmin())
            {
                return GoalErrors.RestoreForbidden;
            }

            if (condition is not null && !condition.Accepts(goal.Version))
            {
                return GoalErrors.Stale(goal.Version);
            }

            var now = clock.Now();
            var restored = goal.Restore(now);
            if (!restored.IsSuccess)
            {
                return restored.Error;
            }

            db.GoalEvents.Add(new GoalEvent(goal.Id, GoalEventType.GoalRestored, actorId, null, goal.Title, now));
            await db.SaveChangesAsync(cancellationToken);
            return Result<GoalView>.Success(await LoadViewAsync(db, goalId, roles, cancellationToken));
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<DeletedGoal>> ListDeletedAsync(string actorId,
        CancellationToken cancellationToken = default)
    {
        var since = clock.Now() - Goal.RestoreWindow;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Goals.IgnoreQueryFilters().AsNoTracking()
            .Where(g => g.DeletedAt != null && g.DeletedAt >= since
                && g.Stakeholders.Any(s => s.UserId == actorId && s.IsAdmin))
            .Select(g => new { g.Id, g.Title, DeletedAt = g.DeletedAt!.Value, g.Version })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(r => r.DeletedAt).Select(r => new DeletedGoal(r.Id, r.Title, r.DeletedAt, r.Version))];
    }
}

/// <summary>A goal under "Recently deleted": restorable until <see cref="ErasedAfter"/>.</summary>
public sealed record DeletedGoal(string Id, string Title, DateTimeOffset DeletedAt, Guid Version)
{
    public DateTimeOffset ErasedAfter => DeletedAt + Goal.RestoreWindow;
}

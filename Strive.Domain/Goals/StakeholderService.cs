using Microsoft.EntityFrameworkCore;
using Strive.Domain.Common;
using Strive.Domain.Events;
using Strive.Domain.Persistence;
using Strive.Domain.Reminders;

namespace Strive.Domain.Goals;

public sealed class StakeholderService(
    IDbContextFactory<StriveDbContext> contexts,
    GoalWrites writes,
    TimeProvider clock) : IStakeholderService
{
    public async Task<Result<IReadOnlyList<StakeholderView>>> ListAsync(string actorId, string goalId,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var access = await GoalAccess.AnyRoleAsync(db, goalId, actorId, cancellationToken);
        if (!access.IsSuccess)
        {
            return access.Error;
        }

        return Result<IReadOnlyList<StakeholderView>>.Success(await ListForGoalAsync(db, goalId, cancellationToken));
    }

    /// <summary>The goal's stakeholders in the order they joined, for a caller who has passed the access check.</summary>
    internal static async Task<IReadOnlyList<StakeholderView>> ListForGoalAsync(StriveDbContext db, string goalId,
        CancellationToken cancellationToken)
    {
        var rows = await db.Stakeholders.AsNoTracking()
            .Where(s => s.GoalId == goalId)
            .Select(s => new
            {
                s.UserId, s.User!.Email, s.User.DisplayName, s.IsAdmin, s.IsAchiever, s.IsSupporter, s.IsSpectator,
                s.CreatedAt,
            })
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => new StakeholderView(r.UserId, r.Email ?? "", r.DisplayName,
                StakeholderRolesExtensions.FromColumns(r.IsAdmin, r.IsAchiever, r.IsSupporter, r.IsSpectator), r.CreatedAt))
            .OrderBy(s => s.JoinedAt)
            .ToList();
    }

    public Task<Result<StakeholderView>> AddAsync(string actorId, string goalId, string email, StakeholderRoles roles,
        CancellationToken cancellationToken = default) =>
        AddCoreAsync(actorId, goalId, email, roles, cancellationToken);

    public Task<Result<StakeholderView>> AddAsOperatorAsync(string goalId, string email, StakeholderRoles roles,
        CancellationToken cancellationToken = default) =>
        AddCoreAsync(null, goalId, email, roles, cancellationToken);

    public async Task<Result<StakeholderView>> FollowAsync(string actorId, string goalId,
        CancellationToken cancellationToken = default)
    {
        return await writes.RunAsync(goalId, actorId, async db =>
        {
            // Whoever may read the goal may follow it: its stakeholders, and anyone when it is public.
            var access = await GoalAccess.ReadGrantAsync(db, goalId, actorId, cancellationToken);
            if (!access.IsSuccess)
            {
                return access.Error;
            }

            var goal = await LoadWithStakeholdersAsync(db, goalId, cancellationToken);
            var now = clock.Now();
            var following = goal!.Follow(actorId, now);
            if (!following.IsSuccess)
            {
                return following.Error;
            }

            if (access.Value.Roles.HasFlag(StakeholderRoles.Spectator))
            {
                // Already following: nothing changes, so nothing is recorded.
                return Result<StakeholderView>.Success(await ViewOfAsync(db, following.Value, cancellationToken));
            }

            var view = await CommitAsync(db, goal, GoalEventType.GoalFollowed, actorId, following.Value, now,
                cancellationToken);
            return Result<StakeholderView>.Success(view);
        }, cancellationToken);
    }

    public async Task<Result<StakeholderView>> ChangeRolesAsync(string actorId, string goalId, string userId,
        StakeholderRoles roles, CancellationToken cancellationToken = default)
    {
        return await writes.RunAsync(goalId, actorId, async db =>
        {
            var goal = await LoadForAdminAsync(db, actorId, goalId, cancellationToken);
            if (!goal.IsSuccess)
            {
                return goal.Error;
            }

            var changed = goal.Value.ChangeRoles(userId, roles);
            if (!changed.IsSuccess)
            {
                return changed.Error;
            }

            var view = await CommitAsync(db, goal.Value, GoalEventType.StakeholderChanged, actorId, changed.Value,
                clock.Now(), cancellationToken);
            return Result<StakeholderView>.Success(view);
        }, cancellationToken);
    }

    public async Task<Result<bool>> RemoveAsync(string actorId, string goalId, string userId,
        CancellationToken cancellationToken = default)
    {
        return await writes.RunAsync(goalId, actorId, async db =>
        {
            var goal = await LoadForAdminAsync(db, actorId, goalId, cancellationToken);
            if (!goal.IsSuccess)
            {
                return goal.Error;
            }

            var removed = goal.Value.RemoveStakeholder(userId);
            if (!removed.IsSuccess)
            {
                return removed.Error;
            }

            // Leaving the goal deletes one's reminders (docs/api/API.md "Reminders"), in the same transaction.
            await ReminderService.DeleteForAsync(db, goalId, userId, cancellationToken);
            await CommitAsync(db, goal.Value, GoalEventType.StakeholderRemoved, actorId, removed.Value, clock.Now(),
                cancellationToken);
            return Result<bool>.Success(true);
        }, cancellationToken);
    }

    public async Task<Result<bool>> LeaveAsync(string actorId, string goalId,
        CancellationToken cancellationToken = default)
    {
        return await writes.RunAsync(goalId, actorId, async db =>
        {
            var access = await GoalAccess.AnyRoleAsync(db, goalId, actorId, cancellationToken);
            if (!access.IsSuccess)
            {
                return access.Error;
            }

            var goal = await LoadWithStakeholdersAsync(db, goalId, cancellationToken);
            var left = goal!.RemoveStakeholder(actorId);
            if (!left.IsSuccess)
            {
                return left.Error;
            }

            await CommitAsync(db, goal, GoalEventType.StakeholderLeft, actorId, left.Value, clock.Now(),
                cancellationToken);
            return Result<bool>.Success(true);
        }, cancellationToken);
    }

    private async Task<Result<StakeholderView>> AddCoreAsync(string? actorId, string goalId, string email,
        StakeholderRoles roles, CancellationToken cancellationToken)
    {
        if (roles == StakeholderRoles.None)
        {
            // Refused before any lookup, as the goal would refuse it: an empty choice needs no email checked.
            return StakeholderErrors.NoRoles;
        }

        var normalized = (email ?? "").Trim().ToUpperInvariant();
        return await writes.RunAsync(goalId, actorId, async db =>
        {
            var goal = actorId is null
                ? await LoadWithStakeholdersAsync(db, goalId, cancellationToken) is { } found
                    ? found
                    : Result<Goal>.Failure(GoalErrors.NotFound)
                : await LoadForAdminAsync(db, actorId, goalId, cancellationToken);
            if (!goal.IsSuccess)
            {
                return goal.Error;
            }

            var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalized,
                cancellationToken);
            if (user is null)
            {
                return StakeholderErrors.UserNotFound;
            }

            var now = clock.Now();
            var added = goal.Value.AddStakeholder(user.Id, roles, now);
            if (!added.IsSuccess)
            {
                return added.Error;
            }

            var view = await CommitAsync(db, goal.Value, GoalEventType.StakeholderAdded, actorId, added.Value, now,
                cancellationToken);
            return Result<StakeholderView>.Success(view);
        }, cancellationToken);
    }

    /// <summary>The goal with its stakeholders, tracked, once the actor has proved to be one of its admins.</summary>
    private static async Task<Result<Goal>> LoadForAdminAsync(StriveDbContext db, string actorId, string goalId,
        CancellationToken cancellationToken)
    {
        var access = await GoalAccess.RolesAsync(db, goalId, actorId, r => r.IsAdmin(),
            StakeholderErrors.ManageForbidden, cancellationToken);
        if (!access.IsSuccess)
        {
            return access.Error;
        }

        return await LoadWithStakeholdersAsync(db, goalId, cancellationToken) is { } goal
            ? goal
            : GoalErrors.NotFound;
    }

    private static Task<Goal?> LoadWithStakeholdersAsync(StriveDbContext db, string goalId,
        CancellationToken cancellationToken) =>
        db.Goals.Include(g => g.Stakeholders).FirstOrDefaultAsync(g => g.Id == goalId, cancellationToken);

    private static async Task<StakeholderView> ViewOfAsync(StriveDbContext db, Stakeholder stakeholder,
        CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == stakeholder.UserId, cancellationToken);
        return new StakeholderView(user.Id, user.Email ?? "", user.DisplayName, stakeholder.Roles, stakeholder.CreatedAt);
    }

    private static async Task<StakeholderView> CommitAsync(StriveDbContext db, Goal goal, GoalEventType type,
        string? actorId, Stakeholder target, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == target.UserId, cancellationToken);
        goal.Touch(now);
        db.GoalEvents.Add(new GoalEvent(goal.Id, type, actorId, null,
            $"{user.ShownName}: {string.Join(", ", target.Roles.ToNames())}", now));
        await db.SaveChangesAsync(cancellationToken);
        return new StakeholderView(user.Id, user.Email ?? "", user.DisplayName, target.Roles, target.CreatedAt);
    }
}

using Microsoft.EntityFrameworkCore;
using Strive.Domain.Common;
using Strive.Domain.Events;
using Strive.Domain.Persistence;

namespace Strive.Domain.Goals;

public sealed class StakeholderService(
    IDbContextFactory<StriveDbContext> contexts,
    GoalWrites writes,
    TimeProvider clock) : IStakeholderService
{
    public const string ManageForbidden = "Only admins can manage stakeholders";
    public const string UserNotFound = "No user with that email";
    public const string StakeholderNotFound = "Stakeholder not found";
    public const string NoRoles = "Choose at least one role";
    public const string LastAdmin = "A goal must keep at least one admin";

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

    public async Task<Result<StakeholderView>> ChangeRolesAsync(string actorId, string goalId, string userId,
        StakeholderRoles roles, CancellationToken cancellationToken = default)
    {
        if (roles == StakeholderRoles.None)
        {
            return DomainError.Invalid(NoRoles);
        }

        return await writes.RunAsync(goalId, actorId, async db =>
        {
            var loaded = await LoadTargetAsync(db, actorId, goalId, userId, cancellationToken);
            if (!loaded.IsSuccess)
            {
                return loaded.Error;
            }

            var (goal, stakeholders, target) = loaded.Value;

            if (target.IsAdmin && !roles.IsAdmin() && stakeholders.Count(s => s.IsAdmin) == 1)
            {
                return DomainError.Invalid(LastAdmin);
            }

            var now = clock.Now();
            target.Roles = roles;
            var view = await CommitAsync(db, goal, stakeholders, GoalEventType.StakeholderChanged, actorId, target, now,
                cancellationToken);
            return Result<StakeholderView>.Success(view);
        }, cancellationToken);
    }

    public async Task<Result<bool>> RemoveAsync(string actorId, string goalId, string userId,
        CancellationToken cancellationToken = default)
    {
        return await writes.RunAsync(goalId, actorId, async db =>
        {
            var loaded = await LoadTargetAsync(db, actorId, goalId, userId, cancellationToken);
            if (!loaded.IsSuccess)
            {
                return loaded.Error;
            }

            var (goal, stakeholders, target) = loaded.Value;

            if (target.IsAdmin && stakeholders.Count(s => s.IsAdmin) == 1)
            {
                return DomainError.Invalid(LastAdmin);
            }

            var now = clock.Now();
            db.Stakeholders.Remove(target);
            stakeholders.Remove(target);
            await CommitAsync(db, goal, stakeholders, GoalEventType.StakeholderRemoved, actorId, target, now,
                cancellationToken);
            return Result<bool>.Success(true);
        }, cancellationToken);
    }

    private async Task<Result<StakeholderView>> AddCoreAsync(string? actorId, string goalId, string email,
        StakeholderRoles roles, CancellationToken cancellationToken)
    {
        if (roles == StakeholderRoles.None)
        {
            return DomainError.Invalid(NoRoles);
        }

        var normalized = (email ?? "").Trim().ToUpperInvariant();
        return await writes.RunAsync(goalId, actorId, async db =>
        {
            Goal? goal;
            List<Stakeholder> stakeholders;
            if (actorId is null)
            {
                goal = await db.Goals.FirstOrDefaultAsync(g => g.Id == goalId, cancellationToken);
                if (goal is null)
                {
                    return DomainError.NotFound(GoalAccess.GoalNotFound);
                }

                stakeholders = await db.Stakeholders.Where(s => s.GoalId == goalId).ToListAsync(cancellationToken);
            }
            else
            {
                var loaded = await LoadForAdminAsync(db, actorId, goalId, cancellationToken);
                if (!loaded.IsSuccess)
                {
                    return loaded.Error;
                }

                (goal, stakeholders) = loaded.Value;
            }

            var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalized,
                cancellationToken);
            if (user is null)
            {
                return DomainError.NotFound(UserNotFound);
            }

            var now = clock.Now();
            var target = stakeholders.Find(s => s.UserId == user.Id);
            if (target is null)
            {
                target = new Stakeholder(goalId, user.Id, roles, now);
                db.Stakeholders.Add(target);
                stakeholders.Add(target);
            }
            else
            {
                target.Roles |= roles;
            }

            var view = await CommitAsync(db, goal, stakeholders, GoalEventType.StakeholderAdded, actorId, target, now,
                cancellationToken);
            return Result<StakeholderView>.Success(view);
        }, cancellationToken);
    }

    private static async Task<Result<(Goal Goal, List<Stakeholder> Stakeholders)>> LoadForAdminAsync(
        StriveDbContext db, string actorId, string goalId, CancellationToken cancellationToken)
    {
        var access = await GoalAccess.RolesAsync(db, goalId, actorId, r => r.IsAdmin(), ManageForbidden,
            cancellationToken);
        if (!access.IsSuccess)
        {
            return access.Error;
        }

        var goal = await db.Goals.FirstAsync(g => g.Id == goalId, cancellationToken);
        var stakeholders = await db.Stakeholders.Where(s => s.GoalId == goalId).ToListAsync(cancellationToken);
        return (goal, stakeholders);
    }

    /// <summary>For an admin's change to one stakeholder: 404 "Stakeholder not found" when the user is not on the goal.</summary>
    private static async Task<Result<(Goal Goal, List<Stakeholder> Stakeholders, Stakeholder Target)>> LoadTargetAsync(
        StriveDbContext db, string actorId, string goalId, string userId, CancellationToken cancellationToken)
    {
        var loaded = await LoadForAdminAsync(db, actorId, goalId, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error;
        }

        var (goal, stakeholders) = loaded.Value;
        return stakeholders.Find(s => s.UserId == userId) is { } target
            ? (goal, stakeholders, target)
            : DomainError.NotFound(StakeholderNotFound);
    }

    private static async Task<StakeholderView> CommitAsync(StriveDbContext db, Goal goal,
        List<Stakeholder> stakeholders, GoalEventType type, string? actorId, Stakeholder target, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == target.UserId, cancellationToken);
        goal.RecountPeople(stakeholders);
        goal.Touch(now);
        db.GoalEvents.Add(new GoalEvent(goal.Id, type, actorId, null,
            $"{user.ShownName}: {string.Join(", ", target.Roles.ToNames())}", now));
        await db.SaveChangesAsync(cancellationToken);
        return new StakeholderView(user.Id, user.Email ?? "", user.DisplayName, target.Roles, target.CreatedAt);
    }
}

using Microsoft.EntityFrameworkCore;
using Strive.Domain.Common;
using Strive.Domain.Events;
using Strive.Domain.Milestones;
using Strive.Domain.Persistence;
using Strive.Domain.Users;
using Strive.Domain.Supports;

namespace Strive.Domain.Goals;

public sealed partial class GoalService(
    IDbContextFactory<StriveDbContext> contexts,
    GoalWrites writes,
    TimeProvider clock) : IGoalService
{
    public async Task<IReadOnlyList<GoalView>> ListAsync(string actorId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await (
                from g in db.Goals.AsNoTracking()
                from s in g.Stakeholders
                where s.UserId == actorId
                select new { Goal = g, s.IsAdmin, s.IsAchiever, s.IsSupporter, s.IsSpectator, 
                    // Failed milestones: TasksCompleted counts every finished one; progress shows failures apart.
                    Failed = db.Milestones.Count(m => m.GoalId == g.Id && m.DeletedAt == null && m.Status == MilestoneStatus.Failed) })
            .ToListAsync(cancellationToken);
        return rows
            .OrderByDescending(r => r.Goal.UpdatedAt)
            .Select(r => ToView(r.Goal, StakeholderRolesExtensions.FromColumns(r.IsAdmin, r.IsAchiever, r.IsSupporter, r.IsSpectator))
                with { TasksFailed = r.Failed })
            .ToList();
    }

    public async Task<Result<GoalView>> GetAsync(string actorId, string goalId,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var access = await GoalAccess.ReadGrantAsync(db, goalId, actorId, cancellationToken);
        return access.IsSuccess ? await LoadViewAsync(db, goalId, access.Value.Roles, cancellationToken) : access.Error;
    }

    public async Task<Result<GoalBoardView>> GetBoardAsync(string actorId, string goalId, int timelineLength,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var access = await GoalAccess.AnyRoleAsync(db, goalId, actorId, cancellationToken);
        if (!access.IsSuccess)
        {
            return access.Error;
        }

        // Every part below is for any stakeholder, so the one access check above covers them all.
        return new GoalBoardView(
            await LoadViewAsync(db, goalId, access.Value, cancellationToken),
            await MilestoneQueries.LiveAsync(db, goalId, cancellationToken),
            await SupportService.ListForGoalAsync(db, goalId, cancellationToken),
            await StakeholderService.ListForGoalAsync(db, goalId, cancellationToken),
            await TimelineAsync(db, goalId, timelineLength, cancellationToken));
    }

    public async Task<Result<PublicGoalBoardView>> GetPublicBoardAsync(string actorId, string goalId,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var access = await GoalAccess.ReadGrantAsync(db, goalId, actorId, cancellationToken);
        if (!access.IsSuccess)
        {
            return access.Error;
        }

        return new PublicGoalBoardView(
            await LoadViewAsync(db, goalId, access.Value.Roles, cancellationToken),
            await MilestoneQueries.LiveAsync(db, goalId, cancellationToken));
    }

    public async Task<GoalAudience> AudienceAsync(string actorId, string goalId,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var access = await GoalAccess.ReadGrantAsync(db, goalId, actorId, cancellationToken);
        return !access.IsSuccess ? GoalAudience.Outsider
            : access.Value.Roles == StakeholderRoles.None ? GoalAudience.PublicReader
            : GoalAudience.Stakeholder;
    }

    public async Task<Result<GoalView>> CreateAsync(string actorId, NewGoal goal,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(goal);
        var created = Goal.Create(goal.Title, goal.Description, goal.IsPublic, goal.Deadline, actorId, clock.Now());
        if (!created.IsSuccess)
        {
            return created.Error;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        writes.Stamp(db);
        db.Goals.Add(created.Value);
        db.GoalEvents.Add(new GoalEvent(created.Value.Id, GoalEventType.GoalCreated, actorId, null, created.Value.Title,
            created.Value.CreatedAt));
        await db.SaveChangesAsync(cancellationToken);
        return ToView(created.Value, Goal.CreatorRoles);
    }

    public async Task<Result<GoalView>> UpdateAsync(string actorId, string goalId, GoalChanges changes,
        VersionCondition? condition = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.IsEmpty)
        {
            return CommonErrors.NothingToUpdate;
        }

        return await writes.RunAsync(goalId, actorId, async db =>
        {
            var access = await GoalAccess.RolesAsync(db, goalId, actorId, r => r.IsAdmin(), GoalErrors.UpdateForbidden,
                cancellationToken);
            if (!access.IsSuccess)
            {
                return access.Error;
            }

            // Tracked: SaveChanges updates WHERE Version = the version checked here, so a writer that commits
            // in between makes this one fail and replay against the new version, which the condition refuses.
            var goal = await db.Goals.FirstAsync(g => g.Id == goalId, cancellationToken);
            if (condition is not null && !condition.Accepts(goal.Version))
            {
                return GoalErrors.Stale(goal.Version);
            }

            var statusBefore = goal.Status;
            var now = clock.Now();
            var revised = goal.Revise(changes, now);
            if (!revised.IsSuccess)
            {
                return revised.Error;
            }

            goal.Touch(now);
            if (goal.Status != statusBefore)
            {
                await SupportDecisions.FollowGoalStatusAsync(db, goal, now, cancellationToken);
            }

            db.GoalEvents.Add(new GoalEvent(goal.Id, GoalEventType.GoalUpdated, actorId, null, goal.Title, now));
            await db.SaveChangesAsync(cancellationToken);
            return Result<GoalView>.Success(ToView(goal, access.Value));
        }, cancellationToken);
    }

    public async Task<Result<IReadOnlyList<GoalEventView>>> ListEventsAsync(string actorId, string goalId,
        int limit = 100, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var access = await GoalAccess.AnyRoleAsync(db, goalId, actorId, cancellationToken);
        if (!access.IsSuccess)
        {
            return access.Error;
        }

        return Result<IReadOnlyList<GoalEventView>>.Success(await EventsAsync(db, goalId, limit, cancellationToken));
    }

    public async Task<Result<GoalView>> ReopenAsync(string actorId, string goalId,
        CancellationToken cancellationToken = default)
    {
        return await writes.RunAsync(goalId, actorId, async db =>
        {
            var access = await GoalAccess.RolesAsync(db, goalId, actorId, r => r.IsAdmin(), GoalErrors.ReopenForbidden,
                cancellationToken);
            if (!access.IsSuccess)
            {
                return access.Error;
            }

            var goal = await db.Goals.FirstAsync(g => g.Id == goalId, cancellationToken);
            var now = clock.Now();
            var reopened = goal.Reopen(now);
            if (!reopened.IsSuccess)
            {
                return reopened.Error;
            }

            goal.Touch(now);
            db.GoalEvents.Add(new GoalEvent(goal.Id, GoalEventType.GoalReopened, actorId, null, goal.Title, now));
            await db.SaveChangesAsync(cancellationToken);
            return Result<GoalView>.Success(ToView(goal, access.Value));
        }, cancellationToken);
    }

    /// <summary>
    /// The board's activity: the newest <paramref name="length"/> entries after merging each person's runs of
    /// changes to a milestone (<see cref="ActivityMerge"/>). Reads a few times more events than it shows, so a
    /// merged run still leaves a full timeline.
    /// </summary>
    private static async Task<IReadOnlyList<GoalEventView>> TimelineAsync(StriveDbContext db, string goalId, int length,
        CancellationToken cancellationToken)
    {
        var shown = Math.Clamp(length, 1, 500);
        var events = await EventsAsync(db, goalId, Math.Min(shown * 4, 500), cancellationToken);
        return [.. ActivityMerge.Merge(events).Take(shown)];
    }

    /// <summary>The goal as a caller who has passed an access check sees it, with that caller's roles.</summary>
    private static async Task<GoalView> LoadViewAsync(StriveDbContext db, string goalId, StakeholderRoles roles,
        CancellationToken cancellationToken)
    {
        var goal = await db.Goals.AsNoTracking().Where(g => g.Id == goalId)
            .Select(g => new { Goal = g, Failed = db.Milestones.Count(m => m.GoalId == g.Id && m.DeletedAt == null && m.Status == MilestoneStatus.Failed) })
            .FirstAsync(cancellationToken);
        return ToView(goal.Goal, roles) with { TasksFailed = goal.Failed };
    }

    /// <summary>The newest <paramref name="limit"/> events (1 to 500), newest first.</summary>
    private static async Task<IReadOnlyList<GoalEventView>> EventsAsync(StriveDbContext db, string goalId, int limit,
        CancellationToken cancellationToken) =>
        await db.GoalEvents.AsNoTracking()
            .Where(e => e.GoalId == goalId)
            .OrderByDescending(e => e.CreatedAt)
            .Take(Math.Clamp(limit, 1, 500))
            .Select(e => new GoalEventView(e.Id, e.Type, e.ActorId,
                e.Actor == null ? null : StriveUser.ShownNameOf(e.Actor.DisplayName, e.Actor.Email),
                e.MilestoneId, e.Detail, e.CreatedAt) { Via = e.Via })
            .ToListAsync(cancellationToken);

    private static GoalView ToView(Goal g, StakeholderRoles roles) => new(
        g.Id, g.Title, g.Description, g.IsPublic, g.Status, g.Deadline, g.NumberOfAchievers, g.NumberOfSupporters,
        g.TasksTotal, g.TasksCompleted, g.FinishedAt, g.CreatedAt, g.UpdatedAt, roles)
    {
        Version = g.Version,
    };
}

using Microsoft.EntityFrameworkCore;
using Strive.Domain.Common;
using Strive.Domain.Events;
using Strive.Domain.Goals;
using Strive.Domain.Persistence;

namespace Strive.Domain.Milestones;

public sealed class MilestoneService(
    IDbContextFactory<StriveDbContext> contexts,
    GoalWrites writes,
    GoalGateCache gates,
    TimeProvider clock) : IMilestoneService
{
    public async Task<Result<MilestoneList>> ListAsync(string actorId, string goalId,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // The version is read before the rows: a write committing in between leaves an older tag on newer
        // rows (a later conditional request is refused or re-sent), never a newer tag on older rows.
        var access = await ReadGrantAsync(db, goalId, actorId, cancellationToken);
        if (!access.IsSuccess)
        {
            return access.Error;
        }

        return new MilestoneList(await MilestoneQueries.LiveAsync(db, goalId, cancellationToken), access.Value.Version);
    }

    public async Task<Result<MilestoneListRead>> ListAsync(string actorId, string goalId, Guid? knownVersion,
        CancellationToken cancellationToken = default)
    {
        // Access is checked on every call, whatever the caller holds: what it kept may be another caller's read.
        // From memory when this process has heard of every change since the gate was last read for this actor
        // (GoalGateCache); the database otherwise.
        if (gates.TryGet(goalId, actorId, out var kept))
        {
            if (!GoalAccess.CanRead(kept.Roles, kept.IsPublic))
            {
                return GoalErrors.NotStakeholder;
            }

            if (kept.Version == knownVersion)
            {
                return new MilestoneListRead(kept.Version, null);
            }
        }

        var ticket = gates.Ticket;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var access = await GoalAccess.ReadGrantAsync(db, goalId, actorId, gates, ticket, cancellationToken);
        if (!access.IsSuccess)
        {
            return access.Error;
        }

        var version = access.Value.Version;
        return version == knownVersion
            ? new MilestoneListRead(version, null)
            : new MilestoneListRead(version,
                new MilestoneList(await MilestoneQueries.LiveAsync(db, goalId, cancellationToken), version));
    }

    public async Task<Result<MilestoneView>> GetAsync(string actorId, string goalId, string milestoneId,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var access = await ReadGrantAsync(db, goalId, actorId, cancellationToken);
        if (!access.IsSuccess)
        {
            return access.Error;
        }

        var milestone = await db.Milestones.AsNoTracking()
            .FirstOrDefaultAsync(m => m.Id == milestoneId && m.GoalId == goalId && m.DeletedAt == null,
                cancellationToken);
        if (milestone is null)
        {
            return MilestoneErrors.NotFound;
        }

        return milestone.ToView(await MilestoneQueries.SupportCountAsync(db, milestoneId, cancellationToken))
            with { GoalVersion = access.Value.Version };
    }

    public async Task<Result<MilestoneView>> CreateAsync(string actorId, string goalId, NewMilestone milestone,
        VersionCondition? condition = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        if (milestone.Order is < 0)
        {
            return MilestoneErrors.OrderNegative;
        }

        return await writes.RunAsync(goalId, actorId, async db =>
        {
            var plan = await GoalPlan.LoadAsync(db, goalId, actorId, r => r.CanPlan(), MilestoneErrors.CreateForbidden,
                condition, cancellationToken);
            if (!plan.IsSuccess)
            {
                return plan.Error;
            }

            var now = clock.Now();
            var created = Milestone.Create(goalId, milestone.Content, milestone.Description, milestone.Deadline,
                milestone.Subtasks, now);
            if (!created.IsSuccess)
            {
                return created.Error;
            }

            await plan.Value.InsertAsync(created.Value, milestone.Order, now, cancellationToken);
            await plan.Value.CommitAsync(now, cancellationToken);
            return Result<MilestoneView>.Success(created.Value.ToView(0) with { GoalVersion = plan.Value.Version });
        }, cancellationToken);
    }

    public async Task<Result<MilestoneView>> UpdateAsync(string actorId, string goalId, string milestoneId,
        MilestoneChanges changes, VersionCondition? condition = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.IsEmpty)
        {
            return CommonErrors.NothingToUpdate;
        }

        if ((changes with { Order = Optional<int>.None }).IsEmpty)
        {
            // A change of position alone is a move, whichever door it came through.
            return await MoveAsync(actorId, goalId, milestoneId, changes.Order.Value, condition, cancellationToken);
        }

        if (changes.Order is { HasValue: true, Value: < 0 })
        {
            return MilestoneErrors.OrderNegative;
        }

        return await ChangeMilestoneAsync(goalId, milestoneId, actorId, r => r.CanPlan(), MilestoneErrors.UpdateForbidden,
            condition, async (db, plan, milestone) =>
        {
            var now = clock.Now();
            var revised = milestone.Revise(changes.Content, changes.Description, changes.Deadline, changes.Subtasks);
            if (!revised.IsSuccess)
            {
                return revised.Error;
            }

            if (revised.Value)
            {
                plan.Record(GoalEventType.MilestoneUpdated, milestone, now);
            }

            if (changes.Status.HasValue && milestone.SetStatus(changes.Status.Value, now))
            {
                await plan.OnStatusChangedAsync(milestone, now, cancellationToken);
            }

            if (changes.Order.HasValue)
            {
                await plan.MoveAsync(milestone, changes.Order.Value, now, cancellationToken);
            }

            milestone.Touch(now);
            await plan.CommitAsync(now, cancellationToken);
            return await ViewAsync(db, plan, milestone, cancellationToken);
        }, cancellationToken);
    }

    public async Task<Result<MilestoneView>> MoveAsync(string actorId, string goalId, string milestoneId, int position,
        VersionCondition? condition = null, CancellationToken cancellationToken = default)
    {
        if (position < 0)
        {
            return MilestoneErrors.OrderNegative;
        }

        return await ChangeMilestoneAsync(goalId, milestoneId, actorId, r => r.CanPlan(), MilestoneErrors.UpdateForbidden,
            condition, async (db, plan, milestone) =>
        {
            var now = clock.Now();
            if (await plan.MoveAsync(milestone, position, now, cancellationToken))
            {
                milestone.Touch(now);
                await plan.CommitAsync(now, cancellationToken);
            }

            return await ViewAsync(db, plan, milestone, cancellationToken);
        }, cancellationToken);
    }

    public async Task<Result<MilestoneList>> ReorderAsync(string actorId, string goalId,
        IReadOnlyList<string> orderedIds, VersionCondition? condition = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orderedIds);
        return await writes.RunAsync<MilestoneList>(goalId, actorId, async db =>
        {
            var loaded = await GoalPlan.LoadAsync(db, goalId, actorId, r => r.CanPlan(),
                MilestoneErrors.UpdateForbidden, condition, cancellationToken);
            if (!loaded.IsSuccess)
            {
                return loaded.Error;
            }

            // The whole list is this call's subject, so it is the one change that loads all of it.
            var plan = loaded.Value;
            var live = await plan.LoadAllAsync(cancellationToken);
            var byId = live.ToDictionary(m => m.Id, StringComparer.Ordinal);
            if (orderedIds.Count != byId.Count
                || orderedIds.Distinct(StringComparer.Ordinal).Count() != orderedIds.Count
                || !orderedIds.All(byId.ContainsKey))
            {
                return MilestoneErrors.ReorderIdsMismatch;
            }

            if (!orderedIds.SequenceEqual(live.Select(m => m.Id), StringComparer.Ordinal))
            {
                var now = clock.Now();
                for (var i = 0; i < orderedIds.Count; i++)
                {
                    byId[orderedIds[i]].TakePosition(i);
                    byId[orderedIds[i]].Touch(now);
                }

                plan.Record(GoalEventType.MilestonesReordered, null, now, "");
                await plan.CommitAsync(now, cancellationToken);
            }

            return new MilestoneList(await MilestoneQueries.LiveAsync(db, goalId, cancellationToken), plan.Version);
        }, cancellationToken);
    }

    public async Task<Result<MilestoneView>> DeleteAsync(string actorId, string goalId, string milestoneId,
        VersionCondition? condition = null, CancellationToken cancellationToken = default)
    {
        return await ChangeMilestoneAsync(goalId, milestoneId, actorId, r => r.IsAdmin(), MilestoneErrors.DeleteForbidden,
            condition, async (_, plan, milestone) =>
        {
            var now = clock.Now();
            await plan.RemoveAsync(milestone, now, cancellationToken);
            await plan.CommitAsync(now, cancellationToken);
            return Result<MilestoneView>.Success(milestone.ToView(0) with { GoalVersion = plan.Version });
        }, cancellationToken);
    }

    public async Task<Result<MilestoneView>> RestoreAsync(string actorId, string goalId, string milestoneId,
        VersionCondition? condition = null, CancellationToken cancellationToken = default)
    {
        return await writes.RunAsync(goalId, actorId, async db =>
        {
            var plan = await GoalPlan.LoadAsync(db, goalId, actorId, r => r.IsAdmin(), MilestoneErrors.RestoreForbidden,
                condition, cancellationToken);
            if (!plan.IsSuccess)
            {
                return plan.Error;
            }

            var milestone = await plan.Value.FindAnyAsync(milestoneId, cancellationToken);
            if (!milestone.IsSuccess)
            {
                return milestone.Error;
            }

            var now = clock.Now();
            var restored = milestone.Value.Restore(now);
            if (!restored.IsSuccess)
            {
                return restored.Error;
            }

            await plan.Value.ReinstateAsync(milestone.Value, now, cancellationToken);
            await plan.Value.CommitAsync(now, cancellationToken);
            return await ViewAsync(db, plan.Value, milestone.Value, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// Runs a change to one live milestone as a goal write: the plan loaded with the actor's roles and the
    /// version condition checked, then the milestone (404 "Milestone not found" for deleted or foreign ids).
    /// </summary>
    private Task<Result<MilestoneView>> ChangeMilestoneAsync(string goalId, string milestoneId, string actorId,
        Func<StakeholderRoles, bool> allowed, DomainError forbidden, VersionCondition? condition,
        Func<StriveDbContext, GoalPlan, Milestone, Task<Result<MilestoneView>>> change, CancellationToken cancellationToken) =>
        writes.RunAsync(goalId, actorId, async db =>
        {
            var plan = await GoalPlan.LoadAsync(db, goalId, actorId, allowed, forbidden, condition, cancellationToken);
            if (!plan.IsSuccess)
            {
                return plan.Error;
            }

            var milestone = await plan.Value.FindAsync(milestoneId, cancellationToken);
            return milestone.IsSuccess ? await change(db, plan.Value, milestone.Value) : milestone.Error;
        }, cancellationToken);

    /// <summary>The milestone as the caller sees it after a change, with its supports and the goal's new version.</summary>
    private static async Task<Result<MilestoneView>> ViewAsync(StriveDbContext db, GoalPlan plan, Milestone milestone,
        CancellationToken cancellationToken) =>
        milestone.ToView(await MilestoneQueries.SupportCountAsync(db, milestone.Id, cancellationToken))
            with { GoalVersion = plan.Version };

    /// <summary>Stakeholders may read, and anyone a public goal; the goal's version comes with the roles, in the same query.</summary>
    private static Task<Result<GoalGrant>> ReadGrantAsync(StriveDbContext db, string goalId, string actorId,
        CancellationToken cancellationToken) =>
        GoalAccess.ReadGrantAsync(db, goalId, actorId, cancellationToken);
}

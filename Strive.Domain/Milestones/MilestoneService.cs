using Microsoft.EntityFrameworkCore;
using Strive.Domain.Common;
using Strive.Domain.Events;
using Strive.Domain.Goals;
using Strive.Domain.Persistence;
using Strive.Domain.Supports;

namespace Strive.Domain.Milestones;

public sealed class MilestoneService(
    IDbContextFactory<StriveDbContext> contexts,
    GoalWrites writes,
    TimeProvider clock) : IMilestoneService
{
    public const string NotFound = "Milestone not found";
    public const string CreateForbidden = "Only admins and achievers can create milestones";
    public const string UpdateForbidden = "Only admins and achievers can update milestones";
    public const string DeleteForbidden = "Only admins can delete milestones";
    public const string NothingToUpdate = "No valid fields to update";
    public const string BadOrder = "ids must list every milestone of the goal exactly once";

    public async Task<Result<IReadOnlyList<MilestoneView>>> ListAsync(string actorId, string goalId,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var access = await GoalAccess.AnyRoleAsync(db, goalId, actorId, cancellationToken);
        if (!access.IsSuccess)
        {
            return access.Error;
        }

        var live = await db.Milestones.AsNoTracking()
            .Where(m => m.GoalId == goalId && m.DeletedAt == null)
            .ToListAsync(cancellationToken);
        var supports = await SupportCountsAsync(db, goalId, cancellationToken);
        return MilestoneOrder.Sort(live).Select(m => m.ToView(supports.GetValueOrDefault(m.Id))).ToList();
    }

    public async Task<Result<MilestoneView>> GetAsync(string actorId, string goalId, string milestoneId,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var access = await GoalAccess.AnyRoleAsync(db, goalId, actorId, cancellationToken);
        if (!access.IsSuccess)
        {
            return access.Error;
        }

        var milestone = await db.Milestones.AsNoTracking()
            .FirstOrDefaultAsync(m => m.Id == milestoneId && m.GoalId == goalId && m.DeletedAt == null,
                cancellationToken);
        if (milestone is null)
        {
            return DomainError.NotFound(NotFound);
        }

        var supports = await db.Supports.CountAsync(s => s.MilestoneId == milestoneId, cancellationToken);
        return milestone.ToView(supports);
    }

    public async Task<Result<MilestoneView>> CreateAsync(string actorId, string goalId, NewMilestone milestone,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        var content = MilestoneInput.Content(milestone.Content);
        var description = MilestoneInput.Description(milestone.Description);
        var subtasks = MilestoneInput.Subtasks(milestone.Subtasks);
        var order = MilestoneInput.Order(milestone.Order);
        if (FirstError(content.Error, description.Error, subtasks.Error, order.Error) is { } invalid)
        {
            return invalid;
        }

        return await writes.RunAsync(goalId, actorId, async db =>
        {
            var plan = await GoalPlan.LoadAsync(db, goalId, actorId, r => r.CanPlan(), CreateForbidden,
                cancellationToken);
            if (!plan.IsSuccess)
            {
                return plan.Error;
            }

            var now = clock.Now();
            var created = new Milestone(goalId, content.Value!, description.Value!,
                MilestoneInput.Deadline(milestone.Deadline), subtasks.Value!, now);
            db.Milestones.Add(created);
            MilestoneOrder.Insert(plan.Value.Live, created, order.Value);
            plan.Value.Record(GoalEventType.MilestoneCreated, created, now);
            await plan.Value.CommitAsync(now, cancellationToken);
            return Result<MilestoneView>.Success(created.ToView(0));
        }, cancellationToken);
    }

    public async Task<Result<MilestoneView>> UpdateAsync(string actorId, string goalId, string milestoneId,
        MilestoneChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.IsEmpty)
        {
            return DomainError.Invalid(NothingToUpdate);
        }

        var content = changes.Content.HasValue ? MilestoneInput.Content(changes.Content.Value) : "";
        var description = changes.Description.HasValue ? MilestoneInput.Description(changes.Description.Value) : "";
        var subtasks = changes.Subtasks.HasValue
            ? MilestoneInput.Subtasks(changes.Subtasks.Value)
            : Result<IReadOnlyList<Subtask>>.Success([]);
        var order = changes.Order.HasValue ? MilestoneInput.Order(changes.Order.Value) : (int?)null;
        if (FirstError(content.Error, description.Error, subtasks.Error, order.Error) is { } invalid)
        {
            return invalid;
        }

        return await writes.RunAsync(goalId, actorId, async db =>
        {
            var loaded = await LoadMilestoneAsync(db, goalId, milestoneId, actorId, r => r.CanPlan(), UpdateForbidden,
                cancellationToken);
            if (!loaded.IsSuccess)
            {
                return loaded.Error;
            }

            var (plan, milestone) = loaded.Value;
            var now = clock.Now();
            var edited = false;
            if (changes.Content.HasValue && milestone.Content != content.Value)
            {
                milestone.Rewrite(content.Value!);
                edited = true;
            }

            if (changes.Description.HasValue && milestone.Description != description.Value)
            {
                milestone.Describe(description.Value!);
                edited = true;
            }

            if (changes.Deadline.HasValue)
            {
                var deadline = MilestoneInput.Deadline(changes.Deadline.Value);
                edited |= deadline != milestone.Deadline;
                milestone.SetDeadline(deadline);
            }

            if (changes.Subtasks.HasValue && !milestone.Subtasks.SequenceEqual(subtasks.Value!))
            {
                milestone.ReplaceSubtasks(subtasks.Value!);
                edited = true;
            }

            if (edited)
            {
                plan.Record(GoalEventType.MilestoneUpdated, milestone, now);
            }

            if (changes.Status.HasValue && milestone.SetStatus(changes.Status.Value, now))
            {
                await plan.OnStatusChangedAsync(milestone, now, cancellationToken);
            }

            if (changes.Order.HasValue && milestone.Order != Math.Min(order.Value!.Value, plan.Live.Count - 1))
            {
                MilestoneOrder.Move(plan.Live, milestone, order.Value.Value);
                plan.Record(GoalEventType.MilestoneMoved, milestone, now, $"{milestone.Content} → {milestone.Order + 1}");
            }

            milestone.Touch(now);
            await plan.CommitAsync(now, cancellationToken);
            var supports = await db.Supports.CountAsync(s => s.MilestoneId == milestoneId, cancellationToken);
            return Result<MilestoneView>.Success(milestone.ToView(supports));
        }, cancellationToken);
    }

    public async Task<Result<IReadOnlyList<MilestoneView>>> ReorderAsync(string actorId, string goalId,
        IReadOnlyList<string> orderedIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orderedIds);
        return await writes.RunAsync(goalId, actorId, async db =>
        {
            var loaded = await GoalPlan.LoadAsync(db, goalId, actorId, r => r.CanPlan(), UpdateForbidden,
                cancellationToken);
            if (!loaded.IsSuccess)
            {
                return loaded.Error;
            }

            var plan = loaded.Value;
            var byId = plan.Live.ToDictionary(m => m.Id, StringComparer.Ordinal);
            if (orderedIds.Count != byId.Count
                || orderedIds.Distinct(StringComparer.Ordinal).Count() != orderedIds.Count
                || !orderedIds.All(byId.ContainsKey))
            {
                return DomainError.Invalid(BadOrder);
            }

            var now = clock.Now();
            var reordered = orderedIds.Select(id => byId[id]).ToList();
            if (!reordered.SequenceEqual(plan.Live))
            {
                plan.Live.Clear();
                plan.Live.AddRange(reordered);
                MilestoneOrder.Renumber(plan.Live);
                foreach (var moved in plan.Live)
                {
                    moved.Touch(now);
                }

                plan.Record(GoalEventType.MilestonesReordered, null, now, "");
                await plan.CommitAsync(now, cancellationToken);
            }

            var supports = await SupportCountsAsync(db, goalId, cancellationToken);
            return Result<IReadOnlyList<MilestoneView>>.Success(
                plan.Live.Select(m => m.ToView(supports.GetValueOrDefault(m.Id))).ToList());
        }, cancellationToken);
    }

    public async Task<Result<MilestoneView>> DeleteAsync(string actorId, string goalId, string milestoneId,
        CancellationToken cancellationToken = default)
    {
        return await writes.RunAsync(goalId, actorId, async db =>
        {
            var loaded = await LoadMilestoneAsync(db, goalId, milestoneId, actorId, r => r.IsAdmin(), DeleteForbidden,
                cancellationToken);
            if (!loaded.IsSuccess)
            {
                return loaded.Error;
            }

            var (plan, milestone) = loaded.Value;
            var now = clock.Now();
            milestone.SoftDelete(now);
            milestone.Touch(now);
            MilestoneOrder.Remove(plan.Live, milestone);
            // Pledges for a milestone that no longer exists have nothing left to back.
            db.Supports.RemoveRange(await db.Supports.Where(s => s.MilestoneId == milestoneId)
                .ToListAsync(cancellationToken));
            plan.Record(GoalEventType.MilestoneDeleted, milestone, now);
            await plan.CommitAsync(now, cancellationToken);
            return Result<MilestoneView>.Success(milestone.ToView(0));
        }, cancellationToken);
    }

    /// <summary>The plan plus one of its live milestones: 404 "Milestone not found" for deleted or foreign ids.</summary>
    private static async Task<Result<(GoalPlan Plan, Milestone Milestone)>> LoadMilestoneAsync(StriveDbContext db,
        string goalId, string milestoneId, string actorId, Func<StakeholderRoles, bool> allowed, string forbidden,
        CancellationToken cancellationToken)
    {
        var loaded = await GoalPlan.LoadAsync(db, goalId, actorId, allowed, forbidden, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error;
        }

        return loaded.Value.Find(milestoneId) is { } milestone
            ? (loaded.Value, milestone)
            : DomainError.NotFound(NotFound);
    }

    private static async Task<Dictionary<string, int>> SupportCountsAsync(StriveDbContext db, string goalId,
        CancellationToken cancellationToken) =>
        await db.Supports.AsNoTracking()
            .Where(s => s.GoalId == goalId && s.MilestoneId != null)
            .GroupBy(s => s.MilestoneId!)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.Ordinal, cancellationToken);

    private static DomainError? FirstError(params DomainError?[] errors) => errors.FirstOrDefault(e => e is not null);
}

using Microsoft.EntityFrameworkCore;
using Strive.Domain.Common;
using Strive.Domain.Events;
using Strive.Domain.Goals;
using Strive.Domain.Persistence;

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

        return Result<IReadOnlyList<MilestoneView>>.Success(
            await MilestoneQueries.LiveAsync(db, goalId, cancellationToken));
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

        return milestone.ToView(await MilestoneQueries.SupportCountAsync(db, milestoneId, cancellationToken));
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
            await plan.Value.InsertAsync(created, order.Value, now, cancellationToken);
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

        if ((changes with { Order = Optional<int>.None }).IsEmpty)
        {
            // A change of position alone is a move, whichever door it came through.
            return await MoveAsync(actorId, goalId, milestoneId, changes.Order.Value, cancellationToken);
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
            if (Edit(milestone, changes, content.Value!, description.Value!, subtasks.Value!))
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
            return Result<MilestoneView>.Success(milestone.ToView(
                await MilestoneQueries.SupportCountAsync(db, milestoneId, cancellationToken)));
        }, cancellationToken);
    }

    public async Task<Result<MilestoneView>> MoveAsync(string actorId, string goalId, string milestoneId, int position,
        CancellationToken cancellationToken = default)
    {
        if (MilestoneInput.Order(position).Error is { } invalid)
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
            if (await plan.MoveAsync(milestone, position, now, cancellationToken))
            {
                milestone.Touch(now);
                await plan.CommitAsync(now, cancellationToken);
            }

            return Result<MilestoneView>.Success(milestone.ToView(
                await MilestoneQueries.SupportCountAsync(db, milestoneId, cancellationToken)));
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

            // The whole list is this call's subject, so it is the one change that loads all of it.
            var plan = loaded.Value;
            var live = await plan.LoadAllAsync(cancellationToken);
            var byId = live.ToDictionary(m => m.Id, StringComparer.Ordinal);
            if (orderedIds.Count != byId.Count
                || orderedIds.Distinct(StringComparer.Ordinal).Count() != orderedIds.Count
                || !orderedIds.All(byId.ContainsKey))
            {
                return DomainError.Invalid(BadOrder);
            }

            if (!orderedIds.SequenceEqual(live.Select(m => m.Id), StringComparer.Ordinal))
            {
                var now = clock.Now();
                for (var i = 0; i < orderedIds.Count; i++)
                {
                    byId[orderedIds[i]].MoveTo(i);
                    byId[orderedIds[i]].Touch(now);
                }

                plan.Record(GoalEventType.MilestonesReordered, null, now, "");
                await plan.CommitAsync(now, cancellationToken);
            }

            return Result<IReadOnlyList<MilestoneView>>.Success(
                await MilestoneQueries.LiveAsync(db, goalId, cancellationToken));
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
            await plan.RemoveAsync(milestone, now, cancellationToken);
            await plan.CommitAsync(now, cancellationToken);
            return Result<MilestoneView>.Success(milestone.ToView(0));
        }, cancellationToken);
    }

    /// <summary>The plan plus one of its live milestones: 404 "Milestone not found" for deleted or foreign ids.</summary>
    private static async Task<Result<(GoalPlan Plan, Milestone Milestone)>> LoadMilestoneAsync(StriveDbContext db,
        string goalId, string milestoneId, string actorId, Func<StakeholderRoles, bool> allowed, string forbidden,
        CancellationToken cancellationToken)
    {
        var plan = await GoalPlan.LoadAsync(db, goalId, actorId, allowed, forbidden, cancellationToken);
        if (!plan.IsSuccess)
        {
            return plan.Error;
        }

        var milestone = await plan.Value.FindAsync(milestoneId, cancellationToken);
        return milestone.IsSuccess ? (plan.Value, milestone.Value) : milestone.Error;
    }

    /// <summary>Applies content, description, deadline and subtasks; true when any of them changed.</summary>
    private static bool Edit(Milestone milestone, MilestoneChanges changes, string content, string description,
        IReadOnlyList<Subtask> subtasks)
    {
        var edited = false;
        if (changes.Content.HasValue && milestone.Content != content)
        {
            milestone.Rewrite(content);
            edited = true;
        }

        if (changes.Description.HasValue && milestone.Description != description)
        {
            milestone.Describe(description);
            edited = true;
        }

        if (changes.Deadline.HasValue)
        {
            var deadline = MilestoneInput.Deadline(changes.Deadline.Value);
            edited |= deadline != milestone.Deadline;
            milestone.SetDeadline(deadline);
        }

        if (changes.Subtasks.HasValue && !milestone.Subtasks.SequenceEqual(subtasks))
        {
            milestone.ReplaceSubtasks(subtasks);
            edited = true;
        }

        return edited;
    }

    private static DomainError? FirstError(params DomainError?[] errors) => errors.FirstOrDefault(e => e is not null);
}

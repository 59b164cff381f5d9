using Strive.Domain.Common;

namespace Strive.Domain.Milestones;

/// <summary>
/// The one door to milestones, for the API and the board alike. Each call checks the actor's roles,
/// applies the change, keeps order, counters, events, deadlines and supports in step, and commits
/// all of it in one transaction. Error messages are the documented API strings.
/// Every write takes an optional <see cref="VersionCondition"/> (If-Match): when the goal's version is not
/// one it accepts, the write changes nothing and answers <see cref="Goals.GoalErrors.Stale"/>. Views carry the
/// goal's version they were read or written at.
/// </summary>
public interface IMilestoneService
{
    /// <summary>Live milestones in order. 404 "Goal not found", 403 "You are not a stakeholder of this goal".</summary>
    Task<Result<MilestoneList>> ListAsync(string actorId, string goalId,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// <see cref="ListAsync(string, string, CancellationToken)"/>, with the same access check, but without reading
    /// the milestones when the goal is still at <paramref name="knownVersion"/> (a caller that keeps what it read
    /// at that version: the list changes only with the goal's version, docs/api/API.md "Versions and conditional
    /// requests"). The answer's <see cref="MilestoneListRead.List"/> is then null. The access check and the version
    /// come from memory while this process hears of every change to the goal (<see cref="Goals.GoalGateCache"/>,
    /// docs/decisions/010-goal-gate-in-memory.md): an unchanged goal then costs no query at all.
    /// </summary>
    Task<Result<MilestoneListRead>> ListAsync(string actorId, string goalId, Guid? knownVersion,
        CancellationToken cancellationToken = default);

    Task<Result<MilestoneView>> GetAsync(string actorId, string goalId, string milestoneId,
        CancellationToken cancellationToken = default);

    /// <summary>Appends, or inserts at <see cref="NewMilestone.Order"/>. Admins and achievers.</summary>
    Task<Result<MilestoneView>> CreateAsync(string actorId, string goalId, NewMilestone milestone,
        VersionCondition? condition = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Any combination of content, description, deadline, status, order and subtasks. A change of
    /// <see cref="MilestoneChanges.Order"/> moves the milestone exactly as <see cref="MoveAsync"/> does.
    /// </summary>
    Task<Result<MilestoneView>> UpdateAsync(string actorId, string goalId, string milestoneId,
        MilestoneChanges changes, VersionCondition? condition = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves one milestone to the zero-based <paramref name="position"/>, shifting the ones between; past the
    /// end means last, so a board that missed a newer milestone still moves. Admins and achievers
    /// ("Only admins and achievers can update milestones"); a negative position is refused ("order must be
    /// a non-negative integer"). Records one "moved" event; the position it already holds changes nothing.
    /// </summary>
    Task<Result<MilestoneView>> MoveAsync(string actorId, string goalId, string milestoneId, int position,
        VersionCondition? condition = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Puts the goal's live milestones in the given order; <paramref name="orderedIds"/> must name each
    /// exactly once. Answers the reordered list. For integrations that send a whole list; a person's
    /// drag is one <see cref="MoveAsync"/>.
    /// </summary>
    Task<Result<MilestoneList>> ReorderAsync(string actorId, string goalId,
        IReadOnlyList<string> orderedIds, VersionCondition? condition = null,
        CancellationToken cancellationToken = default);

    /// <summary>Soft delete. Admins only.</summary>
    Task<Result<MilestoneView>> DeleteAsync(string actorId, string goalId, string milestoneId,
        VersionCondition? condition = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Brings back a milestone deleted at most <see cref="Milestone.RestoreWindow"/> ago, at the position it had
    /// (past the end now: last), with its status, subtasks and pledges. Admins only ("Only admins can restore
    /// milestones"); a live, unknown or longer-deleted id is "Milestone not found" (docs/api/API.md).
    /// </summary>
    Task<Result<MilestoneView>> RestoreAsync(string actorId, string goalId, string milestoneId,
        VersionCondition? condition = null, CancellationToken cancellationToken = default);
}

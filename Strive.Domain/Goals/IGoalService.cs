using Strive.Domain.Common;
using Strive.Domain.Events;

namespace Strive.Domain.Goals;

/// <summary>Goals, for the API and the browser alike. Every method takes the acting user's id.</summary>
public interface IGoalService
{
    /// <summary>The goals the user is a stakeholder of, newest first.</summary>
    Task<IReadOnlyList<GoalView>> ListAsync(string actorId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stakeholders, and anyone when the goal is public (docs/api/API.md "Public goals"): 404 "Goal not found",
    /// 403 "You are not a stakeholder of this goal". An outsider reading a public goal has no roles.
    /// </summary>
    Task<Result<GoalView>> GetAsync(string actorId, string goalId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Everything a goal's page shows (the goal, its milestones in order, supports, stakeholders and the
    /// newest <paramref name="timelineLength"/> events) with one context, one access check and the same
    /// small number of queries however big the goal. Stakeholders only, even on a public goal: 404, 403 as
    /// <see cref="GetAsync"/>.
    /// </summary>
    Task<Result<GoalBoardView>> GetBoardAsync(string actorId, string goalId, int timelineLength,
        CancellationToken cancellationToken = default);

    /// <summary>The read-only board (the goal and its milestones in order) for whoever may read the goal; errors as <see cref="GetAsync"/>.</summary>
    Task<Result<PublicGoalBoardView>> GetPublicBoardAsync(string actorId, string goalId,
        CancellationToken cancellationToken = default);

    /// <summary>Whether the actor is on the goal, may only read it because it is public, or neither (one query).</summary>
    Task<GoalAudience> AudienceAsync(string actorId, string goalId, CancellationToken cancellationToken = default);

    /// <summary>The creator becomes admin, achiever and spectator.</summary>
    Task<Result<GoalView>> CreateAsync(string actorId, NewGoal goal, CancellationToken cancellationToken = default);

    /// <summary>
    /// Admins only: 403 "Only admins can update goals". With a <paramref name="condition"/> the goal's version
    /// must be one it accepts, else nothing changes (<see cref="GoalErrors.Stale"/>).
    /// </summary>
    Task<Result<GoalView>> UpdateAsync(string actorId, string goalId, GoalChanges changes,
        VersionCondition? condition = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes a finished goal back to pending and records it in the activity. Admins only: 403 "Only admins can
    /// reopen goals"; a pending goal: 400 "The goal is not finished".
    /// </summary>
    Task<Result<GoalView>> ReopenAsync(string actorId, string goalId, CancellationToken cancellationToken = default);

    /// <summary>The activity timeline, newest first, for stakeholders.</summary>
    Task<Result<IReadOnlyList<GoalEventView>>> ListEventsAsync(string actorId, string goalId, int limit = 100,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Admins: 403 "Only admins can delete goals". The goal goes to "Recently deleted" and is gone everywhere else
    /// at once (404 "Goal not found"); <paramref name="condition"/> as for <see cref="UpdateAsync"/>.
    /// </summary>
    Task<Result<DeletedGoal>> DeleteAsync(string actorId, string goalId, VersionCondition? condition = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Admins of a goal deleted less than <see cref="Goal.RestoreWindow"/> ago bring it back as it was. 404 for a
    /// live, unknown or older goal and for someone not on it; 403 "Only admins can restore goals".
    /// </summary>
    Task<Result<GoalView>> RestoreAsync(string actorId, string goalId, VersionCondition? condition = null,
        CancellationToken cancellationToken = default);

    /// <summary>"Recently deleted": the goals the user is an admin of, deleted within the restore window, newest first.</summary>
    Task<IReadOnlyList<DeletedGoal>> ListDeletedAsync(string actorId, CancellationToken cancellationToken = default);
}

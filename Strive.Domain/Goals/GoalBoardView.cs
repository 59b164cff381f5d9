using Strive.Domain.Events;
using Strive.Domain.Milestones;
using Strive.Domain.Supports;

namespace Strive.Domain.Goals;

/// <summary>Everything a goal's page shows, read together with one access check.</summary>
public sealed record GoalBoardView(
    GoalView Goal,
    IReadOnlyList<MilestoneView> Milestones,
    IReadOnlyList<SupportView> Supports,
    IReadOnlyList<StakeholderView> Stakeholders,
    IReadOnlyList<GoalEventView> Events);

/// <summary>
/// What anyone who may read a goal sees of it (docs/api/API.md "Public goals"): the goal and its milestones
/// in order. Supports, stakeholders and the activity stay for stakeholders.
/// </summary>
public sealed record PublicGoalBoardView(GoalView Goal, IReadOnlyList<MilestoneView> Milestones);

/// <summary>Who opens a goal's link, as far as the goal is concerned.</summary>
public enum GoalAudience
{
    /// <summary>No such goal, or a private one the caller has no part in.</summary>
    Outsider,

    /// <summary>Not on the goal, but it is public: the caller may read it and may follow it.</summary>
    PublicReader,

    /// <summary>On the goal in some role.</summary>
    Stakeholder,
}

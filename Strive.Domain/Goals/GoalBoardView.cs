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

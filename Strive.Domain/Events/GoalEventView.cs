namespace Strive.Domain.Events;

public sealed record GoalEventView(
    string Id,
    GoalEventType Type,
    string? ActorId,
    string? ActorName,
    string? MilestoneId,
    string Detail,
    DateTimeOffset CreatedAt)
{
    /// <summary>How many changes this entry stands for: more than one when a run was merged (<see cref="ActivityMerge"/>).</summary>
    public int Changes { get; init; } = 1;
}

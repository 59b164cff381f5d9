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

    /// <summary>The agent or app the change came through, or null when the person made it by hand.</summary>
    public string? Via { get; init; }
}

namespace Strive.Domain.Events;

public sealed record GoalEventView(
    string Id,
    GoalEventType Type,
    string? ActorId,
    string? ActorName,
    string? MilestoneId,
    string Detail,
    DateTimeOffset CreatedAt);

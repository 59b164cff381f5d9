namespace Strive.Domain.Supports;

public sealed record SupportView(
    string Id,
    string GoalId,
    string? MilestoneId,
    string Description,
    SupportStatus Status,
    DateTimeOffset? NeedsDecision,
    string? Note,
    string SupporterId,
    string SupporterName,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

using Strive.Domain.Common;

namespace Strive.Domain.Milestones;

public sealed record MilestoneView(
    string Id,
    string GoalId,
    string Content,
    string Description,
    MilestoneStatus Status,
    int Order,
    DateTimeOffset? Deadline,
    IReadOnlyList<Subtask> Subtasks,
    DateTimeOffset? FinishedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int SupportCount);

public sealed record NewMilestone(
    string? Content,
    string? Description = null,
    DateTimeOffset? Deadline = null,
    int? Order = null,
    IReadOnlyList<Subtask>? Subtasks = null);

/// <summary>A partial update of a milestone; only fields with a value change.</summary>
public sealed record MilestoneChanges
{
    public Optional<string?> Content { get; init; }
    public Optional<string?> Description { get; init; }
    public Optional<DateTimeOffset?> Deadline { get; init; }
    public Optional<MilestoneStatus> Status { get; init; }
    public Optional<int> Order { get; init; }
    public Optional<IReadOnlyList<Subtask>?> Subtasks { get; init; }

    public bool IsEmpty => !Content.HasValue && !Description.HasValue && !Deadline.HasValue && !Status.HasValue
        && !Order.HasValue && !Subtasks.HasValue;
}

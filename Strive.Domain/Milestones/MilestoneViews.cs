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
    int SupportCount)
{
    /// <summary>
    /// The goal's version when this was read or written: a milestone changes only with its goal's version
    /// (docs/decisions/002), so this is the milestone's version too (the API's ETag).
    /// </summary>
    public Guid GoalVersion { get; init; }
}

/// <summary>A goal's live milestones in order, with the goal's version they were read at (the list's ETag).</summary>
public sealed class MilestoneList(IReadOnlyList<MilestoneView> items, Guid goalVersion) : IReadOnlyList<MilestoneView>
{
    public Guid GoalVersion { get; } = goalVersion;

    public int Count => items.Count;

    public MilestoneView this[int index] => items[index];

    public IEnumerator<MilestoneView> GetEnumerator() => items.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// A list read that may have been skipped: the goal's version now, and the list at it, or null when that version
/// is the one the caller already holds.
/// </summary>
public sealed record MilestoneListRead(Guid GoalVersion, MilestoneList? List);

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

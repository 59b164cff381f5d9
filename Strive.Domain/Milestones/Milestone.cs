using Strive.Domain.Common;

namespace Strive.Domain.Milestones;

/// <summary>
/// One step towards a goal. Its position among the goal's live milestones is <see cref="Order"/>;
/// <see cref="MilestoneOrder"/> keeps those positions 0..n-1 by moving the others out of its way.
/// </summary>
public sealed class Milestone
{
    public const int ContentMaxLength = 500;
    public const int DescriptionMaxLength = 5000;

    private Milestone() { } // EF Core

    public Milestone(string goalId, string content, string description, DateTimeOffset? deadline,
        IReadOnlyList<Subtask> subtasks, DateTimeOffset now)
    {
        Id = Ids.New();
        GoalId = goalId;
        Content = content;
        Description = description;
        Deadline = deadline;
        Subtasks = [.. subtasks];
        Status = MilestoneStatus.Pending;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public string Id { get; private set; } = "";

    public string GoalId { get; private set; } = "";

    public string Content { get; private set; } = "";

    public string Description { get; private set; } = "";

    public MilestoneStatus Status { get; private set; }

    public int Order { get; private set; }

    public DateTimeOffset? Deadline { get; private set; }

    /// <summary>
    /// When the "deadline passed" event was recorded for the current deadline; null while one is
    /// still due. Changing the deadline clears it, which re-arms the deadline worker.
    /// </summary>
    public DateTimeOffset? DeadlinePassedAt { get; private set; }

    public List<Subtask> Subtasks { get; private set; } = [];

    public DateTimeOffset? FinishedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    public bool IsDeleted => DeletedAt is not null;

    /// <summary>Takes a position; only <see cref="MilestoneOrder"/> calls it, as it shifts the others.</summary>
    internal void MoveTo(int position) => Order = position;

    public void Rewrite(string content) => Content = content;

    public void Describe(string description) => Description = description;

    public void ReplaceSubtasks(IReadOnlyList<Subtask> subtasks) => Subtasks = [.. subtasks];

    public void SetDeadline(DateTimeOffset? deadline)
    {
        if (deadline == Deadline)
        {
            return;
        }

        Deadline = deadline;
        DeadlinePassedAt = null;
    }

    /// <returns>True when the status actually changed.</returns>
    public bool SetStatus(MilestoneStatus status, DateTimeOffset now)
    {
        if (status == Status)
        {
            return false;
        }

        Status = status;
        FinishedAt = status == MilestoneStatus.Pending ? null : now;
        return true;
    }

    public void SoftDelete(DateTimeOffset now) => DeletedAt = now;

    public void Touch(DateTimeOffset now) => UpdatedAt = now;
}

using Strive.Domain.Common;

namespace Strive.Domain.Milestones;

/// <summary>
/// One step towards a goal. It refuses content, a description or subtasks past the limits
/// (docs/api/API.md, "Milestones: what milestones.md leaves open"), so no milestone can hold them.
/// Its position among the goal's live milestones is <see cref="Order"/>; <see cref="MilestoneOrder"/>
/// keeps those positions 0..n-1 by moving the others out of its way in one set-based update.
/// </summary>
public sealed class Milestone
{
    public const int ContentMaxLength = 500;
    public const int DescriptionMaxLength = 5000;

    /// <summary>How long a deleted milestone can be restored (docs/api/API.md "Restoring a deleted milestone").</summary>
    public static readonly TimeSpan RestoreWindow = TimeSpan.FromDays(30);

    private List<Subtask> _subtasks = [];

    private Milestone() { } // EF Core

    private Milestone(string goalId, string content, string description, DateTimeOffset? deadline,
        List<Subtask> subtasks, DateTimeOffset now)
    {
        Id = Ids.New();
        GoalId = goalId;
        Content = content;
        Description = description;
        Deadline = deadline;
        _subtasks = subtasks;
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

    /// <summary>When achievers were told the current deadline is 24 hours away; cleared with a new deadline.</summary>
    public DateTimeOffset? DeadlineApproachingAt { get; private set; }

    /// <summary>Replaced as a whole through <see cref="ReplaceSubtasks"/>; stored as one JSON column.</summary>
    public IReadOnlyList<Subtask> Subtasks => _subtasks;

    public DateTimeOffset? FinishedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    /// <summary>
    /// A new pending milestone of <paramref name="goalId"/>, or the first limit its input breaks (content,
    /// then description, then subtasks). Content and subtasks are trimmed; the deadline means the end of its day.
    /// </summary>
    public static Result<Milestone> Create(string goalId, string? content, string? description,
        DateTimeOffset? deadline, IReadOnlyList<Subtask>? subtasks, DateTimeOffset now)
    {
        var checkedContent = CheckContent(content);
        var checkedDescription = CheckDescription(description);
        var checkedSubtasks = CheckSubtasks(subtasks);
        if ((checkedContent.Error ?? checkedDescription.Error ?? checkedSubtasks.Error) is { } invalid)
        {
            return invalid;
        }

        return new Milestone(goalId, checkedContent.Value!, checkedDescription.Value!, EndOfDay(deadline),
            checkedSubtasks.Value!, now);
    }

    /// <summary>
    /// Takes a position. Only <see cref="MilestoneOrder"/> and a whole-list reorder call it, as they shift
    /// the others in the same step, so positions stay 0..n-1.
    /// </summary>
    internal void TakePosition(int position) => Order = position;

    /// <returns>Whether the content changed; refused when empty after trimming or too long.</returns>
    public Result<bool> Rewrite(string? content)
    {
        var checkedContent = CheckContent(content);
        if (!checkedContent.IsSuccess)
        {
            return checkedContent.Error;
        }

        var changed = Content != checkedContent.Value;
        Content = checkedContent.Value;
        return changed;
    }

    /// <returns>Whether the description changed; refused when too long (null means empty).</returns>
    public Result<bool> Describe(string? description)
    {
        var checkedDescription = CheckDescription(description);
        if (!checkedDescription.IsSuccess)
        {
            return checkedDescription.Error;
        }

        var changed = Description != checkedDescription.Value;
        Description = checkedDescription.Value;
        return changed;
    }

    /// <returns>Whether the list changed; refused past the count or with an empty or too long subtask.</returns>
    public Result<bool> ReplaceSubtasks(IReadOnlyList<Subtask>? subtasks)
    {
        var checkedSubtasks = CheckSubtasks(subtasks);
        if (!checkedSubtasks.IsSuccess)
        {
            return checkedSubtasks.Error;
        }

        var changed = !_subtasks.SequenceEqual(checkedSubtasks.Value);
        _subtasks = checkedSubtasks.Value;
        return changed;
    }

    /// <summary>
    /// Applies whichever of content, description, deadline and subtasks are given, all or none: the first
    /// refusal (in that order) leaves the milestone as it was. Returns whether anything changed.
    /// </summary>
    public Result<bool> Revise(Optional<string?> content, Optional<string?> description,
        Optional<DateTimeOffset?> deadline, Optional<IReadOnlyList<Subtask>?> subtasks)
    {
        var invalid = (content.HasValue ? CheckContent(content.Value).Error : null)
            ?? (description.HasValue ? CheckDescription(description.Value).Error : null)
            ?? (subtasks.HasValue ? CheckSubtasks(subtasks.Value).Error : null);
        if (invalid is not null)
        {
            return invalid;
        }

        var changed = content.HasValue && Rewrite(content.Value).Value;
        changed |= description.HasValue && Describe(description.Value).Value;
        changed |= deadline.HasValue && SetDeadline(deadline.Value);
        changed |= subtasks.HasValue && ReplaceSubtasks(subtasks.Value).Value;
        return changed;
    }

    /// <summary>A deadline is a date: stored as the end of its day in UTC. Returns whether it changed.</summary>
    public bool SetDeadline(DateTimeOffset? deadline)
    {
        var endOfDay = EndOfDay(deadline);
        if (endOfDay == Deadline)
        {
            return false;
        }

        Deadline = endOfDay;
        DeadlinePassedAt = null;
        DeadlineApproachingAt = null;
        return true;
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

    /// <summary>
    /// Undoes <see cref="SoftDelete"/> within <see cref="RestoreWindow"/> of it, keeping status, subtasks and the
    /// position it had (which <see cref="MilestoneOrder"/> then clamps and makes room for). A live milestone, or
    /// one deleted longer ago, is refused; the API answers both as "Milestone not found".
    /// </summary>
    public Result<bool> Restore(DateTimeOffset now)
    {
        if (DeletedAt is not { } deletedAt)
        {
            return MilestoneErrors.NotDeleted;
        }

        if (now - deletedAt > RestoreWindow)
        {
            return MilestoneErrors.RestoreExpired;
        }

        DeletedAt = null;
        UpdatedAt = now;
        return true;
    }

    public void Touch(DateTimeOffset now) => UpdatedAt = now;

    private static Result<string> CheckContent(string? content) =>
        TextRules.Check(content, ContentMaxLength, MilestoneErrors.ContentRequired, MilestoneErrors.ContentTooLong,
            MilestoneErrors.ContentControlCharacters);

    private static Result<string> CheckDescription(string? description) =>
        TextRules.Check(description, DescriptionMaxLength, required: null, MilestoneErrors.DescriptionTooLong,
            MilestoneErrors.DescriptionControlCharacters, trim: false);

    private static Result<List<Subtask>> CheckSubtasks(IReadOnlyList<Subtask>? subtasks)
    {
        if (subtasks is null)
        {
            return new List<Subtask>();
        }

        if (subtasks.Count > Subtask.MaxCount)
        {
            return MilestoneErrors.TooManySubtasks;
        }

        var cleaned = new List<Subtask>(subtasks.Count);
        foreach (var subtask in subtasks)
        {
            var content = TextRules.Check(subtask?.Content, Subtask.ContentMaxLength,
                MilestoneErrors.SubtaskContentInvalid, MilestoneErrors.SubtaskContentInvalid,
                MilestoneErrors.SubtaskContentControlCharacters);
            if (!content.IsSuccess)
            {
                return content.Error;
            }

            cleaned.Add(new Subtask(content.Value, subtask!.Completed));
        }

        return cleaned;
    }

    private static DateTimeOffset? EndOfDay(DateTimeOffset? deadline) =>
        deadline is null ? null : Dates.EndOfDayUtc(deadline.Value);
}

namespace Strive.Domain.Goals;

/// <summary>A goal as its stakeholders see it, with the caller's own roles.</summary>
public sealed record GoalView(
    string Id,
    string Title,
    string Description,
    bool IsPublic,
    GoalStatus Status,
    DateTimeOffset? Deadline,
    int NumberOfAchievers,
    int NumberOfSupporters,
    int TasksTotal,
    int TasksCompleted,
    DateTimeOffset? FinishedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    StakeholderRoles MyRoles)
{
    /// <summary>The goal's concurrency token as read or written (the API's ETag, docs/decisions/002).</summary>
    public Guid Version { get; init; }

    public bool IsFinished => Status != GoalStatus.Pending;

    /// <summary>Of <see cref="TasksCompleted"/> (every finished milestone), those that failed: progress shows them apart.</summary>
    public int TasksFailed { get; init; }

    /// <summary>Finished milestones that succeeded.</summary>
    public int TasksSucceeded => TasksCompleted - TasksFailed;
}

public sealed record NewGoal(string? Title, string? Description = null, DateTimeOffset? Deadline = null,
    bool IsPublic = false);

/// <summary>A partial update of a goal; only fields with a value change.</summary>
public sealed record GoalChanges
{
    public Common.Optional<string?> Title { get; init; }
    public Common.Optional<string?> Description { get; init; }
    public Common.Optional<DateTimeOffset?> Deadline { get; init; }
    public Common.Optional<GoalStatus> Status { get; init; }
    public Common.Optional<bool> IsPublic { get; init; }

    public bool IsEmpty => !Title.HasValue && !Description.HasValue && !Deadline.HasValue && !Status.HasValue
        && !IsPublic.HasValue;
}

public sealed record StakeholderView(string UserId, string Email, string DisplayName, StakeholderRoles Roles,
    DateTimeOffset JoinedAt)
{
    /// <summary>How the other stakeholders see this person.</summary>
    public string ShownName => Users.StriveUser.ShownNameOf(DisplayName, Email);
}

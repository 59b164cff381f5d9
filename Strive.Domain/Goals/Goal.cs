using Strive.Domain.Common;

namespace Strive.Domain.Goals;

/// <summary>
/// A goal and its counters. Every change to the goal or its milestones renews <see cref="Version"/>, so
/// two writers of the same goal conflict instead of silently overwriting each other's order or counts
/// (docs/decisions/002 and 004).
/// </summary>
public sealed class Goal
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 5000;
    public const int ImageMaxLength = 2000;

    private Goal() { } // EF Core

    public Goal(string title, string description, bool isPublic, DateTimeOffset? deadline, DateTimeOffset now)
    {
        Id = Ids.New();
        Title = title;
        Description = description;
        IsPublic = isPublic;
        Deadline = deadline;
        Status = GoalStatus.Pending;
        CreatedAt = now;
        UpdatedAt = now;
        Version = Guid.NewGuid();
    }

    public string Id { get; private set; } = "";

    public string Title { get; private set; } = "";

    public string Description { get; private set; } = "";

    public bool IsPublic { get; private set; }

    public GoalStatus Status { get; private set; }

    public DateTimeOffset? Deadline { get; private set; }

    public int NumberOfAchievers { get; private set; }

    public int NumberOfSupporters { get; private set; }

    /// <summary>
    /// The number of live milestones (and below, of finished ones). Milestone changes recount both from
    /// the rows in the database, never by incrementing, so they cannot drift (docs/decisions/004).
    /// </summary>
    public int TasksTotal { get; private set; }

    public int TasksCompleted { get; private set; }

    public string Image { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency token, renewed by every change to the goal or its milestones.</summary>
    public Guid Version { get; private set; }

    public List<Stakeholder> Stakeholders { get; private set; } = [];

    public void Rename(string title) => Title = title;

    public void Describe(string description) => Description = description;

    public void SetPublicity(bool isPublic) => IsPublic = isPublic;

    public void SetDeadline(DateTimeOffset? deadline) => Deadline = deadline;

    public void SetStatus(GoalStatus status) => Status = status;

    public void RecountPeople(IEnumerable<Stakeholder> stakeholders)
    {
        var all = stakeholders.ToList();
        NumberOfAchievers = all.Count(s => s.IsAchiever);
        NumberOfSupporters = all.Count(s => s.IsSupporter);
    }

    public void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version = Guid.NewGuid();
    }
}

using Strive.Domain.Common;

namespace Strive.Domain.Goals;

/// <summary>
/// A goal, its counters and its stakeholders. The goal owns who is on it: stakeholders join, change roles
/// and leave through its methods, which refuse to leave it without an admin and keep the people counters
/// in step. Every change to the goal or its milestones renews <see cref="Version"/>, so two writers of the
/// same goal conflict instead of silently overwriting each other's order or counts (docs/decisions/002 and 004).
/// </summary>
public sealed class Goal
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 5000;

    /// <summary>How long a deleted goal waits under "Recently deleted" before it is erased for good (docs/api/API.md).</summary>
    public static readonly TimeSpan RestoreWindow = TimeSpan.FromDays(30);

    /// <summary>Whoever creates a goal becomes its admin, achiever and spectator (docs/api/API.md).</summary>
    public const StakeholderRoles CreatorRoles =
        StakeholderRoles.Admin | StakeholderRoles.Achiever | StakeholderRoles.Spectator;

    private readonly List<Stakeholder> _stakeholders = [];

    private Goal() { } // EF Core

    private Goal(string title, string description, bool isPublic, DateTimeOffset? deadline, DateTimeOffset now)
    {
        Id = Ids.New();
        Title = title;
        Description = description;
        IsPublic = isPublic;
        Deadline = EndOfDay(deadline);
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

    /// <summary>When the goal was marked succeeded or failed; null while it is pending.</summary>
    public DateTimeOffset? FinishedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency token, renewed by every change to the goal or its milestones.</summary>
    public Guid Version { get; private set; }

    /// <summary>
    /// When an admin deleted the goal; null while it is live. A deleted goal is invisible to every query of the
    /// model (the query filter in GoalConfiguration) until it is restored or erased.
    /// </summary>
    public DateTimeOffset? DeletedAt { get; private set; }

    /// <summary>Until when one instance holds the claim to erase this deleted goal (GoalErasureService).</summary>
    public DateTimeOffset? ErasureLeaseUntil { get; private set; }

    /// <summary>Changed only through <see cref="AddStakeholder"/>, <see cref="ChangeRoles"/> and <see cref="RemoveStakeholder"/>.</summary>
    public IReadOnlyCollection<Stakeholder> Stakeholders => _stakeholders.AsReadOnly();

    /// <summary>A new pending goal with <paramref name="creatorId"/> as its admin, achiever and spectator.</summary>
    public static Result<Goal> Create(string? title, string? description, bool isPublic, DateTimeOffset? deadline,
        string creatorId, DateTimeOffset now)
    {
        var checkedTitle = CheckTitle(title);
        var checkedDescription = CheckDescription(description);
        if ((checkedTitle.Error ?? checkedDescription.Error) is { } invalid)
        {
            return invalid;
        }

        var goal = new Goal(checkedTitle.Value!, checkedDescription.Value!, isPublic, deadline, now);
        goal._stakeholders.Add(new Stakeholder(goal.Id, creatorId, CreatorRoles, now));
        goal.RecountPeople();
        return goal;
    }

    /// <summary>
    /// Applies whichever fields <paramref name="changes"/> gives, all or none: an empty or too long title or
    /// a too long description leaves the goal as it was. A change of status stamps or clears <see cref="FinishedAt"/>.
    /// </summary>
    public Result<Goal> Revise(GoalChanges changes, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.IsEmpty)
        {
            return CommonErrors.NothingToUpdate;
        }

        var title = changes.Title.HasValue ? CheckTitle(changes.Title.Value) : Title;
        var description = changes.Description.HasValue ? CheckDescription(changes.Description.Value) : Description;
        if ((title.Error ?? description.Error) is { } invalid)
        {
            return invalid;
        }

        Title = title.Value!;
        Description = description.Value!;
        Deadline = changes.Deadline.HasValue ? EndOfDay(changes.Deadline.Value) : Deadline;
        if (changes.Status.HasValue)
        {
            SetStatus(changes.Status.Value, now);
        }

        IsPublic = changes.IsPublic.HasValue ? changes.IsPublic.Value : IsPublic;
        return this;
    }

    /// <summary>Takes a finished goal back to pending, so its people can work on it again; refuses a pending one.</summary>
    public Result<Goal> Reopen(DateTimeOffset now)
    {
        if (Status == GoalStatus.Pending)
        {
            return GoalErrors.NotFinished;
        }

        SetStatus(GoalStatus.Pending, now);
        return this;
    }

    /// <summary>
    /// Puts <paramref name="userId"/> on the goal with <paramref name="roles"/>, or gives a stakeholder these
    /// roles as well. Refuses no roles at all.
    /// </summary>
    public Result<Stakeholder> AddStakeholder(string userId, StakeholderRoles roles, DateTimeOffset now)
    {
        if (roles == StakeholderRoles.None)
        {
            return StakeholderErrors.NoRoles;
        }

        var stakeholder = Find(userId);
        if (stakeholder is null)
        {
            stakeholder = new Stakeholder(Id, userId, roles, now);
            _stakeholders.Add(stakeholder);
        }
        else
        {
            stakeholder.Grant(roles);
        }

        RecountPeople();
        return stakeholder;
    }

    /// <summary>
    /// Makes <paramref name="userId"/> a spectator of the goal, or adds that role to the ones they hold. Anyone
    /// may follow a public goal; a private one only its stakeholders (docs/api/API.md "Public goals").
    /// </summary>
    public Result<Stakeholder> Follow(string userId, DateTimeOffset now)
    {
        if (!IsPublic && Find(userId) is null)
        {
            return GoalErrors.NotStakeholder;
        }

        return AddStakeholder(userId, StakeholderRoles.Spectator, now);
    }

    /// <summary>Gives a stakeholder exactly <paramref name="roles"/>; refuses none, a stranger, and losing the last admin.</summary>
    public Result<Stakeholder> ChangeRoles(string userId, StakeholderRoles roles)
    {
        if (roles == StakeholderRoles.None)
        {
            return StakeholderErrors.NoRoles;
        }

        if (Find(userId) is not { } stakeholder)
        {
            return StakeholderErrors.NotFound;
        }

        if (stakeholder.IsAdmin && !roles.IsAdmin() && IsLastAdmin(stakeholder))
        {
            return StakeholderErrors.LastAdmin;
        }

        stakeholder.SetRoles(roles);
        RecountPeople();
        return stakeholder;
    }

    /// <summary>Takes a stakeholder off the goal; refuses a stranger and the last admin.</summary>
    public Result<Stakeholder> RemoveStakeholder(string userId)
    {
        if (Find(userId) is not { } stakeholder)
        {
            return StakeholderErrors.NotFound;
        }

        if (stakeholder.IsAdmin && IsLastAdmin(stakeholder))
        {
            return StakeholderErrors.LastAdmin;
        }

        _stakeholders.Remove(stakeholder);
        RecountPeople();
        return stakeholder;
    }

    /// <summary>Moves the goal to "Recently deleted"; it stays as it was, ready for <see cref="Restore"/>.</summary>
    public void SoftDelete(DateTimeOffset now)
    {
        DeletedAt = now;
        ErasureLeaseUntil = null;
        Touch(now);
    }

    /// <summary>Brings a deleted goal back as it was, within <see cref="RestoreWindow"/>; refuses a live or older one.</summary>
    public Result<Goal> Restore(DateTimeOffset now)
    {
        if (DeletedAt is not { } deletedAt || now - deletedAt > RestoreWindow)
        {
            return GoalErrors.NotFound;
        }

        DeletedAt = null;
        Touch(now);
        return this;
    }

    public void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version = Guid.NewGuid();
    }

    private void SetStatus(GoalStatus status, DateTimeOffset now)
    {
        if (status == Status)
        {
            return;
        }

        Status = status;
        FinishedAt = status == GoalStatus.Pending ? null : now;
    }

    private Stakeholder? Find(string userId) => _stakeholders.Find(s => s.UserId == userId);

    private bool IsLastAdmin(Stakeholder stakeholder) => !_stakeholders.Any(s => s != stakeholder && s.IsAdmin);

    private void RecountPeople()
    {
        NumberOfAchievers = _stakeholders.Count(s => s.IsAchiever);
        NumberOfSupporters = _stakeholders.Count(s => s.IsSupporter);
    }

    private static Result<string> CheckTitle(string? title) =>
        TextRules.Check(title, TitleMaxLength, GoalErrors.TitleRequired, GoalErrors.TitleTooLong,
            GoalErrors.TitleControlCharacters);

    private static Result<string> CheckDescription(string? description) =>
        TextRules.Check(description, DescriptionMaxLength, required: null, GoalErrors.DescriptionTooLong,
            GoalErrors.DescriptionControlCharacters, trim: false);

    private static DateTimeOffset? EndOfDay(DateTimeOffset? deadline) =>
        deadline is null ? null : Dates.EndOfDayUtc(deadline.Value);
}

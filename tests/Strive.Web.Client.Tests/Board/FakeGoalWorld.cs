using Strive.Domain.Common;
using Strive.Domain.Events;
using Strive.Domain.Goals;
using Strive.Domain.Milestones;
using Strive.Domain.Supports;

namespace Strive.Web.Client.Tests.Board;

/// <summary>
/// One goal held in memory behind the domain interfaces the pages call. It keeps just enough
/// behaviour (order, counters, roles) for the pages to be exercised, and records what they sent.
/// Its refusals are the real services' own (their constants and kinds), so a page test that expects a
/// message fails when the real rule's message changes.
/// </summary>
public sealed partial class FakeGoalWorld : IGoalService, IMilestoneService, IStakeholderService, ISupportService,
    IGoalChangeNotifier
{
    public const string GoalId = "goal1";
    private readonly Dictionary<string, StakeholderRoles> _roles = [];
    private readonly List<(string GoalId, Func<GoalChange, Task> OnChange)> _subscribers = [];
    private readonly DateTimeOffset _now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private readonly List<(MilestoneView Milestone, int Position)> _deleted = [];
    private GoalView? _goal;
    private int _nextId = 1;

    public List<MilestoneView> Milestones { get; } = [];

    public List<SupportView> Supports { get; } = [];

    public List<IReadOnlyList<string>> ReorderCalls { get; } = [];

    public List<(string MilestoneId, MilestoneChanges Changes)> UpdateCalls { get; } = [];

    public List<(string MilestoneId, int Position)> MoveCalls { get; } = [];

    public List<string> RestoreCalls { get; } = [];

    /// <summary>When set, the next reorder is refused with this error.</summary>
    public DomainError? RefuseReorder { get; set; }

    /// <summary>When set, the next move is refused with this error.</summary>
    public DomainError? RefuseMove { get; set; }

    public int Subscriptions => _subscribers.Count;

    /// <summary>More goals the goals page lists beside this one, as the real list answers them (with the caller's roles).</summary>
    public List<GoalView> OtherGoals { get; } = [];

    public FakeGoalWorld WithGoal(string title = "Run a marathon")
    {
        _goal = new GoalView(GoalId, title, "Sub four hours", false, GoalStatus.Pending, null, 1, 0, 0, 0, null,
            _now, _now, StakeholderRoles.None);
        return this;
    }

    /// <summary>Marks the goal finished as the real goal does (status and when).</summary>
    public FakeGoalWorld Finished(GoalStatus status)
    {
        _goal = _goal! with { Status = status, FinishedAt = _now };
        return this;
    }

    public FakeGoalWorld WithMember(string userId, StakeholderRoles roles)
    {
        _roles[userId] = roles;
        return this;
    }

    public FakeGoalWorld WithoutMember(string userId)
    {
        _roles.Remove(userId);
        return this;
    }

    public FakeGoalWorld WithMilestones(params string[] contents)
    {
        foreach (var content in contents)
        {
            Milestones.Add(NewView(content));
        }

        return this;
    }

    public void Publish(GoalChange change)
    {
        foreach (var (goalId, onChange) in _subscribers.ToList())
        {
            if (goalId == change.GoalId)
            {
                onChange(change).GetAwaiter().GetResult();
            }
        }
    }

    public IDisposable Subscribe(string goalId, Func<GoalChange, Task> onChange)
    {
        var entry = (goalId, onChange);
        _subscribers.Add(entry);
        return new Unsubscriber(() => _subscribers.Remove(entry));
    }

    // IGoalService
    public Task<IReadOnlyList<GoalView>> ListAsync(string actorId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<GoalView>>(
            [.. _goal is not null && _roles.TryGetValue(actorId, out var roles) ? [View(roles)] : Array.Empty<GoalView>(),
                .. OtherGoals]);

    public Task<Result<GoalView>> GetAsync(string actorId, string goalId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Check(actorId, goalId) is { } error ? Result<GoalView>.Failure(error) : View(_roles[actorId]));

    /// <summary>The same parts the separate calls answer, behind the same check as <see cref="GetAsync"/>.</summary>
    public async Task<Result<GoalBoardView>> GetBoardAsync(string actorId, string goalId, int timelineLength,
        CancellationToken cancellationToken = default)
    {
        var goal = await GetAsync(actorId, goalId, cancellationToken);
        if (!goal.IsSuccess)
        {
            return goal.Error;
        }

        var stakeholders = await ((IStakeholderService)this).ListAsync(actorId, goalId, cancellationToken);
        var events = await ListEventsAsync(actorId, goalId, timelineLength, cancellationToken);
        return new GoalBoardView(goal.Value, [.. Milestones], [.. Supports], stakeholders.Value!,
            [.. events.Value!.Take(timelineLength)]);
    }

    public async Task<Result<PublicGoalBoardView>> GetPublicBoardAsync(string actorId, string goalId,
        CancellationToken cancellationToken = default)
    {
        var audience = await AudienceAsync(actorId, goalId, cancellationToken);
        return audience == GoalAudience.Outsider
            ? Check(actorId, goalId) ?? GoalErrors.NotStakeholder
            : new PublicGoalBoardView(View(_roles.GetValueOrDefault(actorId)), [.. Milestones]);
    }

    public Task<GoalAudience> AudienceAsync(string actorId, string goalId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_goal is null || goalId != GoalId ? GoalAudience.Outsider
            : _roles.ContainsKey(actorId) ? GoalAudience.Stakeholder
            : _goal.IsPublic ? GoalAudience.PublicReader
            : GoalAudience.Outsider);

    public List<string> ReopenCalls { get; } = [];

    public Task<Result<GoalView>> ReopenAsync(string actorId, string goalId, CancellationToken cancellationToken = default)
    {
        ReopenCalls.Add(goalId);
        if (Check(actorId, goalId) is { } error)
        {
            return Task.FromResult(Result<GoalView>.Failure(error));
        }

        if (!_roles[actorId].IsAdmin())
        {
            return Task.FromResult(Result<GoalView>.Failure(GoalErrors.ReopenForbidden));
        }

        _goal = _goal! with { Status = GoalStatus.Pending, FinishedAt = null };
        return GetAsync(actorId, goalId, cancellationToken);
    }

    public Task<Result<GoalView>> CreateAsync(string actorId, NewGoal goal, CancellationToken cancellationToken = default)
    {
        WithGoal(goal.Title ?? "").WithMember(actorId, StakeholderRoles.Admin | StakeholderRoles.Achiever);
        return Task.FromResult<Result<GoalView>>(View(_roles[actorId]));
    }

    public Task<Result<GoalView>> UpdateAsync(string actorId, string goalId, GoalChanges changes,
        VersionCondition? condition = null, CancellationToken cancellationToken = default)
    {
        if (changes.Status.HasValue && _goal is not null)
        {
            _goal = _goal with
            {
                Status = changes.Status.Value,
                FinishedAt = changes.Status.Value == GoalStatus.Pending ? null : _now,
            };
        }

        if (changes.IsPublic.HasValue && _goal is not null)
        {
            _goal = _goal with { IsPublic = changes.IsPublic.Value };
        }

        return GetAsync(actorId, goalId, cancellationToken);
    }

    public Task<Result<IReadOnlyList<GoalEventView>>> ListEventsAsync(string actorId, string goalId, int limit = 100,
        CancellationToken cancellationToken = default) =>
        Task.FromResult<Result<IReadOnlyList<GoalEventView>>>(
            new List<GoalEventView> { new("e1", GoalEventType.GoalCreated, "alice", "Alice", null, "", _now) });

    // IMilestoneService
    Task<Result<MilestoneList>> IMilestoneService.ListAsync(string actorId, string goalId,
        CancellationToken cancellationToken) =>
        Task.FromResult(Check(actorId, goalId) is { } error
            ? Result<MilestoneList>.Failure(error)
            : Result<MilestoneList>.Success(new MilestoneList([.. Milestones], Guid.Empty)));

    /// <summary>The board never holds a list by version: always the whole list.</summary>
    Task<Result<MilestoneListRead>> IMilestoneService.ListAsync(string actorId, string goalId, Guid? knownVersion,
        CancellationToken cancellationToken) =>
        Task.FromResult(Check(actorId, goalId) is { } error
            ? Result<MilestoneListRead>.Failure(error)
            : Result<MilestoneListRead>.Success(new MilestoneListRead(Guid.Empty,
                new MilestoneList([.. Milestones], Guid.Empty))));

    Task<Result<MilestoneView>> IMilestoneService.GetAsync(string actorId, string goalId, string milestoneId,
        CancellationToken cancellationToken) =>
        Task.FromResult<Result<MilestoneView>>(Milestones.Single(m => m.Id == milestoneId));

    public Task<Result<MilestoneView>> CreateAsync(string actorId, string goalId, NewMilestone milestone,
        VersionCondition? condition = null, CancellationToken cancellationToken = default)
    {
        var view = NewView(milestone.Content ?? "");
        Milestones.Add(view);
        return Task.FromResult<Result<MilestoneView>>(view);
    }

    public Task<Result<MilestoneView>> UpdateAsync(string actorId, string goalId, string milestoneId,
        MilestoneChanges changes, VersionCondition? condition = null, CancellationToken cancellationToken = default)
    {
        UpdateCalls.Add((milestoneId, changes));
        var index = Milestones.FindIndex(m => m.Id == milestoneId);
        var updated = Milestones[index];
        if (changes.Status.HasValue)
        {
            updated = updated with { Status = changes.Status.Value };
        }

        if (changes.Content.HasValue)
        {
            updated = updated with { Content = changes.Content.Value ?? "" };
        }

        if (changes.Subtasks.HasValue)
        {
            updated = updated with { Subtasks = changes.Subtasks.Value ?? [] };
        }

        Milestones[index] = updated;
        return Task.FromResult<Result<MilestoneView>>(updated);
    }

    public Task<Result<MilestoneList>> ReorderAsync(string actorId, string goalId,
        IReadOnlyList<string> orderedIds, VersionCondition? condition = null,
        CancellationToken cancellationToken = default)
    {
        ReorderCalls.Add(orderedIds);
        if (RefuseReorder is { } refusal)
        {
            RefuseReorder = null;
            return Task.FromResult(Result<MilestoneList>.Failure(refusal));
        }

        var reordered = orderedIds.Select((id, i) => Milestones.Single(m => m.Id == id) with { Order = i }).ToList();
        Milestones.Clear();
        Milestones.AddRange(reordered);
        return Task.FromResult(Result<MilestoneList>.Success(new MilestoneList(reordered, Guid.Empty)));
    }

    /// <summary>As the real service: zero-based, past the end means last, the others shift.</summary>
    public Task<Result<MilestoneView>> MoveAsync(string actorId, string goalId, string milestoneId, int position,
        VersionCondition? condition = null, CancellationToken cancellationToken = default)
    {
        MoveCalls.Add((milestoneId, position));
        var milestone = Milestones.Find(m => m.Id == milestoneId);
        var refusal = RefuseMove
            ?? (position < 0 ? MilestoneErrors.OrderNegative : null)
            ?? Check(actorId, goalId)
            ?? (!_roles[actorId].CanPlan() ? MilestoneErrors.UpdateForbidden : null)
            ?? (milestone is null ? MilestoneErrors.NotFound : null);
        RefuseMove = null;
        if (refusal is not null)
        {
            return Task.FromResult(Result<MilestoneView>.Failure(refusal));
        }

        Milestones.Remove(milestone!);
        Milestones.Insert(Math.Min(position, Milestones.Count), milestone!);
        for (var i = 0; i < Milestones.Count; i++)
        {
            Milestones[i] = Milestones[i] with { Order = i };
        }

        return Task.FromResult<Result<MilestoneView>>(Milestones.Single(m => m.Id == milestoneId));
    }

    public Task<Result<MilestoneView>> DeleteAsync(string actorId, string goalId, string milestoneId,
        VersionCondition? condition = null, CancellationToken cancellationToken = default)
    {
        var milestone = Milestones.Single(m => m.Id == milestoneId);
        _deleted.Add((milestone, Milestones.IndexOf(milestone)));
        Milestones.Remove(milestone);
        return Task.FromResult<Result<MilestoneView>>(milestone);
    }

    /// <summary>Puts a milestone this world deleted back where it was (or last), as the real service does.</summary>
    public Task<Result<MilestoneView>> RestoreAsync(string actorId, string goalId, string milestoneId,
        VersionCondition? condition = null, CancellationToken cancellationToken = default)
    {
        RestoreCalls.Add(milestoneId);
        var index = _deleted.FindIndex(d => d.Milestone.Id == milestoneId);
        if (index < 0)
        {
            return Task.FromResult(Result<MilestoneView>.Failure(MilestoneErrors.NotDeleted));
        }

        var (milestone, position) = _deleted[index];
        _deleted.RemoveAt(index);
        Milestones.Insert(Math.Min(position, Milestones.Count), milestone);
        return Task.FromResult<Result<MilestoneView>>(milestone);
    }

    // IStakeholderService
    Task<Result<IReadOnlyList<StakeholderView>>> IStakeholderService.ListAsync(string actorId, string goalId,
        CancellationToken cancellationToken) =>
        Task.FromResult<Result<IReadOnlyList<StakeholderView>>>(
            _roles.Select(r => new StakeholderView(r.Key, $"{r.Key}@example.com", r.Key, r.Value, _now)).ToList());

    public Task<Result<StakeholderView>> AddAsync(string actorId, string goalId, string email, StakeholderRoles roles,
        CancellationToken cancellationToken = default) =>
        Task.FromResult(Result<StakeholderView>.Failure(StakeholderErrors.UserNotFound));

    public Task<Result<StakeholderView>> AddAsOperatorAsync(string goalId, string email, StakeholderRoles roles,
        CancellationToken cancellationToken = default) => AddAsync("", goalId, email, roles, cancellationToken);

    public Task<Result<StakeholderView>> FollowAsync(string actorId, string goalId,
        CancellationToken cancellationToken = default)
    {
        _roles[actorId] = _roles.GetValueOrDefault(actorId) | StakeholderRoles.Spectator;
        return Task.FromResult<Result<StakeholderView>>(new StakeholderView(actorId, "", actorId, _roles[actorId], _now));
    }

    public Task<Result<StakeholderView>> ChangeRolesAsync(string actorId, string goalId, string userId,
        StakeholderRoles roles, CancellationToken cancellationToken = default)
    {
        _roles[userId] = roles;
        return Task.FromResult<Result<StakeholderView>>(new StakeholderView(userId, "", userId, roles, _now));
    }

    public Task<Result<bool>> RemoveAsync(string actorId, string goalId, string userId,
        CancellationToken cancellationToken = default)
    {
        if (_roles.TryGetValue(userId, out var roles) && roles.IsAdmin() && _roles.Values.Count(r => r.IsAdmin()) == 1)
        {
            return Task.FromResult(Result<bool>.Failure(StakeholderErrors.LastAdmin));
        }

        _roles.Remove(userId);
        return Task.FromResult(Result<bool>.Success(true));
    }

    // ISupportService
    Task<Result<IReadOnlyList<SupportView>>> ISupportService.ListAsync(string actorId, string goalId,
        CancellationToken cancellationToken) =>
        Task.FromResult<Result<IReadOnlyList<SupportView>>>(Supports.ToList());

    public Task<Result<SupportView>> PledgeAsync(string actorId, string goalId, string? milestoneId,
        string? description, CancellationToken cancellationToken = default)
    {
        var support = new SupportView($"s{Supports.Count + 1}", goalId, milestoneId, description ?? "",
            SupportStatus.Open, null, null, actorId, actorId, _now, _now);
        Supports.Add(support);
        return Task.FromResult<Result<SupportView>>(support);
    }

    private DomainError? Check(string actorId, string goalId) =>
        _goal is null || goalId != GoalId ? GoalErrors.NotFound
        : !_roles.ContainsKey(actorId) ? GoalErrors.NotStakeholder
        : null;

    private GoalView View(StakeholderRoles roles) => _goal! with
    {
        MyRoles = roles,
        TasksTotal = Milestones.Count,
        TasksCompleted = Milestones.Count(m => m.Status != MilestoneStatus.Pending),
        TasksFailed = Milestones.Count(m => m.Status == MilestoneStatus.Failed),
    };

    private MilestoneView NewView(string content) =>
        new($"m{_nextId++}", GoalId, content, "", MilestoneStatus.Pending, Milestones.Count, null, [], null, _now,
            _now, 0);

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}

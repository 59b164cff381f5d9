using Microsoft.EntityFrameworkCore;
using Strive.Domain.Common;
using Strive.Domain.Events;
using Strive.Domain.Goals;
using Strive.Domain.Persistence;

namespace Strive.Domain.Milestones;

/// <summary>
/// One change to a goal's milestones, inside the transaction <see cref="GoalWrites"/> opened. It reads
/// only what the change needs (the actor's roles with the goal's version, the one milestone, a count),
/// never the goal's whole list; claims the goal before its first write; and owes every change the same
/// side effects: an event, the supports, and counters recounted from the rows (docs/decisions/004).
/// </summary>
internal sealed class GoalPlan
{
    private readonly StriveDbContext _db;
    private readonly string _actorId;
    private readonly Guid _version;
    private Guid? _claimedVersion;

    private GoalPlan(StriveDbContext db, string goalId, string actorId, Guid version)
    {
        _db = db;
        GoalId = goalId;
        _actorId = actorId;
        _version = version;
    }

    public string GoalId { get; }

    /// <summary>The goal's version as this change leaves it: the claimed one once it wrote, else the one it read.</summary>
    public Guid Version => _claimedVersion ?? _version;

    /// <summary>
    /// The access check, then the caller's <paramref name="condition"/> on the version it read (412 after 404
    /// and 403, so a stale tag never reveals more than a read would). The claim later insists on this same
    /// version, so a change that passes the condition cannot write on top of a newer one.
    /// </summary>
    public static async Task<Result<GoalPlan>> LoadAsync(StriveDbContext db, string goalId, string actorId,
        Func<StakeholderRoles, bool> allowed, DomainError forbidden, VersionCondition? condition,
        CancellationToken cancellationToken)
    {
        var grant = await GoalAccess.GrantAsync(db, goalId, actorId, allowed, forbidden, cancellationToken);
        if (!grant.IsSuccess)
        {
            return grant.Error;
        }

        // A finished goal is a record of how it went: its plan is read-only until an admin reopens the goal.
        if (grant.Value.IsFinished)
        {
            return GoalErrors.Finished;
        }

        return condition is null || condition.Accepts(grant.Value.Version)
            ? new GoalPlan(db, goalId, actorId, grant.Value.Version)
            : GoalErrors.Stale(grant.Value.Version);
    }

    /// <summary>One live milestone of the goal, tracked: 404 "Milestone not found" for deleted or foreign ids.</summary>
    public async Task<Result<Milestone>> FindAsync(string milestoneId, CancellationToken cancellationToken) =>
        await _db.Milestones.FirstOrDefaultAsync(
                m => m.Id == milestoneId && m.GoalId == GoalId && m.DeletedAt == null, cancellationToken)
            is { } milestone
            ? milestone
            : MilestoneErrors.NotFound;

    /// <summary>Every live milestone, tracked and in order: only for a change that is about the whole list.</summary>
    public Task<List<Milestone>> LoadAllAsync(CancellationToken cancellationToken) =>
        _db.Milestones.Where(m => m.GoalId == GoalId && m.DeletedAt == null).InOrder().ToListAsync(cancellationToken);

    /// <summary>Adds <paramref name="milestone"/> at <paramref name="position"/> (past the end or null: last).</summary>
    public async Task InsertAsync(Milestone milestone, int? position, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var count = await CountLiveAsync(cancellationToken);
        var at = MilestoneOrder.InsertionPoint(position, count);
        await ClaimAsync(now, cancellationToken);
        if (at < count)
        {
            await MilestoneOrder.MakeRoomAsync(_db, GoalId, at, now, cancellationToken);
        }

        milestone.TakePosition(at);
        _db.Milestones.Add(milestone);
        Record(GoalEventType.MilestoneCreated, milestone, now);
    }

    /// <summary>
    /// Moves to <paramref name="position"/> (past the end: last) and records it. False, writing nothing,
    /// when the milestone already holds that position.
    /// </summary>
    public async Task<bool> MoveAsync(Milestone milestone, int position, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var to = MilestoneOrder.Destination(position, await CountLiveAsync(cancellationToken));
        if (to == milestone.Order)
        {
            return false;
        }

        await ClaimAsync(now, cancellationToken);
        await MilestoneOrder.MoveAsync(_db, milestone, to, now, cancellationToken);
        Record(GoalEventType.MilestoneMoved, milestone, now, MilestoneMovedDetail.Format(milestone.Content, to));
        return true;
    }

    /// <summary>
    /// One milestone of the goal, live or deleted, tracked: 404 "Milestone not found" for unknown or foreign ids.
    /// Only restoring looks at deleted ones.
    /// </summary>
    public async Task<Result<Milestone>> FindAnyAsync(string milestoneId, CancellationToken cancellationToken) =>
        await _db.Milestones.FirstOrDefaultAsync(m => m.Id == milestoneId && m.GoalId == GoalId, cancellationToken)
            is { } milestone
            ? milestone
            : MilestoneErrors.NotFound;

    /// <summary>
    /// Soft-deletes and closes the gap behind it. Its pledges stay in the database, hidden with it
    /// (<see cref="Strive.Domain.Supports.SupportQueries.Visible"/>), so a restore brings them back.
    /// </summary>
    public async Task RemoveAsync(Milestone milestone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await ClaimAsync(now, cancellationToken);
        await MilestoneOrder.CloseGapAsync(_db, GoalId, milestone.Order, now, cancellationToken);
        milestone.SoftDelete(now);
        milestone.Touch(now);
        Record(GoalEventType.MilestoneDeleted, milestone, now);
    }

    /// <summary>
    /// Puts a milestone that <see cref="Milestone.Restore"/> just brought back at the position it held when it
    /// was deleted (past the end now: last), making room in one shift, and records it.
    /// </summary>
    public async Task ReinstateAsync(Milestone milestone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The row is still deleted in the database until SaveChanges, so neither the count nor the shift sees it.
        var count = await CountLiveAsync(cancellationToken);
        var at = MilestoneOrder.InsertionPoint(milestone.Order, count);
        await ClaimAsync(now, cancellationToken);
        if (at < count)
        {
            await MilestoneOrder.MakeRoomAsync(_db, GoalId, at, now, cancellationToken);
        }

        milestone.TakePosition(at);
        Record(GoalEventType.MilestoneRestored, milestone, now);
    }

    public void Record(GoalEventType type, Milestone? milestone, DateTimeOffset now, string? detail = null) =>
        _db.GoalEvents.Add(new GoalEvent(GoalId, type, _actorId, milestone?.Id, detail ?? milestone?.Content ?? "",
            now));

    /// <summary>Events and supports that follow a status change: completing asks supporters for a decision.</summary>
    public async Task OnStatusChangedAsync(Milestone milestone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Record(milestone.Status switch
        {
            MilestoneStatus.Succeeded => GoalEventType.MilestoneCompletedSuccessfully,
            MilestoneStatus.Failed => GoalEventType.MilestoneCompletedUnsuccessfully,
            _ => GoalEventType.MilestoneReopened,
        }, milestone, now);

        var supports = await _db.Supports.Where(s => s.MilestoneId == milestone.Id).ToListAsync(cancellationToken);
        foreach (var support in supports)
        {
            if (milestone.Status == MilestoneStatus.Pending)
            {
                support.WithdrawDecisionRequest(now);
            }
            else
            {
                support.RequireDecision(now);
            }
        }
    }

    /// <summary>
    /// Saves the tracked rows and the events, then recounts the goal's counters from its rows in the
    /// database (docs/api/API.md: counted, never incremented, so they cannot drift).
    /// </summary>
    public async Task CommitAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await ClaimAsync(now, cancellationToken);
        await _db.SaveChangesAsync(cancellationToken);
        await RecountAsync(_db, GoalId, cancellationToken);
    }

    /// <summary>The goal's counters recounted from its live milestones, in one set-based update.</summary>
    internal static Task<int> RecountAsync(StriveDbContext db, string goalId, CancellationToken cancellationToken) =>
        db.Goals.Where(g => g.Id == goalId).ExecuteUpdateAsync(s => s
            .SetProperty(g => g.TasksTotal,
                g => db.Milestones.Count(m => m.GoalId == g.Id && m.DeletedAt == null))
            .SetProperty(g => g.TasksCompleted,
                g => db.Milestones.Count(m => m.GoalId == g.Id && m.DeletedAt == null
                    && m.Status != MilestoneStatus.Pending)), cancellationToken);

    private Task<int> CountLiveAsync(CancellationToken cancellationToken) =>
        _db.Milestones.CountAsync(m => m.GoalId == GoalId && m.DeletedAt == null, cancellationToken);

    /// <summary>
    /// The first write of every change: renews the goal's version (as <see cref="Goal.Touch"/> does) only if
    /// it is still the one the access check read. A writer that raced us and lost finds no such row and
    /// throws before it has written anything else; <see cref="GoalWrites"/> rolls back and replays it. On
    /// SQL Server the claimed row stays locked until commit, so concurrent changes of one goal never take
    /// milestone row locks in opposite orders.
    /// </summary>
    private async Task ClaimAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (_claimedVersion is not null)
        {
            return;
        }

        var version = Guid.NewGuid();
        if (await ClaimVersionAsync(_db, GoalId, _version, version, now, cancellationToken) == 0)
        {
            throw new DbUpdateConcurrencyException("The goal changed after this change read it.");
        }

        _claimedVersion = version;
    }

    /// <summary>Renews the goal's version from <paramref name="expected"/> to <paramref name="version"/>: 0 rows when it moved on.</summary>
    internal static Task<int> ClaimVersionAsync(StriveDbContext db, string goalId, Guid expected, Guid version,
        DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Goals.Where(g => g.Id == goalId && g.Version == expected)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.Version, version).SetProperty(g => g.UpdatedAt, now),
                cancellationToken);
}

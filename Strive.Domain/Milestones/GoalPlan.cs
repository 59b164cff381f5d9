using Microsoft.EntityFrameworkCore;
using Strive.Domain.Common;
using Strive.Domain.Events;
using Strive.Domain.Goals;
using Strive.Domain.Persistence;

namespace Strive.Domain.Milestones;

/// <summary>
/// A goal loaded for a change to its milestones: the tracked goal, its live milestones in order,
/// and the side effects every change owes (counters, events, supports), committed together.
/// </summary>
internal sealed class GoalPlan
{
    private readonly StriveDbContext _db;
    private readonly string _actorId;

    private GoalPlan(StriveDbContext db, Goal goal, List<Milestone> live, string actorId)
    {
        _db = db;
        Goal = goal;
        Live = live;
        _actorId = actorId;
    }

    public Goal Goal { get; }

    /// <summary>The live milestones in order; operations keep this list and the positions in step.</summary>
    public List<Milestone> Live { get; }

    public static async Task<Result<GoalPlan>> LoadAsync(StriveDbContext db, string goalId, string actorId,
        Func<StakeholderRoles, bool> allowed, string forbidden, CancellationToken cancellationToken)
    {
        var access = await GoalAccess.RolesAsync(db, goalId, actorId, allowed, forbidden, cancellationToken);
        if (!access.IsSuccess)
        {
            return access.Error;
        }

        var goal = await db.Goals.FirstAsync(g => g.Id == goalId, cancellationToken);
        var live = await db.Milestones.Where(m => m.GoalId == goalId && m.DeletedAt == null)
            .ToListAsync(cancellationToken);
        return new GoalPlan(db, goal, MilestoneOrder.Sort(live), actorId);
    }

    public Milestone? Find(string milestoneId) => Live.Find(m => m.Id == milestoneId);

    public void Record(GoalEventType type, Milestone? milestone, DateTimeOffset now, string? detail = null) =>
        _db.GoalEvents.Add(new GoalEvent(Goal.Id, type, _actorId, milestone?.Id, detail ?? milestone?.Content ?? "",
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

    /// <summary>Recounts, renews the concurrency token and saves everything in one transaction.</summary>
    public async Task CommitAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        Goal.RecountTasks(Live);
        Goal.Touch(now);
        await _db.SaveChangesAsync(cancellationToken);
    }
}

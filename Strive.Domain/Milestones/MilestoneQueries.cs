using Microsoft.EntityFrameworkCore;
using Strive.Domain.Persistence;

namespace Strive.Domain.Milestones;

/// <summary>The reads behind milestone views, shared by the milestone list and the goal's board.</summary>
internal static class MilestoneQueries
{
    /// <summary>
    /// The live milestones in order, each with its number of pledges: one query whatever their count (the
    /// count is a correlated subquery on the supports' (GoalId, MilestoneId) index).
    /// </summary>
    public static async Task<IReadOnlyList<MilestoneView>> LiveAsync(StriveDbContext db, string goalId,
        CancellationToken cancellationToken)
    {
        var live = await db.Milestones.AsNoTracking()
            .Where(m => m.GoalId == goalId && m.DeletedAt == null)
            .InOrder()
            .Select(m => new
            {
                Milestone = m,
                Supports = db.Supports.Count(s => s.GoalId == goalId && s.MilestoneId == m.Id),
            })
            .ToListAsync(cancellationToken);
        return [.. live.Select(row => row.Milestone.ToView(row.Supports))];
    }

    public static Task<int> SupportCountAsync(StriveDbContext db, string milestoneId,
        CancellationToken cancellationToken) =>
        db.Supports.CountAsync(s => s.MilestoneId == milestoneId, cancellationToken);
}

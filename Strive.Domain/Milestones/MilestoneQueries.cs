using Microsoft.EntityFrameworkCore;
using Strive.Domain.Persistence;

namespace Strive.Domain.Milestones;

/// <summary>The reads behind milestone views, shared by the milestone list and the goal's board.</summary>
internal static class MilestoneQueries
{
    /// <summary>The live milestones in order, each with its number of pledges: two queries whatever their count.</summary>
    public static async Task<IReadOnlyList<MilestoneView>> LiveAsync(StriveDbContext db, string goalId,
        CancellationToken cancellationToken)
    {
        var live = await db.Milestones.AsNoTracking()
            .Where(m => m.GoalId == goalId && m.DeletedAt == null)
            .InOrder()
            .ToListAsync(cancellationToken);
        var supports = await db.Supports.AsNoTracking()
            .Where(s => s.GoalId == goalId && s.MilestoneId != null)
            .GroupBy(s => s.MilestoneId!)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.Ordinal, cancellationToken);
        return [.. live.Select(m => m.ToView(supports.GetValueOrDefault(m.Id)))];
    }

    public static Task<int> SupportCountAsync(StriveDbContext db, string milestoneId,
        CancellationToken cancellationToken) =>
        db.Supports.CountAsync(s => s.MilestoneId == milestoneId, cancellationToken);
}

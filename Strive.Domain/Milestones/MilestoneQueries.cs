using Microsoft.EntityFrameworkCore;
using Strive.Domain.Persistence;

namespace Strive.Domain.Milestones;

/// <summary>The reads behind milestone views, shared by the milestone list and the goal's board.</summary>
internal static class MilestoneQueries
{
    /// <summary>
    /// The live milestones in order, each with its number of pledges: one query whatever their count (the
    /// count is a correlated subquery on the supports' (GoalId, MilestoneId) index). Compiled once: the
    /// list is the API's hottest read, and EF Core otherwise hashes the expression tree on every call to
    /// find its cached plan.
    /// </summary>
    public static async Task<IReadOnlyList<MilestoneView>> LiveAsync(StriveDbContext db, string goalId,
        CancellationToken cancellationToken)
    {
        var views = new List<MilestoneView>();
        await foreach (var row in LiveWithSupportCounts.For(db)(db, goalId).WithCancellation(cancellationToken))
        {
            views.Add(row.Milestone.ToView(row.Supports));
        }

        return views;
    }

    private static readonly CompiledPerModel<Func<StriveDbContext, string, IAsyncEnumerable<MilestoneWithSupports>>>
        LiveWithSupportCounts = new(() => EF.CompileAsyncQuery((StriveDbContext db, string goalId) => db.Milestones.AsNoTracking()
            .Where(m => m.GoalId == goalId && m.DeletedAt == null)
            // MilestoneOrder.InOrder, spelled out: a compiled query cannot call it.
            .OrderBy(m => m.Order).ThenBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => new MilestoneWithSupports(m, db.Supports.Count(s => s.GoalId == goalId && s.MilestoneId == m.Id)))));

    private sealed record MilestoneWithSupports(Milestone Milestone, int Supports);

    public static Task<int> SupportCountAsync(StriveDbContext db, string milestoneId,
        CancellationToken cancellationToken) =>
        db.Supports.CountAsync(s => s.MilestoneId == milestoneId, cancellationToken);
}

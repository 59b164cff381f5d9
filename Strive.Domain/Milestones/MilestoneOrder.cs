using Microsoft.EntityFrameworkCore;
using Strive.Domain.Persistence;

namespace Strive.Domain.Milestones;

/// <summary>
/// The ordering rule: the live milestones of a goal hold the positions 0..n-1, each once. A change never
/// rewrites the list; it shifts the milestones between two positions by one step in a single set-based
/// update, so it costs the same for 10 milestones or 1,000 (docs/decisions/004). Callers run these inside
/// the change's transaction, after <see cref="GoalPlan"/> has claimed the goal.
/// </summary>
internal static class MilestoneOrder
{
    /// <summary>Where a new milestone goes among <paramref name="count"/> live ones: as asked (past the end: last), or last.</summary>
    public static int InsertionPoint(int? requested, int count) => Math.Min(requested ?? count, count);

    /// <summary>Where a milestone already among <paramref name="count"/> live ones goes: past the end means last.</summary>
    public static int Destination(int requested, int count) => Math.Min(requested, count - 1);

    /// <summary>Moves the milestones at <paramref name="position"/> and after one down, for a new one.</summary>
    public static Task MakeRoomAsync(StriveDbContext db, string goalId, int position, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        ShiftAsync(db, goalId, position, int.MaxValue, +1, now, cancellationToken);

    /// <summary>Moves the milestones after <paramref name="position"/> one up, over a removed one.</summary>
    public static Task CloseGapAsync(StriveDbContext db, string goalId, int position, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        ShiftAsync(db, goalId, position + 1, int.MaxValue, -1, now, cancellationToken);

    /// <summary>Puts the milestone at <paramref name="position"/> and shifts the ones it passes by one.</summary>
    public static Task MoveAsync(StriveDbContext db, Milestone milestone, int position, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var from = milestone.Order;
        milestone.TakePosition(position);
        return position < from
            ? ShiftAsync(db, milestone.GoalId, position, from - 1, +1, now, cancellationToken)
            : ShiftAsync(db, milestone.GoalId, from + 1, position, -1, now, cancellationToken);
    }

    /// <summary>By position; the tie-breaks only make the result stable should positions ever collide.</summary>
    public static IOrderedQueryable<Milestone> InOrder(this IQueryable<Milestone> milestones) =>
        milestones.OrderBy(m => m.Order).ThenBy(m => m.CreatedAt).ThenBy(m => m.Id);

    private static Task<int> ShiftAsync(StriveDbContext db, string goalId, int first, int last, int by,
        DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Milestones
            .Where(m => m.GoalId == goalId && m.DeletedAt == null && m.Order >= first && m.Order <= last)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Order, m => m.Order + by)
                .SetProperty(m => m.UpdatedAt, now), cancellationToken);
}

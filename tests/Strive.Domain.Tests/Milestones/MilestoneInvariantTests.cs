using Microsoft.EntityFrameworkCore;
using Strive.Domain.Common;
using Strive.Domain.Milestones;
using Strive.Domain.Tests.Infrastructure;

namespace Strive.Domain.Tests.Milestones;

/// <summary>
/// Hundreds of mixed operations on one goal; after each, the live orders are 0..n-1 and the goal's
/// counters equal the counts of live and finished milestones in the database.
/// </summary>
public sealed class MilestoneInvariantTests : IDisposable
{
    private readonly DomainHarness _domain = new();

    [Theory]
    [InlineData(20261127)]
    [InlineData(7)]
    public async Task MixedOperationsWithMoves_KeepOrderAndCountersExact(int seed)
    {
        var random = new Random(seed);
        var (owner, goal) = await _domain.CreateGoalAsync();
        var statuses = Enum.GetValues<MilestoneStatus>();
        var deleted = new List<string>();

        for (var step = 0; step < 300; step++)
        {
            var live = (await _domain.Milestones.ListAsync(owner, goal)).Value!;
            var pick = live.Count == 0 ? null : live[random.Next(live.Count)];
            var operation = live.Count < 3 ? 0 : random.Next(8);
            var outcome = operation switch
            {
                0 => (await _domain.Milestones.CreateAsync(owner, goal,
                    new NewMilestone($"M{step}", Order: random.Next(3) == 0 ? random.Next(live.Count + 3) : null))).Error,
                1 => (await _domain.Milestones.UpdateAsync(owner, goal, pick!.Id,
                    new MilestoneChanges { Order = random.Next(live.Count + 2) })).Error,
                2 or 3 => (await _domain.Milestones.UpdateAsync(owner, goal, pick!.Id,
                    new MilestoneChanges { Status = statuses[random.Next(statuses.Length)] })).Error,
                4 when deleted.Count > 0 && random.Next(2) == 0 => await RestoreAnyAsync(owner, goal, deleted, random),
                4 => await DeleteAsync(owner, goal, pick!.Id, deleted),
                5 => (await _domain.Milestones.ReorderAsync(owner, goal,
                    [.. live.Select(m => m.Id).OrderBy(_ => random.Next())])).Error,
                // Moves as a board sends them, now and then from a view that missed a change (past the end).
                _ => (await _domain.Milestones.MoveAsync(owner, goal, pick!.Id, random.Next(live.Count + 2))).Error,
            };

            Assert.Null(outcome);
            await AssertInvariantsAsync(goal, step);
        }
    }

    private async Task<DomainError?> DeleteAsync(string owner, string goal, string id, List<string> deleted)
    {
        deleted.Add(id);
        return (await _domain.Milestones.DeleteAsync(owner, goal, id)).Error;
    }

    /// <summary>Restores one of the deleted milestones (at its old position, or last), as the board's Undo does.</summary>
    private async Task<DomainError?> RestoreAnyAsync(string owner, string goal, List<string> deleted,
        Random random)
    {
        var index = random.Next(deleted.Count);
        var id = deleted[index];
        deleted.RemoveAt(index);
        return (await _domain.Milestones.RestoreAsync(owner, goal, id)).Error;
    }

    private async Task AssertInvariantsAsync(string goalId, int step)
    {
        await using var db = await _domain.Contexts.CreateDbContextAsync();
        var live = await db.Milestones.Where(m => m.GoalId == goalId && m.DeletedAt == null).ToListAsync();
        var goal = await db.Goals.SingleAsync(g => g.Id == goalId);

        Assert.True(live.Select(m => m.Order).Order().SequenceEqual(Enumerable.Range(0, live.Count)),
            $"step {step}: orders {string.Join(",", live.Select(m => m.Order).Order())}");
        Assert.Equal(live.Count, goal.TasksTotal);
        Assert.Equal(live.Count(m => m.Status != MilestoneStatus.Pending), goal.TasksCompleted);
    }

    public void Dispose() => _domain.Dispose();
}

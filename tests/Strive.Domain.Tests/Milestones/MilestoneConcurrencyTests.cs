using Microsoft.EntityFrameworkCore;
using Strive.Domain.Common;
using Strive.Domain.Milestones;
using Strive.Domain.Tests.Infrastructure;

namespace Strive.Domain.Tests.Milestones;

public sealed class MilestoneConcurrencyTests : IDisposable
{
    private readonly DomainHarness _domain = new();

    [Fact]
    public async Task ParallelMovesAndCompletions_LoseNoUpdateAndKeepInvariants()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var milestones = new List<MilestoneView>();
        for (var i = 0; i < 8; i++)
        {
            milestones.Add(await _domain.AddMilestoneAsync(owner, goal, $"M{i}"));
        }

        // Every milestone is completed once, concurrently with moves of the others.
        var completions = milestones.Select(m => _domain.Milestones.UpdateAsync(owner, goal, m.Id,
            new MilestoneChanges { Status = MilestoneStatus.Succeeded }));
        var moves = milestones.Select((m, i) => _domain.Milestones.UpdateAsync(owner, goal, m.Id,
            new MilestoneChanges { Order = (i * 3) % milestones.Count }));
        var results = await Task.WhenAll(completions.Concat(moves));

        Assert.All(results, r => Assert.True(r.IsSuccess || r.Error!.Kind == ErrorKind.Conflict, r.Error?.Message));
        await using var db = await _domain.Contexts.CreateDbContextAsync();
        var live = await db.Milestones.Where(m => m.GoalId == goal && m.DeletedAt == null).ToListAsync();
        var stored = await db.Goals.SingleAsync(g => g.Id == goal);
        Assert.Equal(Enumerable.Range(0, 8), live.Select(m => m.Order).Order());
        var succeeded = results.Take(milestones.Count).Count(r => r.IsSuccess);
        Assert.Equal(succeeded, live.Count(m => m.Status == MilestoneStatus.Succeeded));
        Assert.Equal(succeeded, stored.TasksCompleted);
        Assert.Equal(8, stored.TasksTotal);
    }

    public void Dispose() => _domain.Dispose();
}

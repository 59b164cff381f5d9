using Microsoft.EntityFrameworkCore;
using Strive.Domain.Events;
using Strive.Domain.Milestones;
using Strive.Domain.Tests.Infrastructure;

namespace Strive.Domain.Tests.Milestones;

public sealed class MilestoneConcurrencyTests : IDisposable
{
    private readonly DomainHarness _domain = new();

    [Fact]
    public async Task ParallelMovesAndCompletions_AllApply_AndLoseNoUpdate()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var milestones = new List<MilestoneView>();
        for (var i = 0; i < 8; i++)
        {
            milestones.Add(await _domain.AddMilestoneAsync(owner, goal, $"M{i}"));
        }

        // Every milestone is completed once, concurrently with a move of each of them.
        var targets = milestones.Select((_, i) => (i * 3) % milestones.Count).ToList();
        var completions = milestones.Select(m => Concurrently(() => _domain.Milestones.UpdateAsync(owner, goal, m.Id,
            new MilestoneChanges { Status = MilestoneStatus.Succeeded })));
        var moves = milestones.Select((m, i) => Concurrently(() => _domain.Milestones.UpdateAsync(owner, goal, m.Id,
            new MilestoneChanges { Order = targets[i] })));
        var results = await Task.WhenAll(completions.Concat(moves));

        // A writer that loses a race replays on the new state (docs/decisions/002), so none is turned away.
        Assert.All(results, r => Assert.True(r.IsSuccess, r.Error?.Message));
        Assert.All(results.Take(milestones.Count), r => Assert.Equal(MilestoneStatus.Succeeded, r.Value!.Status));
        Assert.Equal(targets, results.Skip(milestones.Count).Select(r => r.Value!.Order));

        // And none is lost: every completion is stored and counted once, the order stays 0..n-1.
        await using var db = await _domain.Contexts.CreateDbContextAsync();
        var live = await db.Milestones.Where(m => m.GoalId == goal && m.DeletedAt == null).ToListAsync();
        var stored = await db.Goals.SingleAsync(g => g.Id == goal);
        var completedEvents = await db.GoalEvents
            .CountAsync(e => e.GoalId == goal && e.Type == GoalEventType.MilestoneCompletedSuccessfully);
        Assert.Equal(Enumerable.Range(0, 8), live.Select(m => m.Order).Order());
        Assert.All(live, m => Assert.Equal(MilestoneStatus.Succeeded, m.Status));
        Assert.Equal(8, stored.TasksCompleted);
        Assert.Equal(8, stored.TasksTotal);
        Assert.Equal(8, completedEvents);
    }

    [Fact]
    public async Task ParallelMovesAndAppends_AllLand_AndKeepInvariants()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var ids = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            ids.Add((await _domain.AddMilestoneAsync(owner, goal, $"M{i}")).Id);
        }

        var random = new Random(8);
        var moves = Enumerable.Range(0, 30)
            .Select(_ => (Id: ids[random.Next(ids.Count)], Position: random.Next(14)))
            .Select(m => Concurrently(() => _domain.Milestones.MoveAsync(owner, goal, m.Id, m.Position)))
            .ToList();
        var appends = Enumerable.Range(0, 4)
            .Select(i => Concurrently(() => _domain.Milestones.CreateAsync(owner, goal, new NewMilestone($"Late {i}"))))
            .ToList();
        var moved = await Task.WhenAll(moves);
        var appended = await Task.WhenAll(appends);

        // SQLite serialises writers at BEGIN IMMEDIATE, so no move should even lose a race.
        Assert.All(moved, r => Assert.True(r.IsSuccess, r.Error?.Message));
        Assert.All(appended, r => Assert.True(r.IsSuccess, r.Error?.Message));
        await using var db = await _domain.Contexts.CreateDbContextAsync();
        var live = await db.Milestones.Where(m => m.GoalId == goal && m.DeletedAt == null).ToListAsync();
        var stored = await db.Goals.SingleAsync(g => g.Id == goal);
        Assert.Equal(Enumerable.Range(0, 14), live.Select(m => m.Order).Order());
        Assert.Equal((14, 0), (stored.TasksTotal, stored.TasksCompleted));
        var movedEvents = await db.GoalEvents.CountAsync(e => e.GoalId == goal
            && e.Type == Strive.Domain.Events.GoalEventType.MilestoneMoved);
        Assert.InRange(movedEvents, 1, moves.Count);
    }

    /// <summary>
    /// On the thread pool: Microsoft.Data.Sqlite completes "async" calls synchronously, so calls merely
    /// started one after another would run one after another.
    /// </summary>
    private static Task<T> Concurrently<T>(Func<Task<T>> call) => Task.Run(call);

    public void Dispose() => _domain.Dispose();
}

using Microsoft.EntityFrameworkCore;
using Strive.Domain.Events;
using Strive.Domain.Milestones;
using Strive.Domain.Tests.Infrastructure;

namespace Strive.Domain.Tests.Deadlines;

public sealed class DeadlineServiceTests : IDisposable
{
    private readonly DomainHarness _domain = new();

    [Fact]
    public async Task PassedDeadline_IsRecordedOnce()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var milestone = await CreateWithDeadlineAsync(owner, goal, "A", days: 1);

        Assert.Equal(0, await _domain.Deadlines.RecordPassedDeadlinesAsync());
        _domain.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, await _domain.Deadlines.RecordPassedDeadlinesAsync());
        Assert.Equal(0, await _domain.Deadlines.RecordPassedDeadlinesAsync());

        Assert.Equal(1, await CountDeadlineEventsAsync(milestone.Id));
    }

    [Fact]
    public async Task ChangingTheDeadline_ReArmsIt()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var milestone = await CreateWithDeadlineAsync(owner, goal, "A", days: 1);
        _domain.Clock.Advance(TimeSpan.FromDays(2));
        await _domain.Deadlines.RecordPassedDeadlinesAsync();

        await _domain.Milestones.UpdateAsync(owner, goal, milestone.Id,
            new MilestoneChanges { Deadline = _domain.Clock.GetUtcNow().AddDays(1) });
        _domain.Clock.Advance(TimeSpan.FromDays(2));
        await _domain.Deadlines.RecordPassedDeadlinesAsync();

        Assert.Equal(2, await CountDeadlineEventsAsync(milestone.Id));
    }

    [Fact]
    public async Task CompletingOrDeleting_DisarmsIt()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var completed = await CreateWithDeadlineAsync(owner, goal, "Completed", days: 1);
        var deleted = await CreateWithDeadlineAsync(owner, goal, "Deleted", days: 1);
        await _domain.Milestones.UpdateAsync(owner, goal, completed.Id,
            new MilestoneChanges { Status = MilestoneStatus.Succeeded });
        await _domain.Milestones.DeleteAsync(owner, goal, deleted.Id);

        _domain.Clock.Advance(TimeSpan.FromDays(3));

        Assert.Equal(0, await _domain.Deadlines.RecordPassedDeadlinesAsync());
    }

    [Fact]
    public async Task TwoWorkersScanningTogether_RecordEachDeadlineOnce()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        for (var i = 0; i < 10; i++)
        {
            await CreateWithDeadlineAsync(owner, goal, $"M{i}", days: 1);
        }

        _domain.Clock.Advance(TimeSpan.FromDays(2));
        var recorded = await Task.WhenAll(
            _domain.Deadlines.RecordPassedDeadlinesAsync(), _domain.Deadlines.RecordPassedDeadlinesAsync());

        Assert.Equal(10, recorded.Sum());
        await using var db = await _domain.Contexts.CreateDbContextAsync();
        Assert.Equal(10, await db.GoalEvents.CountAsync(e => e.Type == GoalEventType.MilestoneDeadlinePassed));
    }

    private async Task<MilestoneView> CreateWithDeadlineAsync(string owner, string goal, string content, int days)
    {
        var result = await _domain.Milestones.CreateAsync(owner, goal,
            new NewMilestone(content, Deadline: _domain.Clock.GetUtcNow().AddDays(days)));
        return result.Value!;
    }

    private async Task<int> CountDeadlineEventsAsync(string milestoneId)
    {
        await using var db = await _domain.Contexts.CreateDbContextAsync();
        return await db.GoalEvents.CountAsync(e =>
            e.MilestoneId == milestoneId && e.Type == GoalEventType.MilestoneDeadlinePassed);
    }

    public void Dispose() => _domain.Dispose();
}

using Microsoft.EntityFrameworkCore;
using Strive.Domain.Events;
using Strive.Domain.Goals;
using Strive.Domain.Milestones;
using Strive.Domain.Supports;
using Strive.Domain.Tests.Infrastructure;

namespace Strive.Domain.Tests.Milestones;

public sealed class MilestoneSideEffectTests : IDisposable
{
    private readonly DomainHarness _domain = new();

    [Fact]
    public async Task StatusChanges_KeepTaskCountersInStep_BothWays()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var a = await _domain.AddMilestoneAsync(owner, goal, "A");
        await _domain.AddMilestoneAsync(owner, goal, "B");

        await SetStatusAsync(owner, goal, a.Id, MilestoneStatus.Succeeded);
        var afterSuccess = (await _domain.Goals.GetAsync(owner, goal)).Value!;
        await SetStatusAsync(owner, goal, a.Id, MilestoneStatus.Failed);
        var afterFailure = (await _domain.Goals.GetAsync(owner, goal)).Value!;
        await SetStatusAsync(owner, goal, a.Id, MilestoneStatus.Pending);
        var afterReopen = (await _domain.Goals.GetAsync(owner, goal)).Value!;

        Assert.Equal((2, 1), (afterSuccess.TasksTotal, afterSuccess.TasksCompleted));
        Assert.Equal((2, 1), (afterFailure.TasksTotal, afterFailure.TasksCompleted));
        Assert.Equal((2, 0), (afterReopen.TasksTotal, afterReopen.TasksCompleted));
    }

    [Fact]
    public async Task Completing_SetsFinishedAt_AndReopeningClearsIt()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var a = await _domain.AddMilestoneAsync(owner, goal, "A");

        var done = await SetStatusAsync(owner, goal, a.Id, MilestoneStatus.Succeeded);
        var reopened = await SetStatusAsync(owner, goal, a.Id, MilestoneStatus.Pending);

        Assert.Equal(_domain.Clock.GetUtcNow(), done.FinishedAt);
        Assert.Null(reopened.FinishedAt);
    }

    [Fact]
    public async Task Delete_DecrementsCounters_AndHidesTheMilestoneEverywhere()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var a = await _domain.AddMilestoneAsync(owner, goal, "A");
        await SetStatusAsync(owner, goal, a.Id, MilestoneStatus.Succeeded);

        await _domain.Milestones.DeleteAsync(owner, goal, a.Id);

        var view = (await _domain.Goals.GetAsync(owner, goal)).Value!;
        Assert.Equal((0, 0), (view.TasksTotal, view.TasksCompleted));
        Assert.Equal("Milestone not found", (await _domain.Milestones.GetAsync(owner, goal, a.Id)).Error?.Message);
        Assert.Equal("Milestone not found",
            (await _domain.Milestones.UpdateAsync(owner, goal, a.Id, new MilestoneChanges { Content = "x" })).Error?.Message);
        Assert.Equal("Milestone not found", (await _domain.Milestones.DeleteAsync(owner, goal, a.Id)).Error?.Message);
    }

    [Fact]
    public async Task EveryChange_IsRecordedAsAGoalEventWithActorAndMilestone()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var a = await _domain.AddMilestoneAsync(owner, goal, "A");
        foreach (var status in new[] { MilestoneStatus.Succeeded, MilestoneStatus.Pending, MilestoneStatus.Failed })
        {
            _domain.Clock.Advance(TimeSpan.FromMinutes(1));
            await SetStatusAsync(owner, goal, a.Id, status);
        }

        _domain.Clock.Advance(TimeSpan.FromMinutes(1));
        await _domain.Milestones.DeleteAsync(owner, goal, a.Id);

        var events = (await _domain.Goals.ListEventsAsync(owner, goal)).Value!
            .Where(e => e.MilestoneId == a.Id).OrderBy(e => e.CreatedAt).ToList();

        Assert.Equal(
            [
                GoalEventType.MilestoneCreated, GoalEventType.MilestoneCompletedSuccessfully,
                GoalEventType.MilestoneReopened, GoalEventType.MilestoneCompletedUnsuccessfully,
                GoalEventType.MilestoneDeleted,
            ],
            events.Select(e => e.Type));
        Assert.All(events, e => Assert.Equal(owner, e.ActorId));
    }

    [Fact]
    public async Task Completing_AsksSupportersForADecision_AndDeletingRemovesTheirSupports()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var supporter = await _domain.CreateUserAsync("supporter");
        await _domain.Stakeholders.AddAsync(owner, goal, await _domain.EmailOfAsync(supporter), StakeholderRoles.Supporter);
        var a = await _domain.AddMilestoneAsync(owner, goal, "A");
        var pledge = await _domain.Supports.PledgeAsync(supporter, goal, a.Id, "A pair of running shoes");
        Assert.Null(pledge.Value!.NeedsDecision);

        await SetStatusAsync(owner, goal, a.Id, MilestoneStatus.Succeeded);
        var afterCompletion = (await _domain.Supports.ListAsync(owner, goal)).Value!.Single();
        Assert.Equal(_domain.Clock.GetUtcNow(), afterCompletion.NeedsDecision);
        Assert.Equal(SupportStatus.Open, afterCompletion.Status);

        await _domain.Milestones.DeleteAsync(owner, goal, a.Id);
        Assert.Empty((await _domain.Supports.ListAsync(owner, goal)).Value!);
    }

    [Fact]
    public async Task Deadline_IsStoredAsTheEndOfThatDayInUtc()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();

        var created = await _domain.Milestones.CreateAsync(owner, goal,
            new NewMilestone("A", Deadline: new DateTimeOffset(2026, 3, 31, 0, 0, 0, TimeSpan.Zero)));

        Assert.Equal(new DateTimeOffset(2026, 3, 31, 23, 59, 59, 999, TimeSpan.Zero), created.Value!.Deadline);
    }

    [Fact]
    public async Task Update_WithNothingToChange_IsRefused()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var a = await _domain.AddMilestoneAsync(owner, goal, "A");

        var result = await _domain.Milestones.UpdateAsync(owner, goal, a.Id, new MilestoneChanges());

        Assert.Equal("No valid fields to update", result.Error?.Message);
    }

    [Fact]
    public async Task Create_TrimsContent_AndRefusesContentPastTheLimit()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();

        var trimmed = await _domain.Milestones.CreateAsync(owner, goal, new NewMilestone("  Run 5K  "));
        var blank = await _domain.Milestones.CreateAsync(owner, goal, new NewMilestone("   "));
        var tooLong = await _domain.Milestones.CreateAsync(owner, goal, new NewMilestone(new string('x', 501)));

        Assert.Equal("Run 5K", trimmed.Value!.Content);
        Assert.Equal("content is required and must be a string", blank.Error?.Message);
        Assert.Equal("content must be at most 500 characters", tooLong.Error?.Message);
    }

    [Fact]
    public async Task Changes_AreAnnouncedToSubscribersOfTheGoal()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var heard = new TaskCompletionSource<GoalChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = _domain.Notifier.Subscribe(goal, change =>
        {
            heard.TrySetResult(change);
            return Task.CompletedTask;
        });

        await _domain.AddMilestoneAsync(owner, goal, "A");

        var change = await heard.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(new GoalChange(goal, owner, _domain.Origin.Id), change);
    }

    [Fact]
    public async Task Subtasks_AreSavedAndReplacedAsAWhole()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var a = await _domain.AddMilestoneAsync(owner, goal, "A");

        await _domain.Milestones.UpdateAsync(owner, goal, a.Id,
            new MilestoneChanges { Subtasks = new List<Subtask> { new("Shoes", true), new("Plan", false) } });

        await using var db = await _domain.Contexts.CreateDbContextAsync();
        var stored = await db.Milestones.SingleAsync(m => m.Id == a.Id);
        Assert.Equal([new Subtask("Shoes", true), new Subtask("Plan", false)], stored.Subtasks);
    }

    private async Task<MilestoneView> SetStatusAsync(string actor, string goal, string milestone, MilestoneStatus status)
    {
        var result = await _domain.Milestones.UpdateAsync(actor, goal, milestone, new MilestoneChanges { Status = status });
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value;
    }

    public void Dispose() => _domain.Dispose();
}

using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Strive.Domain.Goals;
using Strive.Domain.Tests.Infrastructure;

namespace Strive.Domain.Tests.Goals;

/// <summary>
/// The list's access check kept in memory (docs/decisions/010-goal-gate-in-memory.md): an unchanged goal is listed
/// without SQL, every change is seen by the next list, a read that raced a change is never kept, and nothing is
/// kept or served while the host cannot vouch for the change notices.
/// </summary>
public sealed class GoalGateCacheTests : IDisposable
{
    private readonly CommandCounter _counter = new();
    private readonly AfterGateQuery _race = new();
    private readonly DomainHarness _domain;

    public GoalGateCacheTests() => _domain = new DomainHarness(_counter, _race);

    private async Task<(string Owner, string Goal, string A, string B)> GoalOfTwoAsync()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var a = (await _domain.AddMilestoneAsync(owner, goal, "A")).Id;
        var b = (await _domain.AddMilestoneAsync(owner, goal, "B")).Id;
        return (owner, goal, a, b);
    }

    [Fact]
    public async Task AnUnchangedGoal_IsListedWithoutSql_AndAChangeIsSeenByTheNextList()
    {
        var (owner, goal, _, b) = await GoalOfTwoAsync();
        var version = (await _domain.Milestones.ListAsync(owner, goal, null)).Value!.GoalVersion;

        _counter.Reset();
        var unchanged = await _domain.Milestones.ListAsync(owner, goal, version);
        Assert.Equal((0, version), (_counter.Count, unchanged.Value!.GoalVersion));
        Assert.Null(unchanged.Value.List);

        Assert.True((await _domain.Milestones.MoveAsync(owner, goal, b, 0)).IsSuccess);
        var changed = await _domain.Milestones.ListAsync(owner, goal, version);

        Assert.NotEqual(version, changed.Value!.GoalVersion);
        Assert.Equal(["B", "A"], changed.Value.List!.Select(m => m.Content));
    }

    [Fact]
    public async Task AReadThatRacedAChange_IsNotKept_SoTheNextListReadsAgain()
    {
        var (owner, goal, a, b) = await GoalOfTwoAsync();
        Assert.True((await _domain.Milestones.MoveAsync(owner, goal, b, 0)).IsSuccess);
        // Right after the next list's access check has read the goal, another writer moves A back to the top and
        // announces it, before that list can keep what it read.
        _race.Then(async () => Assert.True((await _domain.Milestones.MoveAsync(owner, goal, a, 0)).IsSuccess));

        var raced = (await _domain.Milestones.ListAsync(owner, goal, null)).Value!;
        var next = await _domain.Milestones.ListAsync(owner, goal, raced.GoalVersion);

        Assert.True(_race.Ran);
        Assert.NotEqual(raced.GoalVersion, next.Value!.GoalVersion);
        Assert.Equal(["A", "B"], next.Value.List!.Select(m => m.Content));
    }

    [Fact]
    public async Task WhileSuspended_EveryListReadsTheDatabase_AndAfterResumeTheCacheStartsEmpty()
    {
        var (owner, goal, _, _) = await GoalOfTwoAsync();
        var version = (await _domain.Milestones.ListAsync(owner, goal, null)).Value!.GoalVersion;

        _domain.Gates.Suspend();
        _counter.Reset();
        await _domain.Milestones.ListAsync(owner, goal, version);
        await _domain.Milestones.ListAsync(owner, goal, version);
        Assert.Equal(2, _counter.Count);

        _domain.Gates.Resume();
        _counter.Reset();
        await _domain.Milestones.ListAsync(owner, goal, version);
        await _domain.Milestones.ListAsync(owner, goal, version);
        Assert.Equal(1, _counter.Count);
    }

    [Fact]
    public async Task AStakeholderRemoved_IsRefusedByTheNextList_ThoughTheirAccessWasKept()
    {
        var (owner, goal, _, _) = await GoalOfTwoAsync();
        var member = await _domain.CreateUserAsync("member");
        Assert.True((await _domain.Stakeholders.AddAsOperatorAsync(goal, await _domain.EmailOfAsync(member),
            StakeholderRoles.Spectator)).IsSuccess);
        var version = (await _domain.Milestones.ListAsync(member, goal, null)).Value!.GoalVersion;
        Assert.True((await _domain.Milestones.ListAsync(member, goal, version)).IsSuccess);

        Assert.True((await _domain.Stakeholders.RemoveAsync(owner, goal, member)).IsSuccess);

        Assert.Equal(GoalErrors.NotStakeholder, (await _domain.Milestones.ListAsync(member, goal, version)).Error);
    }

    public void Dispose() => _domain.Dispose();

    /// <summary>Runs an action once, right after the access check's query has read the goal (its reader is open).</summary>
    private sealed class AfterGateQuery : DbCommandInterceptor
    {
        private Func<Task>? _action;

        public bool Ran { get; private set; }

        public void Then(Func<Task> action) => _action = action;

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command,
            CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("\"IsPublic\"", StringComparison.Ordinal)
                && Interlocked.Exchange(ref _action, null) is { } action)
            {
                await action();
                Ran = true;
            }

            return await base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
        }
    }
}

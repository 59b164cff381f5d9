using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Strive.Domain.Events;
using Strive.Domain.Tests.Infrastructure;

namespace Strive.Domain.Tests.Milestones;

/// <summary>
/// A writer that loses the race on Goal.Version rolls back everything it wrote, set-based shifts
/// included, and is replayed on the new state. SQLite serialises writers, so the race is staged: a
/// command interceptor makes one attempt lose.
/// </summary>
public sealed class MilestoneReplayTests : IDisposable
{
    private readonly LoseOnce _lose = new();
    private readonly DomainHarness _domain;

    public MilestoneReplayTests() => _domain = new DomainHarness(_lose);

    [Fact]
    public async Task LostRaceAfterTheShift_RollsTheShiftBack_AndTheReplayMovesOnce()
    {
        var (owner, goal, last) = await GoalWithFourAsync();
        _lose.Before("INSERT INTO \"GoalEvents\"", (_, _) => throw new DbUpdateConcurrencyException("lost"));

        var moved = await _domain.Milestones.MoveAsync(owner, goal, last, 0);

        Assert.Equal(2, _lose.Seen);
        Assert.True(moved.IsSuccess, moved.Error?.Message);
        Assert.Equal(["D", "A", "B", "C"], await _domain.ContentsInOrderAsync(owner, goal));
        Assert.Equal([0, 1, 2, 3], (await _domain.Milestones.ListAsync(owner, goal)).Value!.Select(m => m.Order));
        Assert.Equal(1, await CountMovedEventsAsync(goal));
    }

    [Fact]
    public async Task ClaimOnAVersionSomeoneElseRenewed_FindsNoGoal_AndIsReplayed()
    {
        var (owner, goal, last) = await GoalWithFourAsync();
        // Another writer commits between this change's reads and its first write.
        _lose.Before("SET \"Version\"", (connection, transaction) =>
        {
            using var renew = connection.CreateCommand();
            renew.Transaction = transaction;
            renew.CommandText = "UPDATE \"Goals\" SET \"Version\" = 'renewed-by-someone-else'";
            renew.ExecuteNonQuery();
        });

        var moved = await _domain.Milestones.MoveAsync(owner, goal, last, 1);

        Assert.Equal(2, _lose.Seen);
        Assert.True(moved.IsSuccess, moved.Error?.Message);
        Assert.Equal(["A", "D", "B", "C"], await _domain.ContentsInOrderAsync(owner, goal));
        Assert.Equal(1, await CountMovedEventsAsync(goal));
    }

    private async Task<(string Owner, string Goal, string LastId)> GoalWithFourAsync()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        string last = "";
        foreach (var content in new[] { "A", "B", "C", "D" })
        {
            last = (await _domain.AddMilestoneAsync(owner, goal, content)).Id;
        }

        return (owner, goal, last);
    }

    private async Task<int> CountMovedEventsAsync(string goal)
    {
        await using var db = await _domain.Contexts.CreateDbContextAsync();
        return await db.GoalEvents.CountAsync(e => e.GoalId == goal && e.Type == GoalEventType.MilestoneMoved);
    }

    public void Dispose() => _domain.Dispose();

    /// <summary>Runs an action once, just before the first command whose SQL contains a given text, and counts them.</summary>
    private sealed class LoseOnce : DbCommandInterceptor
    {
        private string? _sql;
        private Action<DbConnection, DbTransaction?>? _action;

        /// <summary>How many commands with that text ran, the disturbed one included.</summary>
        public int Seen { get; private set; }

        public void Before(string sql, Action<DbConnection, DbTransaction?> action) => (_sql, _action) = (sql, action);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command,
            CommandEventData eventData, InterceptionResult<DbDataReader> result,
            CancellationToken cancellationToken = default)
        {
            Disturb(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command,
            CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Disturb(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void Disturb(DbCommand command)
        {
            if (_sql is null || !command.CommandText.Contains(_sql, StringComparison.Ordinal))
            {
                return;
            }

            Seen++;
            if (_action is { } action)
            {
                _action = null;
                action(command.Connection!, command.Transaction);
            }
        }
    }
}

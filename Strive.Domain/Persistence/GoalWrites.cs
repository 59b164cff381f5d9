using Microsoft.EntityFrameworkCore;
using Strive.Domain.Common;
using Strive.Domain.Events;
using Strive.Domain.Goals;

namespace Strive.Domain.Persistence;

/// <summary>
/// Runs a change to one goal in a fresh context and one explicit transaction, and commits it. Every such
/// change renews the goal's concurrency token, so when two writers race, the loser fails and its
/// transaction rolls back, set-based updates included; it is then replayed on the new state (each change
/// applies on top of the other) and only after several lost races is the caller told to try again (409).
/// Scoped: the change notice carries the <see cref="ChangeOrigin"/> of the circuit or request that made it.
/// </summary>
public sealed class GoalWrites(
    IDbContextFactory<StriveDbContext> contexts,
    IGoalChangeNotifier notifier,
    ChangeOrigin origin,
    WriteGate gate)
{
    private const int MaxAttempts = 8;

    /// <summary>For a write outside <see cref="RunAsync{T}"/> (creating a goal): its events name the agent too.</summary>
    public void Stamp(StriveDbContext db) => origin.Stamp(db);

    public async Task<Result<T>> RunAsync<T>(string goalId, string? actorId,
        Func<StriveDbContext, Task<Result<T>>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await gate.RunAsync(() => AttemptAsync(change, cancellationToken), cancellationToken);
                if (result.IsSuccess)
                {
                    notifier.Publish(new GoalChange(goalId, actorId, origin.Id));
                }

                return result;
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return GoalErrors.ChangedConcurrently;
            }
        }
    }

    /// <summary>
    /// One attempt: a refusal rolls back whatever the change wrote. The provider's execution strategy
    /// (SQL Server retries transient faults) must own a user-initiated transaction, so it runs the whole
    /// attempt, starting each of its retries from what is stored rather than from what a failed try tracked.
    /// </summary>
    private async Task<Result<T>> AttemptAsync<T>(Func<StriveDbContext, Task<Result<T>>> change,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        origin.Stamp(db);
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var result = await change(db);
            if (result.IsSuccess)
            {
                await transaction.CommitAsync(token);
            }

            return result;
        }, cancellationToken);
    }
}

using Microsoft.EntityFrameworkCore;
using Strive.Domain.Common;
using Strive.Domain.Persistence;

namespace Strive.Domain.Goals;

/// <summary>
/// Erases for good the goals deleted more than <see cref="Goal.RestoreWindow"/> ago, with everything in them. Each
/// goal is first claimed with a conditional update and a lease (as DeadlineService claims its events), so of
/// several instances exactly one erases it, and a claim left by an instance that died runs out and is taken again.
/// Self-contained on purpose: one scan, one claim, one erase, ready to move onto a shared claim mechanism.
/// </summary>
public sealed class GoalErasureService(IDbContextFactory<StriveDbContext> contexts, TimeProvider clock)
{
    private const int BatchSize = 50;

    /// <summary>Longer than erasing one goal can take; a claim older than this is presumed abandoned.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    /// <returns>How many goals this call erased.</returns>
    public async Task<int> EraseExpiredAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.Now();
        var cutoff = now - Goal.RestoreWindow;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var due = await Expired(db, cutoff, now).Select(g => g.Id).Take(BatchSize).ToListAsync(cancellationToken);
        var erased = 0;
        foreach (var goalId in due)
        {
            var claimed = await Expired(db, cutoff, now).Where(g => g.Id == goalId)
                .ExecuteUpdateAsync(u => u.SetProperty(g => g.ErasureLeaseUntil, now + Lease), cancellationToken);
            if (claimed == 1)
            {
                erased += await EraseAsync(db, goalId, cancellationToken);
            }
        }

        return erased;
    }

    /// <summary>Deleted before <paramref name="cutoff"/> and not claimed by an instance still within its lease.</summary>
    private static IQueryable<Goal> Expired(StriveDbContext db, DateTimeOffset cutoff, DateTimeOffset now) =>
        db.Goals.IgnoreQueryFilters()
            .Where(g => g.DeletedAt != null && g.DeletedAt < cutoff
                && (g.ErasureLeaseUntil == null || g.ErasureLeaseUntil < now));

    /// <summary>
    /// Removes the goal's row; the database cascades to every row that refers to it (each foreign key to Goal is
    /// configured with Cascade, and a test walks the model to hold every such table to it).
    /// Posts' photos live in the database too (PostMedia), so they go with their posts.
    /// </summary>
    private static async Task<int> EraseAsync(StriveDbContext db, string goalId, CancellationToken cancellationToken) =>
        await db.Goals.IgnoreQueryFilters()
            .Where(g => g.Id == goalId && g.DeletedAt != null)
            .ExecuteDeleteAsync(cancellationToken);
}
